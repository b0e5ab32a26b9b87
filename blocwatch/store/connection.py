"""Opening the store file, and waiting politely for the one process that holds it.

DuckDB lets one process write a file, and no other process open it meanwhile. blocwatch shares the
file by keeping every hold short: `blocwatch ingest` commits a small batch of articles per
transaction and closes the file after it, keeping it open for the next batch only while results
stream in, up to `StoreWriter.hold_seconds` (1 s), and then leaves it closed for 0.1 s before
opening it again (`StoreWriter.yield_seconds`); readers
(the CLI, the Python API, the HTTP server) open it read-only for one query and close it at once.
Whoever finds the file locked retries with a short back-off until `timeout` seconds have passed.
Inside one process that already writes the file (the HTTP server accepting an upload), a reader
shares the writer's database instance instead of opening a second one.
"""

from __future__ import annotations

import time
from pathlib import Path

import duckdb

from ..errors import BlocwatchError

LOCK_TIMEOUT = 30.0


class StoreBusy(BlocwatchError):
    """Another process held the store for longer than the timeout."""


class StoreMissing(BlocwatchError):
    """There is no store at the given path."""


def _is_lock_error(error: Exception) -> bool:
    return "lock" in str(error).lower()


def connect(path: str | Path, read_only: bool = False, timeout: float = LOCK_TIMEOUT) -> duckdb.DuckDBPyConnection:
    """A connection to the store at `path`, retrying while another process holds the file."""
    path = Path(path)
    if read_only and not path.exists():
        raise StoreMissing(f"no store at {path}: run `blocwatch ingest --db {path} PATH...` first")
    deadline = time.monotonic() + timeout
    pause = 0.01
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.ConnectionException as error:
            if read_only and "different configuration" in str(error):
                # This process already has the file open for writing: share that instance to read.
                return duckdb.connect(str(path))
            raise
        except duckdb.IOException as error:
            if not _is_lock_error(error) or time.monotonic() >= deadline:
                if _is_lock_error(error):
                    raise StoreBusy(f"{path} stayed locked by another process for {timeout:.0f}s; try again when it is done") from error
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.05)  # the writer leaves gaps of 0.1 s: try often enough to hit one
