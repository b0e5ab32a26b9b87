"""Reading the store: filters, events counted once per story, sharing the file with a writer."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from blocwatch.store.connection import StoreBusy, StoreMissing, connect
from blocwatch.store.reader import EventFilter, StoreReader


@pytest.fixture(scope="module")
def reader(fixture_store: Path) -> StoreReader:
    return StoreReader(fixture_store)


@pytest.mark.parametrize("where, expected", [
    (EventFilter(actor="NATO"), {("NATO", "JPN"), ("NATO", "KOR"), ("RUS", "NATO")}),
    (EventFilter(pair=("CHN", "RUS"), quad_class=3), {("RUS", "CHN")}),
    (EventFilter(code="13"), {("RUS", "JPN"), ("RUS", "KOR")}),
    (EventFilter(root="11", source="new york"), {("RUS", "CHN")}),
    (EventFilter(hedged=True), {("RUS", "JPN"), ("RUS", "KOR"), ("NATO", "JPN"), ("NATO", "KOR")}),
    (EventFilter(since=date(2024, 11, 1)), {("RUS", "JPN"), ("RUS", "KOR"), ("USA", "JPN"), ("USA", "KOR")}),
    (EventFilter(until=date(2023, 3, 31)), {("RUS", "CHN"), ("RUS", "PRK"), ("JPN", "RUS")}),
    (EventFilter(language="ru"), set()),
])
def test_reader_filters_events(reader: StoreReader, where: EventFilter, expected: set[tuple[str, str]]) -> None:
    assert set(map(tuple, reader.events(where)[["source", "target"]].values.tolist())) == expected


def test_reader_story_events_count_a_syndicated_copy_once(reader: StoreReader) -> None:
    stories = reader.story_events(EventFilter(pair=("RUS", "IRN"), code="057"))
    raw = reader.events(EventFilter(pair=("RUS", "IRN"), code="057"))
    assert len(raw) == 2 and len(stories) == 1
    story = stories.iloc[0]
    assert (story["articles"], story["sources"], story["mentions"]) == (2, 2, 2)
    assert list(story["outlets"]) == ["Interfax", "RBC"]


def test_reader_clusters_group_the_copy_with_its_original(reader: StoreReader) -> None:
    clusters = reader.clusters().set_index("cluster_id")
    assert list(clusters.loc["isw-coalition", "article_ids"]) == ["isw-coalition", "isw-coalition-copy"]
    assert (clusters["articles"] == 1).sum() == len(clusters) - 1


def test_reader_missing_store_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(StoreMissing, match="blocwatch ingest --db"):
        StoreReader(tmp_path / "none.duckdb").counts()


HOLD = """
import sys, time, duckdb
connection = duckdb.connect(sys.argv[1])
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
connection.close()
"""


def hold_lock(path: Path, seconds: float) -> subprocess.Popen:
    """Another process holding the store open for writing for `seconds`."""
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(path), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "locked"
    return process


def test_reader_waits_for_a_writer_in_another_process(fixture_store: Path, tmp_path: Path) -> None:
    path = tmp_path / "shared.duckdb"
    path.write_bytes(fixture_store.read_bytes())
    holder = hold_lock(path, 1.0)
    try:
        assert StoreReader(path, lock_timeout=30).counts()["articles"] == 7
    finally:
        holder.wait()


def test_reader_gives_up_with_a_clear_message_when_the_writer_stays(fixture_store: Path, tmp_path: Path) -> None:
    path = tmp_path / "busy.duckdb"
    path.write_bytes(fixture_store.read_bytes())
    holder = hold_lock(path, 30.0)
    try:
        with pytest.raises(StoreBusy, match="locked by another process"):
            connect(path, read_only=True, timeout=0.3)
    finally:
        holder.kill()
        holder.wait()
