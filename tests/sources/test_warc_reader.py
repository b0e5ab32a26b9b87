"""The WARC reader on archives written by warcio in the test."""

from __future__ import annotations

from pathlib import Path

from blocwatch.model import RawDocument, Rejection
from blocwatch.settings import Settings
from blocwatch.sources import read_paths

PAGE = (Path(__file__).resolve().parent.parent / "data" / "html" / "rconews.example.russia-east-asia.html").read_bytes()
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


def pages() -> list[tuple[str, bytes, str]]:
    return [
        ("https://rconews.example/en/news/1", PAGE, "text/html; charset=utf-8"),
        ("https://rconews.example/logo.png", PNG, "image/png"),
        ("https://rconews.example/en/news/2", PAGE.replace(b"East Asia", b"the Far East"), "text/html"),
    ]


def test_warc_gz_yields_the_html_responses_only(make_warc) -> None:
    path = make_warc("crawl.warc.gz", pages())
    results = list(read_paths([str(path)], Settings()))
    assert all(isinstance(result, RawDocument) for result in results)
    assert [result.url for result in results] == ["https://rconews.example/en/news/1", "https://rconews.example/en/news/2"]
    assert [result.origin for result in results] == [f"{path}#1", f"{path}#2"]
    assert "the Far East" in results[1].html


def test_warc_ids_are_record_uuids(make_warc) -> None:
    path = make_warc("ids.warc", pages(), compress=False)
    ids = [result.id for result in read_paths([str(path)], Settings())]
    assert len(set(ids)) == 2 and all(len(identifier) == 36 and identifier.count("-") == 4 for identifier in ids)


def test_warc_truncated_gz_keeps_the_records_before_the_damage(make_warc) -> None:
    path = make_warc("cut.warc.gz", pages())
    data = path.read_bytes()
    path.write_bytes(data[:-20])  # inside the last gzip member, never on a member boundary
    results = list(read_paths([str(path)], Settings()))
    assert isinstance(results[0], RawDocument)
    assert isinstance(results[-1], Rejection) and "truncated" in results[-1].reason


def test_warc_truncated_plain_record_is_rejected(make_warc) -> None:
    path = make_warc("cut.warc", pages(), compress=False)
    path.write_bytes(path.read_bytes()[:-40])
    results = list(read_paths([str(path)], Settings()))
    assert isinstance(results[0], RawDocument)
    assert isinstance(results[-1], Rejection) and results[-1].origin == f"{path}#2" and "truncated" in results[-1].reason


def test_warc_record_over_the_size_limit_is_rejected_alone(make_warc) -> None:
    small = b"<html><body><p>" + b"Japan and Korea talk. " * 20 + b"</p></body></html>"
    path = make_warc("sizes.warc.gz", [("https://a.example/big", PAGE, "text/html"), ("https://a.example/small", small, "text/html")])
    big, kept = read_paths([str(path)], Settings(max_file_bytes=len(small) + 10))
    assert isinstance(big, Rejection) and "over the limit" in big.reason
    assert isinstance(kept, RawDocument) and kept.url == "https://a.example/small"
