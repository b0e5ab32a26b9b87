"""The plain-text reader on the bundled seeds."""

from __future__ import annotations

from pathlib import Path

from blocwatch.model import RawDocument
from blocwatch.settings import Settings
from blocwatch.sources import read_paths


def test_text_reads_each_seed_as_one_document_named_by_stem(seed_paths: list[Path]) -> None:
    documents = list(read_paths([str(path) for path in seed_paths], Settings()))
    assert [document.id for document in documents] == [path.stem for path in seed_paths]
    assert all(isinstance(document, RawDocument) for document in documents)
    assert documents[0].origin == str(seed_paths[0])


def test_text_keeps_the_file_text_verbatim(seed_paths: list[Path]) -> None:
    (document,) = read_paths([str(seed_paths[4])], Settings())
    assert document.text == seed_paths[4].read_text(encoding="utf-8")
    assert document.html is None


def test_text_drops_a_utf8_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffTitle\nBody.".encode("utf-8"))
    (document,) = read_paths([str(path)], Settings())
    assert document.text == "Title\nBody."
