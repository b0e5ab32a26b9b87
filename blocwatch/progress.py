"""The progress bar of `blocwatch ingest` (rich, on standard error): articles, events and errors."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterator

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from .ingest import IngestSummary


def describe(summary: IngestSummary) -> str:
    """The live line: what has been done so far."""
    stored = summary.written + summary.replaced
    return (f"{summary.read} read · {stored} articles · {summary.events} events · [red]{summary.rejected} errors[/] · "
            f"{summary.unchanged} unchanged · {summary.duplicates} dup.")


@contextmanager
def ingest_progress(quiet: bool = False) -> Iterator[Callable[[IngestSummary], None] | None]:
    """A callback that updates a progress display, or None when quiet."""
    if quiet:
        yield None
        return
    console = Console(stderr=True)
    columns = (SpinnerColumn(), TimeElapsedColumn(), TextColumn("{task.description}"))
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("starting", total=None)
        yield lambda summary: progress.update(task, description=describe(summary), completed=summary.read)
