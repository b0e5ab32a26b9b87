"""JSONL reader: one article per line, streamed.

Each line is an object with `text` or `html` and optionally `id`, `url`, `title`, `published`,
`source` (the site) and `author`. A bad line becomes a Rejection with origin `path:LINE`; the
following lines are still read. The size limit applies to each line, not to the whole file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator, Protocol

from ..errors import InputError
from ..model import RawDocument, Rejection
from ..settings import Settings
from .common import check_size, decode_utf8

FIELDS = ("id", "url", "title", "text", "html", "published", "source", "author")


def read_jsonl_file(path: Path, settings: Settings) -> Iterator[RawDocument | Rejection]:
    """The articles of a JSONL file, line by line."""
    with path.open("rb") as handle:
        yield from read_jsonl_lines(handle, str(path), path.stem, settings)


class LineSource(Protocol):
    def readline(self, size: int = -1, /) -> bytes: ...


CHUNK = 1 << 20


def bounded_lines(stream: LineSource, limit: int) -> Iterator[bytes | int]:
    """The lines of `stream`; a line longer than `limit` bytes is skipped unread and yields its size."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while not line.endswith(b"\n"):
            line = stream.readline(CHUNK)
            if not line:
                break
            size += len(line)
        yield size


def read_jsonl_lines(stream: LineSource, origin: str, stem: str, settings: Settings) -> Iterator[RawDocument | Rejection]:
    """The articles of a stream of JSONL lines; `origin:LINE` names each one."""
    for number, line in enumerate(bounded_lines(stream, settings.max_file_bytes), start=1):
        where = f"{origin}:{number}"
        if isinstance(line, int):
            yield Rejection(where, size_message(line, settings))
            continue
        if not line.strip():
            continue
        try:
            yield record_document(parse_line(line, settings), where, f"{stem}-{number}")
        except InputError as error:
            yield Rejection(where, str(error))


def size_message(size: int, settings: Settings) -> str:
    try:
        check_size(size, settings, "line")
    except InputError as error:
        return str(error)
    return f"line is {size:,} bytes"


def parse_line(line: bytes, settings: Settings) -> dict[str, Any]:
    """The JSON object on one line; InputError says what is wrong with it."""
    check_size(len(line), settings, "line")
    try:
        value = json.loads(decode_utf8(line, "line"))
    except json.JSONDecodeError as error:
        raise InputError(f"not valid JSON ({error.msg} at column {error.colno}); each line must be one JSON object") from None
    if not isinstance(value, dict):
        raise InputError(f"a JSON {type(value).__name__}, not an object; each line must be one JSON object")
    return value


def text_field(record: dict[str, Any], name: str) -> str | None:
    """A string field of the record, or None; InputError when it is there but not a string."""
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value
    if name in ("id", "published") and isinstance(value, (int, float)):
        return str(value)
    raise InputError(f"field {name!r} is a {type(value).__name__}; it must be a string")


def record_document(record: dict[str, Any], origin: str, default_id: str) -> RawDocument:
    """The RawDocument of one JSONL object."""
    values = {name: text_field(record, name) for name in FIELDS}
    if not (values["text"] or "").strip() and not (values["html"] or "").strip():
        raise InputError("no 'text' or 'html' field with content; each line needs one of them")
    return RawDocument(
        id=values["id"] or default_id,
        origin=origin,
        text=values["text"] if (values["text"] or "").strip() else None,
        html=values["html"],
        title=values["title"],
        url=values["url"],
        published=values["published"],
        site=values["source"],
        author=values["author"],
    )
