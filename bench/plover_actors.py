"""Actor benchmark on the PLOVER gold standard records (the CAMEO manual's example sentences).

    .venv/bin/python bench/plover_actors.py [--file PATH] [--show N]

Each record is one English sentence with gold `source` and `target` actors (ISO3 codes; `IGO` is
any intergovernmental organisation; the manual's old `JAP` and `ITL` are JPN and ITA). A sentence's
predicted codes are the codes of the mentions the actors stage finds in it (organisations count as
IGO). Prints micro precision and recall over (sentence, code) pairs, and the codes most often missed
and most often added. Non-state actors of the gold (`NGO`, `IMG`) are outside the gazetteer's remit
and left out of both sides. The gold lists only the actors of one event, so a state that a sentence
merely names ("in Tokyo") counts against precision: recall is the figure to watch.
The file is read from ../shared (CC BY-SA 4.0, not copied into the project).
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from pathlib import Path
from typing import Any

from blocwatch.settings import Settings
from blocwatch.stages.actors import mentions_of_text

DEFAULT_FILE = Path("/work/shared/bench/plover/PLOVER_GSR_CAMEO.txt")
OLD_CODES = {"JAP": "JPN", "ITL": "ITA"}
NOT_SCORED = {"NGO", "IMG"}


def read_records(path: Path) -> list[dict[str, Any]]:
    """The records of the file (a JSON list written with trailing commas), those with a sentence."""
    raw = path.read_text(encoding="utf-8")
    records = json.loads(re.sub(r",(\s*[}\]])", r"\1", raw))
    return [record for record in records if record.get("text")]


def gold_codes(record: dict[str, Any]) -> set[str]:
    """The record's source and target codes, normalised."""
    codes = set()
    for side in ("source", "target"):
        actors = record.get(side)
        for actor in actors if isinstance(actors, list) else ():
            code = OLD_CODES.get(actor.get("code"), actor.get("code"))
            if code and code not in NOT_SCORED:
                codes.add(code)
    return codes


def predicted_codes(text: str, published: str | None, settings: Settings) -> set[str]:
    """The codes of the sentence's mentions; any organisation is IGO."""
    codes = set()
    for mention in mentions_of_text(text, settings, published):
        if mention.code and mention.kind == "state":
            codes.add(mention.code)
        elif mention.code and mention.kind == "organisation":
            codes.add("IGO")
    return codes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--show", type=int, default=12, help="how many missed and added codes to list")
    args = parser.parse_args()
    settings = Settings()
    records = read_records(args.file)
    tp = fp = fn = 0
    missed: Counter[str] = Counter()
    added: Counter[str] = Counter()
    started = time.perf_counter()
    for record in records:
        gold, predicted = gold_codes(record), predicted_codes(record["text"], record.get("date"), settings)
        tp += len(gold & predicted)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
        missed.update(gold - predicted)
        added.update(predicted - gold)
    seconds = time.perf_counter() - started
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"sentences {len(records)}  gold codes {tp + fn}  predicted codes {tp + fp}")
    print(f"actors  P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  (tp {tp}, fp {fp}, fn {fn})")
    print(f"missed: {', '.join(f'{code} {n}' for code, n in missed.most_common(args.show))}")
    print(f"added:  {', '.join(f'{code} {n}' for code, n in added.most_common(args.show))}")
    print(f"time {seconds:.1f} s ({1000 * seconds / len(records):.1f} ms per sentence, models loaded in the first)")


if __name__ == "__main__":
    main()
