"""WARC reader (`.warc`, `.warc.gz`): `response` records with an HTML body, as in news crawls.

Records are streamed with warcio. The id is the WARC-Record-ID's UUID (else the target URI);
origins are `path#N`, N counting the HTML responses from 1. warcio reads a truncated archive
without complaint, so the reader checks for itself: a record whose block is shorter than its
Content-Length, and (for `.gz`) a compressed stream that stops before its end marker, are reported
as Rejections; the records before the damage are kept.
"""

from __future__ import annotations

import gzip
import re
import zlib
from pathlib import Path
from typing import Any, Iterator

from ..errors import InputError
from ..model import RawDocument, Rejection
from ..settings import Settings
from .common import check_size, decode_html

CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w-]+)", re.IGNORECASE)
CHUNK = 1 << 20
TRUNCATED_RECORD = "the record is truncated (its block is shorter than its Content-Length); the archive is damaged here"


def read_warc_file(path: Path, settings: Settings) -> Iterator[RawDocument | Rejection]:
    """The HTML responses of a WARC file, one at a time."""
    from warcio.archiveiterator import ArchiveIterator

    number = 0
    with path.open("rb") as handle:
        try:
            for record in ArchiveIterator(handle):
                if is_html_response(record):
                    number += 1
                    result = record_result(record, f"{path}#{number}", settings)
                    yield result
                    if isinstance(result, Rejection) and result.reason == TRUNCATED_RECORD:
                        return  # the damage is reported once, at the record where it starts
        except Exception as error:  # warcio raises assorted errors (even AttributeError) on damaged input
            raise InputError(f"not a WARC archive, or damaged {after(number)} ({type(error).__name__}: {error})") from None
    if path.name.lower().endswith(".gz") and not gzip_complete(path):
        raise InputError(f"the archive is truncated {after(number)} (the gzip stream ends early); the records before were read")


def after(number: int) -> str:
    return f"after HTML record {number}" if number else "before any HTML record"


def gzip_complete(path: Path) -> bool:
    """Whether every gzip member of `path` is complete (read in chunks, never whole)."""
    try:
        with gzip.open(path, "rb") as stream:
            while stream.read(CHUNK):
                pass
    except (EOFError, OSError, zlib.error):
        return False
    return True


def is_html_response(record: Any) -> bool:
    """A `response` record whose HTTP content type is HTML."""
    if record.rec_type != "response" or record.http_headers is None:
        return False
    return "html" in (record.http_headers.get_header("Content-Type") or "").lower()


def record_id(record: Any) -> str | None:
    """The UUID of the WARC-Record-ID (`<urn:uuid:...>`), else the target URI."""
    value = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
    return value.rsplit(":", 1)[-1] or record.rec_headers.get_header("WARC-Target-URI")


def read_body(record: Any, settings: Settings) -> bytes:
    """The HTTP body of a record; InputError when it is too large or cut short."""
    body = bytes(record.content_stream().read(settings.max_file_bytes + 1))
    check_size(len(body), settings, "record body")
    if getattr(record.raw_stream, "limit", 0) > 0:
        raise InputError(TRUNCATED_RECORD)
    return body


def record_result(record: Any, origin: str, settings: Settings) -> RawDocument | Rejection:
    """The RawDocument of one HTML response, or a Rejection for its body."""
    try:
        body = read_body(record, settings)
        charset = CHARSET.search(record.http_headers.get_header("Content-Type") or "")
        html = decode_html(body, charset.group(1) if charset else None)
    except InputError as error:
        return Rejection(origin, str(error))
    url = record.rec_headers.get_header("WARC-Target-URI")
    return RawDocument(id=record_id(record) or origin, origin=origin, html=html, url=url)
