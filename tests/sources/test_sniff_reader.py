"""Standard input and files with an unknown extension are sniffed."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from blocwatch.model import RawDocument, Rejection
from blocwatch.settings import Settings
from blocwatch.sources.sniff import kind_of, read_sniffed_stream


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b'\n{"id": "a", "text": "x"}\n', "jsonl"),
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        (b"  <div class='story'><p>x</p></div>", "html"),
        (b"<?xml version='1.0'?>\n<rss version='2.0'><channel></channel></rss>", "feed"),
        (b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'></feed>", "feed"),
        ("Россия и Китай\nТекст.".encode(), "text"),
        (b"NATO <3 allies", "text"),
    ],
)
def test_sniff_tells_the_kind_of_input(head: bytes, kind: str) -> None:
    assert kind_of(head) == kind


def test_sniff_streams_jsonl_longer_than_the_first_chunk() -> None:
    lines = [json.dumps({"id": str(number), "text": "Japan and Korea met. " * 40}) for number in range(200)]
    stream = io.BytesIO(("\n".join(lines) + "\n").encode())
    results = list(read_sniffed_stream(stream, "<stdin>", "stdin", Settings()))
    assert [result.id for result in results] == [str(number) for number in range(200)]
    assert results[-1].origin == "<stdin>:200"


def test_sniff_reads_plain_text_as_one_document() -> None:
    (document,) = read_sniffed_stream(io.BytesIO("Title\n\nBody.".encode()), "<stdin>", "stdin", Settings())
    assert document == RawDocument(id="stdin", origin="<stdin>", text="Title\n\nBody.")


def test_sniff_rejects_oversized_plain_text() -> None:
    with pytest.raises(Exception, match="over the limit of 100"):
        list(read_sniffed_stream(io.BytesIO(b"word " * 100), "<stdin>", "stdin", Settings(max_file_bytes=100)))


def test_sniff_reads_a_file_without_extension(tmp_path: Path) -> None:
    from blocwatch.sources import read_paths

    path = tmp_path / "article"
    path.write_text("<html><body><p>Page.</p></body></html>", encoding="utf-8")
    (document,) = read_paths([str(path)], Settings())
    assert document.html is not None and document.id == "article"


def test_sniff_empty_standard_input_is_one_rejection() -> None:
    from blocwatch.sources import guarded

    (result,) = guarded("<stdin>", read_sniffed_stream(io.BytesIO(b"  \n"), "<stdin>", "stdin", Settings()))
    assert isinstance(result, Rejection) and result.reason == "input is empty"
