"""Stages: functions `(Article, Settings) -> Article` registered with `blocwatch.pipeline.stage`.

    extract    (not a stage: RawDocument -> Article)  extract.py
    clean      boilerplate and repeats removed, each removal recorded      clean.py
    language   language of the article and of each paragraph              language.py
    sentences  sentence offsets into the cleaned text                     sentences.py
    actors     mentions of states, organisations, media                   actors.py
    events     CAMEO events with attribution, hedging, negation, dates    events.py

Stages know no database and print nothing; their per-language data is in `blocwatch/lang/`.
"""
