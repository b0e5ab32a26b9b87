"""HTML reader: one article per `.html`/`.htm` file. Main text and metadata are found by the
`extract` stage (trafilatura + htmldate); the reader only checks and decodes the bytes."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..model import RawDocument
from ..settings import Settings
from .common import decode_html, read_limited


def read_html_file(path: Path, settings: Settings) -> Iterator[RawDocument]:
    """The page in an HTML file; the id is the file stem."""
    yield RawDocument(id=path.stem, origin=str(path), html=decode_html(read_limited(path, settings)))
