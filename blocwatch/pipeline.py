"""Stages and the pipeline that runs them.

A stage is a function `(Article, Settings) -> Article`, registered under a name with what it
requires and provides. `build()` checks the order once; `Pipeline.__call__` runs one raw document
through extraction and every stage. The same pipeline object runs in a process pool or on Dask.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable

from .errors import InputError, PipelineError
from .model import Article, RawDocument, Rejection
from .settings import Settings

StageFunction = Callable[[Article, Settings], Article]


@dataclass(frozen=True)
class Stage:
    name: str
    function: StageFunction
    requires: tuple[str, ...]
    provides: tuple[str, ...]


REGISTRY: dict[str, Stage] = {}

# Where each built-in stage lives; imported only when a pipeline asks for it.
STAGE_MODULES = {
    "clean": "blocwatch.stages.clean",
    "language": "blocwatch.stages.language",
    "sentences": "blocwatch.stages.sentences",
    "actors": "blocwatch.stages.actors",
    "events": "blocwatch.stages.events",
}
DEFAULT_STAGES = ("clean", "language", "sentences", "actors", "events")
EXTRACTED = ("text", "title", "published")  # what extraction provides to the first stage


def stage(name: str, requires: Iterable[str] = (), provides: Iterable[str] = ()) -> Callable[[StageFunction], StageFunction]:
    """Register a stage function under `name`."""

    def register(function: StageFunction) -> StageFunction:
        REGISTRY[name] = Stage(name, function, tuple(requires), tuple(provides))
        return function

    return register


def get_stage(name: str) -> Stage:
    if name not in REGISTRY and name in STAGE_MODULES:
        importlib.import_module(STAGE_MODULES[name])
    if name not in REGISTRY:
        known = ", ".join(sorted(set(REGISTRY) | set(STAGE_MODULES)))
        raise PipelineError(f"unknown stage {name!r}; known stages: {known}")
    return REGISTRY[name]


def check_order(stages: Iterable[Stage]) -> None:
    """Raise PipelineError when a stage requires what no earlier stage provides."""
    available = set(EXTRACTED)
    for current in stages:
        missing = [need for need in current.requires if need not in available]
        if missing:
            raise PipelineError(f"stage {current.name!r} requires {', '.join(missing)}, which no earlier stage provides")
        available.update(current.provides)


@dataclass
class Pipeline:
    settings: Settings
    stages: tuple[Stage, ...] = field(default_factory=tuple)

    def __call__(self, document: RawDocument) -> Article | Rejection:
        """Extract and run every stage; an unusable document becomes a Rejection."""
        from .stages.extract import extract

        try:
            article = extract(document, self.settings)
            for current in self.stages:
                article = current.function(article, self.settings)
                article = replace(article, done=article.done | {current.name})
        except InputError as error:
            return Rejection(document.origin, str(error))
        return article

    def run(self, documents: Iterable[RawDocument | Rejection]) -> Iterable[Article | Rejection]:
        for document in documents:
            yield document if isinstance(document, Rejection) else self(document)


def build(settings: Settings | None = None, names: Iterable[str] = DEFAULT_STAGES) -> Pipeline:
    """The pipeline of the named stages, in order, checked."""
    stages = tuple(get_stage(name) for name in names)
    check_order(stages)
    return Pipeline(settings or Settings(), stages)
