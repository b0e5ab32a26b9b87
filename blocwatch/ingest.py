"""Read inputs, run them through the pipeline and write them into the store: the function behind
`blocwatch ingest`.

An input whose raw content is already stored under its id is skipped before the pipeline runs
(`force=True` re-codes it), so re-running an interrupted ingest only does the missing work.
Results are written in input order, in batches of at most `batch_size` articles or `hold_seconds`
of waiting, one transaction per batch.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .executors import Executor, LocalExecutor
from .model import Article, RawDocument, Rejection
from .pipeline import DEFAULT_STAGES, build
from .settings import Settings
from .sources import read_paths
from .store.writer import StoreWriter


@dataclass
class IngestSummary:
    """What an ingest did, updated as it goes."""

    db: str
    read: int = 0
    written: int = 0
    replaced: int = 0
    unchanged: int = 0
    duplicates: int = 0
    events: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def rejected(self) -> int:
        return len(self.rejections)

    def line(self) -> str:
        """One human line: the summary printed at the end."""
        return (f"{self.read} inputs: {self.written} new, {self.replaced} replaced, {self.unchanged} unchanged, "
                f"{self.duplicates} duplicates, {self.rejected} skipped; {self.events} events stored in {self.db} "
                f"({self.seconds:.1f}s)")


def input_hash(document: RawDocument) -> str:
    """SHA-256 of what a reader found for a document (its origin aside)."""
    fields = [document.id, document.text, document.html, document.title, document.url, document.published,
              document.site, document.author]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()


def _pending(documents: Iterable[RawDocument | Rejection], writer: StoreWriter, summary: IngestSummary,
             hashes: dict[str, str], force: bool, report: Callable[[], None]) -> Iterator[RawDocument | Rejection]:
    """The documents that still need the pipeline; stored, unchanged ones are counted and dropped."""
    for document in documents:
        summary.read += 1
        if isinstance(document, RawDocument):
            hashes[document.id] = input_hash(document)
            if not force and writer.is_unchanged(document.id, hashes[document.id]):
                summary.unchanged += 1
                report()
                continue
        yield document


def _record(summary: IngestSummary, items: list[Article | Rejection], outcomes: list[str]) -> None:
    for item, outcome in zip(items, outcomes):
        if outcome == "rejected":
            summary.rejections.append(item)
        elif outcome == "duplicate":
            summary.duplicates += 1
        else:
            setattr(summary, outcome, getattr(summary, outcome) + 1)
            summary.events += len(item.events)


def ingest(paths: Iterable[str], settings: Settings, db: str | Path | None = None, executor: Executor | None = None,
           batch_size: int = 16, hold_seconds: float = 1.0, force: bool = False,
           progress: Callable[[IngestSummary], None] | None = None, stages: Iterable[str] = DEFAULT_STAGES) -> IngestSummary:
    """Run every input at `paths` through the pipeline into the store; return the summary."""
    started = time.monotonic()
    summary = IngestSummary(str(db or settings.db))
    report = (lambda: progress(summary)) if progress else (lambda: None)
    executor = executor or LocalExecutor()
    pipeline = build(settings, stages)
    hashes: dict[str, str] = {}
    with StoreWriter(summary.db, hold_seconds=hold_seconds) as writer:
        documents = _pending(read_paths(paths, settings), writer, summary, hashes, force, report)
        batch: list[Article | Rejection] = []
        waited_since = time.monotonic()
        try:
            for result in executor.map(pipeline, documents):
                batch.append(result)
                full = len(batch) >= batch_size  # results are streaming in: keep the file open a little
                if full or time.monotonic() - waited_since >= hold_seconds:
                    _record(summary, batch, writer.write(batch, hashes, more_soon=full))
                    batch, waited_since = [], time.monotonic()
                    report()
            if batch:
                _record(summary, batch, writer.write(batch, hashes))
        finally:
            executor.close()
    summary.seconds = time.monotonic() - started
    report()
    return summary
