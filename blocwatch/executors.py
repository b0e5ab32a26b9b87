"""Where the pipeline runs: in this process, in a local process pool, or on a Dask cluster.

Every executor maps the SAME `Pipeline` object over raw documents and yields the results in input
order, holding at most `window` documents in flight so memory stays flat on long inputs. The
pipeline is shipped to each worker once (pool initializer, or `Client.scatter(..., broadcast=True)`);
a worker loads its language models once, on its first document.

    executor = make_executor("dask", workers=4)                  # LocalCluster on this machine
    executor = make_executor("dask", scheduler="tcp://host:8786")  # an existing cluster
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Callable, Iterable, Iterator, Protocol

from .errors import BlocwatchError, MissingDependency
from .model import Article, RawDocument, Rejection
from .pipeline import Pipeline

Result = Article | Rejection
DASK_HINT = "the Dask executor needs the `dist` extra: pip install 'blocwatch[dist]'"
KINDS = ("local", "process", "dask")


def run_document(pipeline: Pipeline, document: RawDocument | Rejection) -> Result:
    """One document through the pipeline; a failure inside a stage becomes a Rejection, not a crash."""
    if isinstance(document, Rejection):
        return document
    try:
        return pipeline(document)
    except Exception as error:  # a stage bug must not end the batch; the reason names it
        return Rejection(document.origin, f"unexpected error in the pipeline ({type(error).__name__}: {error}); please report it")


class Executor(Protocol):
    def map(self, pipeline: Pipeline, documents: Iterable[RawDocument | Rejection]) -> Iterator[Result]:
        """Results in input order."""

    def close(self) -> None:
        """Release workers."""


def in_order(submit: Callable[[RawDocument], Any], documents: Iterable[RawDocument | Rejection], window: int) -> Iterator[Result]:
    """Submit documents, at most `window` in flight, and yield their results in input order."""
    pending: deque[Any] = deque()
    for document in documents:
        pending.append(document if isinstance(document, Rejection) else submit(document))
        while len(pending) >= window:
            yield _result(pending.popleft())
    while pending:
        yield _result(pending.popleft())


def _result(item: Any) -> Result:
    return item if isinstance(item, Rejection) else item.result()


class LocalExecutor:
    """Runs documents one after another in this process."""

    def map(self, pipeline: Pipeline, documents: Iterable[RawDocument | Rejection]) -> Iterator[Result]:
        for document in documents:
            yield run_document(pipeline, document)

    def close(self) -> None:
        pass


_WORKER_PIPELINE: Pipeline | None = None


def _install(pipeline: Pipeline) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = pipeline


def _run_installed(document: RawDocument) -> Result:
    assert _WORKER_PIPELINE is not None, "the pool initializer did not run"
    return run_document(_WORKER_PIPELINE, document)


class ProcessExecutor:
    """A local pool of worker processes (started with `spawn`, safe beside DuckDB's threads)."""

    def __init__(self, workers: int = 2, window: int | None = None) -> None:
        self.workers = max(1, workers)
        self.window = window or self.workers * 8
        self._pool: ProcessPoolExecutor | None = None

    def map(self, pipeline: Pipeline, documents: Iterable[RawDocument | Rejection]) -> Iterator[Result]:
        self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=_install, initargs=(pipeline,))
        yield from in_order(lambda document: self._pool.submit(_run_installed, document), documents, self.window)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise MissingDependency(DASK_HINT) from None
    return distributed


class DaskExecutor:
    """Runs on Dask: a `LocalCluster` of `workers` processes, or the scheduler at `scheduler`."""

    def __init__(self, workers: int = 2, scheduler: str | None = None, window: int | None = None) -> None:
        distributed = _distributed()
        self._cluster = None
        if scheduler:
            self.client = distributed.Client(scheduler)
        else:
            self._cluster = distributed.LocalCluster(n_workers=max(1, workers), threads_per_worker=1,
                                                     processes=True, dashboard_address=None)
            self.client = distributed.Client(self._cluster)
        self.window = window or max(1, workers) * 8

    def map(self, pipeline: Pipeline, documents: Iterable[RawDocument | Rejection]) -> Iterator[Result]:
        shipped = self.client.scatter(pipeline, broadcast=True)
        submit: Callable[[RawDocument], Future] = lambda document: self.client.submit(run_document, shipped, document, pure=False)
        yield from in_order(submit, documents, self.window)

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def make_executor(kind: str = "local", workers: int = 2, scheduler: str | None = None) -> Executor:
    """The executor called `kind`: local, process or dask."""
    if kind == "local":
        return LocalExecutor()
    if kind == "process":
        return ProcessExecutor(workers)
    if kind == "dask":
        return DaskExecutor(workers, scheduler)
    raise BlocwatchError(f"unknown executor {kind!r}; use one of {', '.join(KINDS)}")
