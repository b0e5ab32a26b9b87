"""The JSONL reader: one article per line, bad lines rejected one by one."""

from __future__ import annotations

import json
from pathlib import Path

from blocwatch.model import RawDocument, Rejection
from blocwatch.settings import Settings
from blocwatch.sources import read_paths


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_reads_every_field(tmp_path: Path) -> None:
    record = {"id": "x1", "url": "https://n.example/1", "title": "Talks", "text": "Talks\nJapan met Korea.", "published": "2024-05-01", "source": "N", "author": "A"}
    (document,) = read_paths([str(write_lines(tmp_path / "a.jsonl", [json.dumps(record)]))], Settings())
    assert document == RawDocument(id="x1", origin=f"{tmp_path / 'a.jsonl'}:1", text="Talks\nJapan met Korea.", title="Talks", url="https://n.example/1", published="2024-05-01", site="N", author="A")


def test_jsonl_takes_html_when_there_is_no_text(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "b.jsonl", [json.dumps({"id": "h", "html": "<p>NATO met.</p>"})])
    (document,) = read_paths([str(path)], Settings())
    assert document.html == "<p>NATO met.</p>" and document.text is None


def test_jsonl_names_records_without_id_by_stem_and_line(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "c.jsonl", ["", json.dumps({"text": "One."}), json.dumps({"text": "Two."})])
    assert [document.id for document in read_paths([str(path)], Settings())] == ["c-2", "c-3"]


def test_jsonl_rejects_a_broken_line_and_goes_on(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "d.jsonl", [json.dumps({"id": "a", "text": "A."}), '{"id": "b", "text": ', json.dumps({"id": "c", "text": "C."})])
    results = list(read_paths([str(path)], Settings()))
    assert [type(result) for result in results] == [RawDocument, Rejection, RawDocument]
    assert results[1].origin == f"{path}:2"
    assert "not valid JSON" in results[1].reason


def test_jsonl_rejects_a_line_without_text_or_html(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "e.jsonl", [json.dumps({"id": "a", "title": "Only a title"})])
    (result,) = read_paths([str(path)], Settings())
    assert isinstance(result, Rejection) and "no 'text' or 'html'" in result.reason


def test_jsonl_rejects_a_field_of_the_wrong_type(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "f.jsonl", [json.dumps({"id": "a", "text": ["not", "a", "string"]})])
    (result,) = read_paths([str(path)], Settings())
    assert isinstance(result, Rejection) and "'text' is a list" in result.reason


def test_jsonl_limits_the_size_of_each_line_not_of_the_file(tmp_path: Path) -> None:
    lines = [json.dumps({"id": str(number), "text": "Short article."}) for number in range(5)] + [json.dumps({"id": "big", "text": "x" * 500})]
    results = list(read_paths([str(write_lines(tmp_path / "g.jsonl", lines))], Settings(max_file_bytes=200)))
    assert [type(result) for result in results] == [RawDocument] * 5 + [Rejection]
    assert "over the limit of 200" in results[-1].reason


def test_jsonl_skips_an_oversized_line_without_reading_it_whole(tmp_path: Path) -> None:
    path = tmp_path / "h.jsonl"
    path.write_text(json.dumps({"id": "big", "text": "x" * 3_000_000}) + "\n" + json.dumps({"id": "after", "text": "After."}) + "\n", encoding="utf-8")
    big, after = read_paths([str(path)], Settings(max_file_bytes=1000))
    assert isinstance(big, Rejection) and big.origin == f"{path}:1" and "3,000,0" in big.reason
    assert after.id == "after" and after.origin == f"{path}:2"
