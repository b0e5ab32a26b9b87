"""Speed of the event-date resolver on sentences from the bundled seed articles.

    .venv/bin/python bench/dates.py [--repeat N]

Prints sentences per second with and without a date expression, and the share that reached
dateparser. Run it after changing blocwatch/dates.py or the lang/*/dates.yaml word lists.
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

from blocwatch.dates import _parse_with_dateparser, find_expressions, resolve_event_date

SEEDS = Path(__file__).resolve().parent.parent / "examples" / "seeds"
PUBLISHED = "2024-11-29"


def seed_sentences() -> list[tuple[str, str]]:
    """(language, sentence) for every sentence-like piece of the seed articles."""
    found = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        language = "ru" if len(re.findall("[а-яё]", text, re.I)) > len(text) / 4 else "en"
        found.extend((language, piece.strip()) for piece in re.split(r"(?<=[.!?])\s+|\n+", text) if len(piece.strip()) > 20)
    return found


def measure(sentences: list[tuple[str, str]], repeat: int) -> float:
    """Sentences per second over `repeat` passes, each with an empty dateparser cache (as for new text)."""
    elapsed = 0.0
    for _ in range(repeat):
        _parse_with_dateparser.cache_clear()
        start = time.perf_counter()
        for language, sentence in sentences:
            resolve_event_date(sentence, language, PUBLISHED)
        elapsed += time.perf_counter() - start
    return len(sentences) * repeat / elapsed


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    sentences = seed_sentences()
    dated = [(lang, s) for lang, s in sentences if find_expressions(s, lang)]
    undated = [(lang, s) for lang, s in sentences if (lang, s) not in dated]
    start = time.perf_counter()
    resolve_event_date("They met on Aug. 27 (27/8/2024).", "en", PUBLISHED), resolve_event_date("Встреча 19 марта.", "ru", PUBLISHED)
    print(f"first calls (grammar build, dateparser warm-up): {time.perf_counter() - start:.2f} s")
    print(f"sentences: {len(sentences)} from {len(list(SEEDS.glob('*.txt')))} seed articles, {len(dated)} with a date expression")
    print(f"all sentences:        {measure(sentences, args.repeat):9.0f} sentences/s")
    print(f"with a date:          {measure(dated, args.repeat):9.0f} sentences/s")
    print(f"without a date:       {measure(undated, args.repeat):9.0f} sentences/s")


if __name__ == "__main__":
    main()
