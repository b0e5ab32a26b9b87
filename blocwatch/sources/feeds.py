"""RSS/Atom reader: each entry of a feed file is an article (its content, else its summary).

Ids are the entry's id, else its link, else `stem#N`; origins are `path#N` (1-based).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Iterator

from ..errors import InputError
from ..model import RawDocument, Rejection
from ..settings import Settings
from .common import read_limited

FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf", b"<rdf ")


def looks_like_feed(head: bytes) -> bool:
    """Whether the start of a file is an RSS, Atom or RDF feed."""
    lowered = head[:2048].lower()
    return any(root in lowered for root in FEED_ROOTS)


def read_feed_file(path: Path, settings: Settings) -> Iterator[RawDocument | Rejection]:
    """The entries of a feed file."""
    data = read_limited(path, settings)
    if not data.strip():
        raise InputError("file is empty")
    if not looks_like_feed(data):
        raise InputError("not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> element)")
    yield from read_feed_bytes(data, str(path), path.stem)


def read_feed_bytes(data: bytes, origin: str, stem: str) -> Iterator[RawDocument | Rejection]:
    """The entries of feed bytes."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        raise InputError(f"the feed has no entries{problem}")
    site = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{origin}#{number}"
        try:
            yield entry_document(entry, where, f"{stem}#{number}", site)
        except InputError as error:
            yield Rejection(where, str(error))


def entry_body(entry: Any) -> tuple[str, str]:
    """The entry's content (else summary) and its MIME type."""
    for content in entry.get("content") or ():
        if (content.get("value") or "").strip():
            return content["value"], content.get("type", "text/html")
    summary = entry.get("summary") or ""
    detail = entry.get("summary_detail") or {}
    return summary, detail.get("type", "text/html")


def entry_date(entry: Any) -> str | None:
    """The entry's publication (else update) date as an ISO date."""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def entry_document(entry: Any, origin: str, default_id: str, site: str | None) -> RawDocument:
    """The RawDocument of one feed entry."""
    body, mime = entry_body(entry)
    if not body.strip():
        raise InputError("the entry has neither content nor a summary")
    is_html = "html" in mime
    return RawDocument(
        id=entry.get("id") or entry.get("link") or default_id,
        origin=origin,
        text=None if is_html else body,
        html=body if is_html else None,
        title=entry.get("title"),
        url=entry.get("link"),
        published=entry_date(entry),
        site=site,
        author=entry.get("author"),
    )
