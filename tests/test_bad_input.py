"""Bad input: each case gets one line on standard error with its origin and reason, exit status 3,
and the rest of the batch goes on. No traceback ever reaches the user."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from blocwatch.cli import cli

BASIC = "clean,language,sentences"


def extract_with(bad: str, good: Path, *options: str):
    """Run `blocwatch extract BAD GOOD`; the good seed must still come out."""
    result = CliRunner().invoke(cli, [*options, "extract", "--stages", BASIC, bad, str(good)])
    assert result.exit_code == 3, result.output
    assert "Traceback" not in result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines and lines[-1]["id"] == good.stem
    return result


def skipped_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("blocwatch: skipped ")]


def assert_one_line(result, origin: str, reason: str) -> None:
    (line,) = skipped_lines(result)
    assert line.startswith(f"blocwatch: skipped {origin}: ")
    assert reason in line


def test_bad_input_binary_file(tmp_path: Path, seed_paths: list[Path]) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert_one_line(extract_with(str(path), seed_paths[0]), str(path), "binary")


def test_bad_input_invalid_utf8(tmp_path: Path, seed_paths: list[Path]) -> None:
    path = tmp_path / "cp1251.txt"
    path.write_bytes("Россия и Китай".encode("cp1251"))
    assert_one_line(extract_with(str(path), seed_paths[0]), str(path), "not valid UTF-8")


def test_bad_input_nul_bytes_in_text(tmp_path: Path, seed_paths: list[Path]) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(b"Russia and China\x00 met in Moscow.")
    assert_one_line(extract_with(str(path), seed_paths[0]), str(path), "NUL bytes")


def test_bad_input_empty_file(tmp_path: Path, seed_paths: list[Path]) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert_one_line(extract_with(str(path), seed_paths[0]), str(path), "empty")


def test_bad_input_whitespace_only_file(tmp_path: Path, seed_paths: list[Path]) -> None:
    path = tmp_path / "blank.txt"
    path.write_text(" \n\t\n\u00a0\n", encoding="utf-8")
    assert_one_line(extract_with(str(path), seed_paths[0]), str(path), "no text")


def test_bad_input_file_over_the_size_limit(tmp_path: Path, seed_paths: list[Path]) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("Russia and China met. " * 1000, encoding="utf-8")
    assert seed_paths[0].stat().st_size < 10_000
    result = extract_with(str(path), seed_paths[0], "--set", "max_file_bytes=10000")
    assert_one_line(result, str(path), "over the limit of 10,000")


def test_bad_input_malformed_html_without_text(tmp_path: Path, seed_paths: list[Path]) -> None:
    path = tmp_path / "broken.html"
    path.write_text("<html><head><script>var a = '</div>';</script><body><div><div><span></sp", encoding="utf-8")
    assert_one_line(extract_with(str(path), seed_paths[0]), str(path), "no main text found in the HTML")


def test_bad_input_malformed_html_with_text_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "unclosed.html"
    path.write_text("<html><body><div><p>Japan and South Korea held talks in Tokyo on Monday.<p>Both sides agreed to meet again<table><tr><td>", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", "--stages", BASIC, str(path)])
    assert result.exit_code == 0
    assert "held talks in Tokyo on Monday." in json.loads(result.stdout)["text"]


def test_bad_input_truncated_warc_gz(tmp_path: Path, seed_paths: list[Path], make_warc) -> None:
    page = b"<html><body><article><p>" + b"Japan and South Korea held talks in Tokyo on security. " * 40 + b"</p></article></body></html>"
    path = make_warc("cut.warc.gz", [(f"https://n.example/{number}", page, "text/html") for number in range(3)])
    data = path.read_bytes()
    path.write_bytes(data[:-20])  # inside the last gzip member, never on a member boundary
    result = extract_with(str(path), seed_paths[0])
    assert_one_line(result, f"{path}#3", "truncated")
    assert len(result.stdout.splitlines()) == 3  # the two records before the damage, then the seed


def test_bad_input_broken_jsonl_line(tmp_path: Path, seed_paths: list[Path]) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps({"id": "ok", "text": "Japan met Korea."}) + "\n{\"id\": \"broken\", \n", encoding="utf-8")
    result = extract_with(str(path), seed_paths[0])
    assert_one_line(result, f"{path}:2", "not valid JSON")
    assert json.loads(result.stdout.splitlines()[0])["id"] == "ok"


def test_bad_input_unknown_extension_in_a_directory_is_skipped_silently(tmp_path: Path, seed_paths: list[Path]) -> None:
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.7\n\x00\x01\x02")
    (tmp_path / "story.txt").write_text("Talks\nJapan and Korea met in Tokyo.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", "--stages", BASIC, str(tmp_path)])
    assert result.exit_code == 0 and result.stderr == ""
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["story"]


def test_bad_input_unknown_binary_file_named_explicitly(tmp_path: Path, seed_paths: list[Path]) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.7\n\x00\x01\x02")
    assert_one_line(extract_with(str(path), seed_paths[0]), str(path), "binary")


def test_bad_input_missing_path(seed_paths: list[Path]) -> None:
    assert_one_line(extract_with("no/such/article.txt", seed_paths[0]), "no/such/article.txt", "no such file or directory")


@pytest.mark.parametrize("content", [b"Share\nPost a Comment\n\xc2\xa9Flash Express\n"])
def test_bad_input_only_boilerplate(tmp_path: Path, seed_paths: list[Path], content: bytes) -> None:
    path = tmp_path / "widgets.txt"
    path.write_bytes(content)
    assert_one_line(extract_with(str(path), seed_paths[0]), str(path), "no article text left after cleaning")


def test_bad_input_several_at_once_are_each_reported(tmp_path: Path, seed_paths: list[Path]) -> None:
    empty, binary = tmp_path / "a.txt", tmp_path / "b.txt"
    empty.write_bytes(b"")
    binary.write_bytes(b"\x00\x01")
    result = CliRunner().invoke(cli, ["extract", "--stages", BASIC, str(empty), str(seed_paths[1]), str(binary), "missing.txt"])
    assert result.exit_code == 3
    assert len(skipped_lines(result)) == 3
    assert len(result.stdout.splitlines()) == 1
