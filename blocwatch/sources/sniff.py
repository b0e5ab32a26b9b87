"""Standard input and files with an unknown extension: the content decides the reader.

JSONL when the first non-blank line is a JSON object (streamed line by line), a feed when the
start is an RSS/Atom root, HTML when it starts like markup, else plain text.
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path
from typing import IO, Iterator

from ..errors import InputError
from ..model import RawDocument, Rejection
from ..settings import Settings
from .common import check_size, decode_html, decode_utf8
from .feeds import looks_like_feed, read_feed_bytes
from .jsonl import read_jsonl_lines
from .text import text_document

HEAD_BYTES = 65536
HTML_START = re.compile(rb"^\s*(?:<!doctype html|<html|<head|<body|<!--|<(?:div|p|article|section|h1|meta|title)\b)", re.IGNORECASE)


def kind_of(head: bytes) -> str:
    """"jsonl", "feed", "html" or "text" from the first bytes of an input."""
    first = next((line for line in head.splitlines() if line.strip()), b"").lstrip(b"\xef\xbb\xbf \t")
    if first.startswith(b"{"):
        return "jsonl"
    if looks_like_feed(head):
        return "feed"
    if HTML_START.match(head.lstrip(b"\xef\xbb\xbf")):
        return "html"
    return "text"


def read_sniffed_stream(stream: IO[bytes], origin: str, stem: str, settings: Settings) -> Iterator[RawDocument | Rejection]:
    """The documents of a byte stream whose kind is found by sniffing."""
    head = stream.read(HEAD_BYTES)
    if not head.strip():
        raise InputError("input is empty")
    kind = kind_of(head)
    if kind == "jsonl":
        yield from read_jsonl_lines(Replay(head, stream), origin, stem, settings)
        return
    rest = stream.read(settings.max_file_bytes + 1 - len(head)) if len(head) == HEAD_BYTES else b""
    data = head + rest
    check_size(len(data), settings, "input")
    if kind == "feed":
        yield from read_feed_bytes(data, origin, stem)
    elif kind == "html":
        yield RawDocument(id=stem, origin=origin, html=decode_html(data))
    else:
        yield text_document(stem, origin, decode_utf8(data, "input"))


class Replay:
    """A stream that gives back the bytes already read for sniffing, then the rest of the stream."""

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        self.head = io.BytesIO(head)
        self.stream = stream

    def readline(self, size: int = -1, /) -> bytes:
        line = self.head.readline(size)
        if line.endswith(b"\n") or (size >= 0 and len(line) >= size):
            return line
        return line + self.stream.readline(size - len(line) if size >= 0 else -1)


def read_sniffed_file(path: Path, settings: Settings) -> Iterator[RawDocument | Rejection]:
    """The documents of a file with an unknown extension."""
    with path.open("rb") as handle:
        yield from read_sniffed_stream(handle, str(path), path.stem, settings)


def read_stdin(settings: Settings) -> Iterator[RawDocument | Rejection]:
    """The documents on standard input; the id of a single text or page is "stdin"."""
    yield from read_sniffed_stream(sys.stdin.buffer, "<stdin>", "stdin", settings)
