"""Speed of the actors stage against spaCy NER alone over the same texts (issue 3).

    .venv/bin/python bench/actors_speed.py [--rounds N] [PATH ...]

Cleans and splits the texts once (default: the bundled sample articles), then times, in alternating
rounds (the best round counts, so other load on the machine matters less): the gazetteer walk alone,
the whole actors stage (gazetteer, NER over the sentences that need it, disambiguation), and spaCy's
NER alone (only its `ner` component) over every whole text. Prints seconds and articles per second.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Callable

from blocwatch.gazetteer import load_gazetteer
from blocwatch.model import Article, RawDocument
from blocwatch.nlp import english_pipeline, russian_ner
from blocwatch.pipeline import build
from blocwatch.settings import Settings
from blocwatch.stages.actors import find_mentions, gazetteer_mentions

SEEDS = Path(__file__).resolve().parent.parent / "examples" / "seeds"


def prepared(paths: list[Path], settings: Settings) -> list[Article]:
    """The articles cleaned and split into sentences, ready for the actors stage."""
    pipeline = build(settings, ("clean", "language", "sentences"))
    articles = [pipeline(RawDocument(id=p.stem, origin=str(p), text=p.read_text(encoding="utf-8"))) for p in paths]
    return [article for article in articles if isinstance(article, Article)]


def best_of(rounds: int, tasks: dict[str, Callable[[], object]]) -> dict[str, float]:
    """The shortest of `rounds` timings of each task, the tasks interleaved."""
    best = {name: float("inf") for name in tasks}
    for _ in range(rounds):
        for name, task in tasks.items():
            started = time.perf_counter()
            task()
            best[name] = min(best[name], time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    settings = Settings()
    articles = prepared(args.paths or sorted(SEEDS.glob("*.txt")), settings)
    gazetteer, nlp = load_gazetteer(settings.gazetteer), english_pipeline(settings)
    russian_ner()
    only_ner = [name for name in nlp.pipe_names if name != "ner"]
    texts = [article.text for article in articles]
    find_mentions(articles[0], settings)  # warm caches (models, lemma cache) outside the timings
    timings = best_of(args.rounds, {
        "gazetteer walk": lambda: [gazetteer_mentions(a.text, a.published, gazetteer) for a in articles],
        "actors stage": lambda: [find_mentions(a, settings) for a in articles],
        "spaCy NER alone": lambda: list(nlp.pipe(texts, disable=only_ner)),
    })
    words = sum(len(text.split()) for text in texts)
    print(f"articles {len(articles)}, words {words}, best of {args.rounds} rounds")
    for name, seconds in timings.items():
        print(f"{name:16} {seconds:7.3f} s  {len(articles) / seconds:8.1f} articles/s  {words / seconds:9.0f} words/s")


if __name__ == "__main__":
    main()
