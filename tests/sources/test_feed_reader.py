"""The RSS/Atom reader on small real feed files."""

from __future__ import annotations

from pathlib import Path

from blocwatch.model import RawDocument, Rejection
from blocwatch.settings import Settings
from blocwatch.sources import read_paths

FEEDS = Path(__file__).resolve().parent.parent / "data" / "feeds"


def test_feed_rss_yields_one_document_per_entry() -> None:
    results = list(read_paths([str(FEEDS / "small.rss")], Settings()))
    assert [result.origin for result in results] == [f"{FEEDS / 'small.rss'}#{number}" for number in (1, 2, 3)]
    first = results[0]
    assert isinstance(first, RawDocument)
    assert (first.id, first.title, first.published, first.site, first.author) == (
        "wire-2024-0311", "Japan and South Korea hold security talks in Tokyo", "2024-03-11", "Blocwatch Test Wire", "Wire Staff")
    assert first.url == "https://wire.example/2024/03/japan-korea-talks"
    assert "share more information on North Korean missile launches" in first.html


def test_feed_rss_takes_the_summary_when_there_is_no_content() -> None:
    second = list(read_paths([str(FEEDS / "small.rss")], Settings()))[1]
    assert "Японском море" in (second.html or second.text)


def test_feed_rss_rejects_an_entry_without_body() -> None:
    third = list(read_paths([str(FEEDS / "small.rss")], Settings()))[2]
    assert isinstance(third, Rejection) and "neither content nor a summary" in third.reason


def test_feed_atom_reads_content_and_summary_entries() -> None:
    first, second = read_paths([str(FEEDS / "small.atom")], Settings())
    assert first.id == "urn:uuid:4f1c1e1a-0000-4000-8000-000000000002"
    assert first.published == "2024-06-19" and first.author == "Atom Desk"
    assert "mutual defence treaty in Pyongyang" in first.html
    assert second.text == "NATO defence ministers met in Brussels on Thursday to discuss support for Ukraine."
    assert second.published == "2024-06-20"


def test_feed_xml_that_is_not_a_feed_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "data.xml"
    path.write_text("<?xml version='1.0'?><catalog><book>x</book></catalog>", encoding="utf-8")
    (result,) = read_paths([str(path)], Settings())
    assert isinstance(result, Rejection) and "not an RSS or Atom feed" in result.reason


def test_feed_xml_extension_is_read_as_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes((FEEDS / "small.atom").read_bytes())
    assert len(list(read_paths([str(path)], Settings()))) == 2
