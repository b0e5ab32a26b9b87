"""Read inputs and run them through the pipeline: the function behind `blocwatch extract`."""

from __future__ import annotations

from typing import Iterable, Iterator

from .model import Article, Rejection
from .pipeline import DEFAULT_STAGES, build
from .settings import Settings
from .sources import read_paths


def extract_paths(paths: Iterable[str], settings: Settings, stages: Iterable[str] = DEFAULT_STAGES) -> Iterator[Article | Rejection]:
    """Every article (or rejection) from the given paths, in input order."""
    pipeline = build(settings, stages)
    yield from pipeline.run(read_paths(paths, settings))
