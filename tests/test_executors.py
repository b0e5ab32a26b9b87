"""Executors: the same pipeline, in this process, in a process pool and on Dask, same results in order."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from blocwatch.errors import BlocwatchError, MissingDependency
from blocwatch.executors import DASK_HINT, DaskExecutor, LocalExecutor, ProcessExecutor, in_order, make_executor, run_document
from blocwatch.model import Article, RawDocument, Rejection
from blocwatch.pipeline import build
from blocwatch.settings import Settings
from blocwatch.sources import read_paths

EARLY = ("clean", "language", "sentences")


def documents(seed_paths: list[Path]) -> list[RawDocument | Rejection]:
    found = list(read_paths([str(p) for p in seed_paths], Settings()))
    return found[:2] + [Rejection("missing.txt", "no such file or directory")] + found[2:]


def summary(results) -> list[tuple]:
    return [(r.origin, r.reason) if isinstance(r, Rejection) else (r.id, r.content_hash, len(r.sentences)) for r in results]


@pytest.fixture(scope="module")
def expected(seed_paths: list[Path]) -> list[tuple]:
    return summary(LocalExecutor().map(build(Settings(), EARLY), documents(seed_paths)))


def test_executors_local_keeps_order_and_passes_rejections_through(expected: list[tuple], seed_paths: list[Path]) -> None:
    assert [row[0] for row in expected] == [p.stem for p in seed_paths[:2]] + ["missing.txt"] + [p.stem for p in seed_paths[2:]]


@pytest.mark.slow
def test_executors_process_pool_gives_the_local_results(expected: list[tuple], seed_paths: list[Path]) -> None:
    executor = ProcessExecutor(workers=2, window=3)
    try:
        assert summary(executor.map(build(Settings(), EARLY), documents(seed_paths))) == expected
    finally:
        executor.close()


@pytest.mark.slow
def test_executors_dask_local_cluster_gives_the_local_results(expected: list[tuple], seed_paths: list[Path]) -> None:
    executor = DaskExecutor(workers=2, window=3)
    try:
        assert summary(executor.map(build(Settings(), EARLY), documents(seed_paths))) == expected
    finally:
        executor.close()


def test_executors_missing_dask_gives_the_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if the dist extra were not installed
    with pytest.raises(MissingDependency) as raised:
        make_executor("dask")
    assert str(raised.value) == DASK_HINT and "pip install 'blocwatch[dist]'" in DASK_HINT


def test_executors_unknown_kind_lists_the_known_ones() -> None:
    with pytest.raises(BlocwatchError, match="local, process, dask"):
        make_executor("threads")


def test_executors_stage_failure_becomes_a_rejection() -> None:
    class Broken:
        def __call__(self, document: RawDocument) -> Article:
            raise RuntimeError("boom")

    result = run_document(Broken(), RawDocument("x", "x.txt", text="text"))
    assert isinstance(result, Rejection) and "RuntimeError: boom" in result.reason


def test_executors_in_order_bounds_what_is_in_flight() -> None:
    submitted: list[int] = []

    class Done:
        def __init__(self, value: int) -> None:
            self.value = value

        def result(self) -> int:
            return self.value

    def submit(value: int) -> Done:
        submitted.append(value)
        return Done(value)

    results = in_order(submit, iter(range(10)), window=3)
    assert [next(results) for _ in range(2)] == [0, 1] and len(submitted) == 4
    assert list(results) == list(range(2, 10))


@pytest.mark.slow
def test_executors_dask_scheduler_address_gives_the_local_results(expected: list[tuple], seed_paths: list[Path]) -> None:
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        executor = DaskExecutor(scheduler=cluster.scheduler_address)
        try:
            assert summary(executor.map(build(Settings(), EARLY), documents(seed_paths))) == expected
        finally:
            executor.close()
