"""Readers: paths in, `RawDocument`s (or `Rejection`s) out, one at a time.

    read_paths(["a.txt", "feeds/", "crawl.warc.gz", "-"], settings)

A path is a file (read by the reader for its extension), a directory (walked recursively in sorted
order; files with other extensions and hidden files are skipped silently), or `-` for standard
input (sniffed: JSONL, HTML, feed or plain text). A file given by name with an unknown extension is
sniffed the same way. Every error becomes a `Rejection` with the origin (path, `path:LINE` or
`path#RECORD`) and a reason; the rest of the batch goes on. Readers only read: extraction and
cleaning are stages.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import InputError
from ..model import RawDocument, Rejection
from ..settings import Settings

Result = RawDocument | Rejection
Reader = Callable[[Path, Settings], Iterator[Result]]

# Extension -> "module:function" of the reader (imported when first needed).
READERS: dict[str, str] = {
    ".txt": "text:read_text_file",
    ".text": "text:read_text_file",
    ".html": "html:read_html_file",
    ".htm": "html:read_html_file",
    ".xhtml": "html:read_html_file",
    ".jsonl": "jsonl:read_jsonl_file",
    ".ndjson": "jsonl:read_jsonl_file",
    ".rss": "feeds:read_feed_file",
    ".atom": "feeds:read_feed_file",
    ".xml": "feeds:read_feed_file",
    ".warc": "warc:read_warc_file",
    ".warc.gz": "warc:read_warc_file",
}
STDIN = "-"


def extension(path: Path) -> str:
    """The reader extension of `path`: `.warc.gz` counts as one, case does not matter."""
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def reader_for(path: Path) -> Reader | None:
    """The reader function for `path`'s extension, or None when it has none."""
    target = READERS.get(extension(path))
    if target is None:
        return None
    module_name, function_name = target.split(":")
    module = importlib.import_module(f"{__name__}.{module_name}")
    reader: Reader = getattr(module, function_name)
    return reader


def guarded(origin: str, results: Iterator[Result]) -> Iterator[Result]:
    """`results`, with any error raised while producing them turned into a final Rejection."""
    try:
        yield from results
    except InputError as error:
        yield Rejection(origin, str(error))
    except (OSError, ValueError, EOFError, LookupError) as error:
        yield Rejection(origin, f"cannot be read ({type(error).__name__}: {error})")
    except Exception as error:  # a reader bug must not end the batch; the reason names it
        yield Rejection(origin, f"unexpected error while reading ({type(error).__name__}: {error}); please report it")


def read_file(path: Path, settings: Settings) -> Iterator[Result]:
    """The documents of one file, by extension, or sniffed when the extension is unknown."""
    reader = reader_for(path)
    if reader is None:
        from .sniff import read_sniffed_file

        reader = read_sniffed_file
    yield from guarded(str(path), reader(path, settings))


def walk(directory: Path) -> Iterator[Path]:
    """Files under `directory` with a known extension, recursively, in path order (like `find | sort`)."""
    for entry in sorted(os.scandir(directory), key=lambda found: found.name):
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir():
            yield from walk(path)
        elif entry.is_file() and extension(path) in READERS:
            yield path


def read_directory(directory: Path, settings: Settings) -> Iterator[Result]:
    """The documents of every readable file under `directory`."""
    for found in walk(directory):
        yield from read_file(found, settings)


def read_path(name: str, settings: Settings) -> Iterator[Result]:
    """The documents found at one command-line path."""
    if name == STDIN:
        from .sniff import read_stdin

        yield from guarded("<stdin>", read_stdin(settings))
        return
    path = Path(name)
    if path.is_dir():
        yield from guarded(name, read_directory(path, settings))
    elif path.is_file():
        yield from read_file(path, settings)
    elif path.exists():
        yield Rejection(name, "not a regular file or directory")
    else:
        yield Rejection(name, "no such file or directory")


def read_paths(paths: Iterable[str], settings: Settings) -> Iterator[Result]:
    """Every document (or rejection) at the given paths, in order, streamed."""
    for name in paths:
        yield from read_path(str(name), settings)
