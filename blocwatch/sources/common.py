"""What every reader shares: the size limit, decoding, and turning errors into Rejections."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..errors import InputError
from ..settings import Settings

SUPPORTED = "plain text (.txt), HTML (.html, .htm), JSONL (.jsonl), RSS/Atom (.rss, .atom, .xml) and WARC (.warc, .warc.gz)"
DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.IGNORECASE)


def check_size(size: int, settings: Settings, what: str = "file") -> None:
    """Raise InputError when `size` bytes is over `settings.max_file_bytes`."""
    if size > settings.max_file_bytes:
        raise InputError(
            f"{what} is {size:,} bytes, over the limit of {settings.max_file_bytes:,} "
            f"(raise it with --set max_file_bytes=N or split the input)"
        )


def read_limited(path: Path, settings: Settings) -> bytes:
    """The bytes of `path`, refused before reading when the file is over the size limit."""
    check_size(path.stat().st_size, settings)
    return path.read_bytes()


def decode_utf8(data: bytes, what: str = "file") -> str:
    """UTF-8 text of `data` (BOM dropped); InputError for empty, binary or non-UTF-8 input."""
    if not data.strip():
        raise InputError(f"{what} is empty")
    if b"\x00" in data:
        raise InputError(f"{what} is binary (it contains NUL bytes); blocwatch reads {SUPPORTED}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{what} is not valid UTF-8 (byte {error.start}); convert it first, e.g. iconv -f cp1251 -t utf-8"
        ) from None


def decode_html(data: bytes, declared: str | None = None) -> str:
    """Text of an HTML page: UTF-8, else the charset the page or the server declares."""
    try:
        return decode_utf8(data, "page")
    except InputError:
        if not data.strip() or b"\x00" in data:
            raise
    found = DECLARED_CHARSET.search(data[:4096])
    charset = declared or (found.group(1).decode("ascii") if found else None)
    if charset is None:
        raise InputError("page is not valid UTF-8 and declares no charset; convert it to UTF-8 first")
    try:
        return data.decode(codecs.lookup(charset).name)
    except (LookupError, UnicodeDecodeError):
        raise InputError(f"page does not decode with its declared charset {charset!r}; convert it to UTF-8 first") from None


def first_non_empty_line(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return None
