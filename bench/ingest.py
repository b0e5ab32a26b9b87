"""Ingest speed into the store, and peak memory.

    .venv/bin/python bench/ingest.py [--articles N] [--executor local|process|dask] [--workers N]
                                     [--stages clean,language,sentences]

Makes N distinct articles from the bundled seeds (numbered editions, so none is a duplicate),
ingests them into a fresh store in a temporary directory, ingests them again (everything
unchanged: the cost of a re-run), and prints articles/s, events/s, store size and the peak
resident memory of this process and of its worker processes.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from blocwatch.executors import make_executor
from blocwatch.ingest import ingest
from blocwatch.pipeline import DEFAULT_STAGES
from blocwatch.settings import Settings

SEEDS = Path(__file__).resolve().parent.parent / "examples" / "seeds"


def write_batch(path: Path, count: int) -> Path:
    """`count` distinct articles made from the seeds, as JSONL."""
    seeds = sorted(SEEDS.glob("*.txt"))
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            seed = seeds[i % len(seeds)]
            record = {"id": f"{seed.stem}-{i}", "published": "2024-06-01",
                      "text": seed.read_text(encoding="utf-8") + f"\nEdition {i}."}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def peak_mb(who: int) -> float:
    """Peak resident memory in MB (Linux reports KB)."""
    return resource.getrusage(who).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--executor", choices=["local", "process", "dask"], default="local")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--stages", default=",".join(DEFAULT_STAGES))
    options = parser.parse_args()
    stages = tuple(options.stages.split(","))
    with tempfile.TemporaryDirectory() as directory:
        source = write_batch(Path(directory) / "batch.jsonl", options.articles)
        db = Path(directory) / "bench.duckdb"
        first = ingest([str(source)], Settings(), db, make_executor(options.executor, options.workers), stages=stages)
        started = time.perf_counter()
        again = ingest([str(source)], Settings(), db, stages=stages)
        rerun = time.perf_counter() - started
        size = db.stat().st_size / 1e6
    print(f"executor {options.executor} ({options.workers} workers), stages {','.join(stages)}, {options.articles} articles")
    print(f"first ingest: {first.written / first.seconds:.1f} articles/s, {first.events / first.seconds:.1f} events/s "
          f"({first.seconds:.1f}s, {first.events} events, {first.rejected} skipped)")
    print(f"re-run (all unchanged): {again.unchanged / rerun:.0f} articles/s ({rerun:.2f}s)")
    print(f"store: {size:.1f} MB; peak memory: this process {peak_mb(resource.RUSAGE_SELF):.0f} MB, "
          f"largest worker {peak_mb(resource.RUSAGE_CHILDREN):.0f} MB")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
