"""Plain-text reader: one article per `.txt` file; the id is the file stem."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..model import RawDocument
from ..settings import Settings
from .common import decode_utf8, read_limited


def read_text_file(path: Path, settings: Settings) -> Iterator[RawDocument]:
    """The article in a plain-text file (its first non-empty line is the title, set by extraction)."""
    yield text_document(path.stem, str(path), decode_utf8(read_limited(path, settings)))


def text_document(identifier: str, origin: str, text: str) -> RawDocument:
    return RawDocument(id=identifier, origin=origin, text=text)
