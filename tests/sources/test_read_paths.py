"""Dispatch by extension, directory walking and missing paths."""

from __future__ import annotations

import shutil
from pathlib import Path

from blocwatch.model import RawDocument, Rejection
from blocwatch.settings import Settings
from blocwatch.sources import extension, read_paths

DATA = Path(__file__).resolve().parent.parent / "data"


def test_read_paths_extension_treats_warc_gz_as_one() -> None:
    assert extension(Path("crawl.WARC.GZ")) == ".warc.gz"
    assert extension(Path("a.Html")) == ".html"


def test_read_paths_walks_directories_recursively_in_sorted_order(tmp_path: Path, seed_paths: list[Path]) -> None:
    (tmp_path / "b" / "deeper").mkdir(parents=True)
    shutil.copy(seed_paths[1], tmp_path / "b" / "deeper" / "z.txt")
    shutil.copy(seed_paths[0], tmp_path / "b" / "a.txt")
    shutil.copy(seed_paths[2], tmp_path / "c.txt")
    shutil.copy(DATA / "feeds" / "small.atom", tmp_path / "a.atom")
    ids = [result.id for result in read_paths([str(tmp_path)], Settings())]
    assert ids == ["urn:uuid:4f1c1e1a-0000-4000-8000-000000000002", "urn:uuid:4f1c1e1a-0000-4000-8000-000000000003", "a", "z", "c"]


def test_read_paths_skips_unknown_extensions_and_hidden_files_in_directories(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.7\x00\x01")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / "kept.txt").write_text("Kept.", encoding="utf-8")
    assert [result.id for result in read_paths([str(tmp_path)], Settings())] == ["kept"]


def test_read_paths_reports_a_missing_path_and_goes_on(seed_paths: list[Path]) -> None:
    missing, found = read_paths(["no/such/file.txt", str(seed_paths[0])], Settings())
    assert missing == Rejection("no/such/file.txt", "no such file or directory")
    assert isinstance(found, RawDocument)


def test_read_paths_is_lazy(tmp_path: Path) -> None:
    results = read_paths(["no/such/one", "no/such/two"], Settings())
    assert next(results).origin == "no/such/one"
