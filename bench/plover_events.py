"""Run the event coder on each PLOVER gold-standard sentence and print how well it codes them.

    .venv/bin/python bench/plover_events.py [../shared/bench/plover/PLOVER_GSR_CAMEO.txt]

Figures: coverage (sentences with at least one event), event-type accuracy (the first event's
PLOVER type, through the CAMEO-to-PLOVER table, equals the gold type) over all sentences and over
the covered ones, dyad accuracy (some event has the gold source and target; IGO is any
organisation, JAP is JPN) and sentences per second. Run by hand; not part of the tests.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from blocwatch.interchange import LISTED_ORGANISATIONS  # noqa: E402
from blocwatch.model import RawDocument  # noqa: E402
from blocwatch.pipeline import build  # noqa: E402
from blocwatch.settings import Settings  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "bench" / "plover" / "PLOVER_GSR_CAMEO.txt"
OLD_CODES = {"JAP": "JPN"}


def load_records(path: Path) -> list[dict]:
    """The gold records that carry a sentence (the file is JSON with trailing commas)."""
    text = re.sub(r",(\s*[}\]])", r"\1", path.read_text(encoding="utf-8"))
    return [record for record in json.loads(text) if record.get("text") and record.get("source")]


def gold_codes(actors: list[dict] | dict | str | None) -> set[str]:
    if isinstance(actors, dict):
        actors = [actors]
    if not isinstance(actors, list):
        return set()
    return {OLD_CODES.get(a.get("code", ""), a.get("code", "")) for a in actors or [] if a.get("code")}


def same_actor(predicted: str | None, gold: set[str]) -> bool:
    if predicted is None:
        return False
    if "IGO" in gold and (predicted in LISTED_ORGANISATIONS or len(predicted) != 3):
        return True
    return predicted in gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    path = parser.parse_args().path
    records = load_records(path)
    pipeline = build(Settings())
    covered = typed = dyads = 0
    started = time.perf_counter()
    for number, record in enumerate(records):
        article = pipeline(RawDocument(id=f"plover{number}", origin=record["id"], text=record["text"], published=record.get("date")))
        events = getattr(article, "events", ())
        if not events:
            continue
        covered += 1
        typed += events[0].plover == record["event"]
        sources, targets = gold_codes(record.get("source")), gold_codes(record.get("target"))
        dyads += any(same_actor(e.source, sources) and (not targets or same_actor(e.target, targets)) for e in events)
    elapsed = time.perf_counter() - started
    total = len(records)
    print(f"sentences            {total}")
    print(f"coverage             {covered / total:.3f}  ({covered} with an event)")
    print(f"event type accuracy  {typed / total:.3f} of all, {typed / max(covered, 1):.3f} of covered")
    print(f"dyad accuracy        {dyads / total:.3f} of all, {dyads / max(covered, 1):.3f} of covered")
    print(f"sentences/s          {total / elapsed:.1f}")


if __name__ == "__main__":
    main()
