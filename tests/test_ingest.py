"""`ingest`: idempotent runs into the store, interrupted runs completed by a re-run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from blocwatch.ingest import ingest, input_hash
from blocwatch.model import RawDocument
from blocwatch.settings import Settings
from blocwatch.store.reader import StoreReader

EARLY = ("clean", "language", "sentences")  # real stages, fast: the store is what is tested here
BLOCWATCH = str(Path(sys.executable).parent / "blocwatch")


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records), encoding="utf-8")
    return path


def editions(seed_paths: list[Path], count: int) -> list[dict]:
    """`count` distinct articles made from the seeds (each a numbered edition)."""
    return [{"id": f"{seed_paths[i % 5].stem}-{i}", "published": "2024-06-01",
             "text": seed_paths[i % 5].read_text(encoding="utf-8") + f"\nEdition {i}."} for i in range(count)]


def table_rows(path: Path) -> dict[str, list[tuple]]:
    """The comparable content of a store: every table but timestamps."""
    reader = StoreReader(path)
    return {
        "articles": sorted(map(tuple, reader.frame("SELECT id, content_hash, input_hash, cluster_id FROM articles").values.tolist())),
        "sentences": sorted(map(tuple, reader.frame('SELECT article_id, idx, start, "end" FROM sentences').values.tolist())),
        "signatures": sorted(map(tuple, reader.frame("SELECT article_id, list_sum(minhash) FROM signatures").values.tolist())),
        "rejections": sorted(map(tuple, reader.frame("SELECT origin, reason FROM rejections").values.tolist())),
    }


def test_ingest_the_seeds_twice_leaves_the_same_row_counts(tmp_path: Path, seed_paths: list[Path]) -> None:
    path = tmp_path / "twice.duckdb"
    first = ingest([str(p) for p in seed_paths], Settings(), path, stages=EARLY)
    once = StoreReader(path).counts()
    second = ingest([str(p) for p in seed_paths], Settings(), path, stages=EARLY)
    assert (first.written, second.written, second.unchanged) == (5, 0, 5)
    assert StoreReader(path).counts() == once and once["articles"] == 5 and once["sentences"] > 50


def test_ingest_force_recodes_without_duplicating(tmp_path: Path, seed_paths: list[Path]) -> None:
    path = tmp_path / "force.duckdb"
    ingest([str(seed_paths[0])], Settings(), path, stages=EARLY)
    once = StoreReader(path).counts()
    again = ingest([str(seed_paths[0])], Settings(), path, stages=EARLY, force=True)
    assert again.replaced == 1 and StoreReader(path).counts() == once


def test_ingest_changed_version_of_an_id_replaces_it(tmp_path: Path) -> None:
    path = tmp_path / "versions.duckdb"
    ingest([str(write_jsonl(tmp_path / "v1.jsonl", [{"id": "story", "text": "Russia and China met in Moscow.\nThey talked."}]))], Settings(), path, stages=EARLY)
    summary = ingest([str(write_jsonl(tmp_path / "v2.jsonl", [{"id": "story", "text": "Russia and China met in Beijing.\nThey talked at length."}]))], Settings(), path, stages=EARLY)
    reader = StoreReader(path)
    assert summary.replaced == 1 and reader.counts()["articles"] == 1
    assert "Beijing" in reader.article("story")["text"]


def test_ingest_same_text_under_another_id_is_a_duplicate(tmp_path: Path) -> None:
    path = tmp_path / "dups.duckdb"
    text = "Russia and China met in Moscow.\nThey talked."
    source = write_jsonl(tmp_path / "dups.jsonl", [{"id": "a", "text": text}, {"id": "b", "text": text}])
    summary = ingest([str(source)], Settings(), path, stages=EARLY)
    again = ingest([str(source)], Settings(), path, stages=EARLY)
    assert (summary.written, summary.duplicates, again.unchanged) == (1, 1, 2)
    assert StoreReader(path).counts()["duplicates"] == 1


def test_ingest_records_unusable_inputs_and_goes_on(tmp_path: Path, seed_paths: list[Path]) -> None:
    path = tmp_path / "rejected.duckdb"
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    summary = ingest([str(tmp_path / "binary.txt"), str(tmp_path / "missing.txt"), str(seed_paths[0])], Settings(), path, stages=EARLY)
    assert summary.written == 1 and summary.rejected == 2
    assert sorted(StoreReader(path).rejections()["origin"]) == sorted([str(tmp_path / "binary.txt"), str(tmp_path / "missing.txt")])
    ingest([str(tmp_path / "binary.txt")], Settings(), path, stages=EARLY)
    assert StoreReader(path).counts()["rejections"] == 2


def test_ingest_input_hash_ignores_the_origin() -> None:
    one = RawDocument("x", "a/x.txt", text="Same text.")
    assert input_hash(one) == input_hash(RawDocument("x", "b/x.txt", text="Same text."))
    assert input_hash(one) != input_hash(RawDocument("x", "a/x.txt", text="Other text."))


def stored_articles(path: Path) -> int:
    """Articles stored so far, read (as the HTTP server does) between the writer's transactions."""
    if not path.exists():
        return 0
    return StoreReader(path, lock_timeout=10).counts()["articles"]  # StoreBusy here fails the test


def run_ingest(path: Path, source: Path) -> subprocess.Popen:
    return subprocess.Popen([BLOCWATCH, "ingest", "--quiet", "--db", str(path), "--batch-size", "4", "--stages", ",".join(EARLY), str(source)])


@pytest.mark.slow
def test_ingest_killed_midway_then_rerun_equals_an_uninterrupted_run(tmp_path: Path, seed_paths: list[Path]) -> None:
    total = 300
    source = write_jsonl(tmp_path / "batch.jsonl", editions(seed_paths, total))
    killed, clean = tmp_path / "killed.duckdb", tmp_path / "clean.duckdb"
    process = run_ingest(killed, source)
    deadline, seen = time.monotonic() + 120, []
    while (not seen or seen[-1] < 20) and time.monotonic() < deadline and process.poll() is None:
        seen.append(stored_articles(killed))
        time.sleep(0.2)
    assert seen == sorted(seen), "a reader saw articles disappear while ingest was writing"
    assert process.poll() is None, "ingest finished before it could be killed; make the batch larger"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    partial = StoreReader(killed).counts()["articles"]
    assert 0 < partial < total
    assert run_ingest(killed, source).wait() == 0
    assert run_ingest(clean, source).wait() == 0
    assert StoreReader(killed).counts() == StoreReader(clean).counts()
    assert table_rows(killed) == table_rows(clean)
    assert StoreReader(clean).counts()["articles"] == total


def test_ingest_syndicated_copies_of_a_sample_form_one_story(tmp_path: Path, seed_paths: list[Path]) -> None:
    text = seed_paths[0].read_text(encoding="utf-8")
    records = [
        {"id": "original", "text": text, "source": "Tehran Times", "published": "2024-11-29"},
        {"id": "copy", "text": "Republished from Tehran Times.\n" + text + "\nFollow us for more news from Asia.",
         "source": "Mehr", "published": "2024-11-30"},
        {"id": "other", "text": seed_paths[3].read_text(encoding="utf-8"), "source": "MSN"},
    ]
    path = tmp_path / "syndicated.duckdb"
    ingest([str(write_jsonl(tmp_path / "copies.jsonl", records))], Settings(), path, stages=EARLY)
    clusters = StoreReader(path).clusters()
    assert len(clusters) == 2
    story = clusters[clusters["cluster_id"] == "original"].iloc[0]
    assert list(story["article_ids"]) == ["copy", "original"] and (story["articles"], story["sources"]) == (2, 2)
