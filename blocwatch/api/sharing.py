"""A store reader that shares one read-only opening of the file between concurrent requests.

`StoreReader` opens the DuckDB file for every query, which costs tens of milliseconds (the
catalog is read again each time). The server instead keeps one read-only opening for at most
`hold_seconds`, hands each query its own cursor on it, then closes the file and keeps it closed
for `gap_seconds` — longer than the longest back-off of a waiting writer (0.25 s, see
`blocwatch.store.connection`) — so `blocwatch ingest` in another process always gets its turn.
"""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import duckdb
import pandas as pd

from ..store.connection import LOCK_TIMEOUT, connect
from ..store.reader import StoreReader

HOLD_SECONDS = 1.0
GAP_SECONDS = 0.3


class SharedReader(StoreReader):
    """StoreReader whose queries share one short-lived read-only opening of the file."""

    def __init__(self, path: str | Path, hold_seconds: float = HOLD_SECONDS, gap_seconds: float = GAP_SECONDS,
                 lock_timeout: float = LOCK_TIMEOUT) -> None:
        super().__init__(path, lock_timeout)
        self.hold_seconds = hold_seconds
        self.gap_seconds = gap_seconds
        self._condition = threading.Condition()
        self._base: duckdb.DuckDBPyConnection | None = None
        self._opened_at = 0.0
        self._closed_at = float("-inf")
        self._users = 0
        self._writing = False
        self._closer: threading.Timer | None = None

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Close the shared opening and keep it closed while this process writes to the file
        (DuckDB refuses a read-write opening next to a read-only one in the same process)."""
        with self._condition:
            while self._writing or self._users:
                self._condition.wait(0.05)
            self._writing = True
            if self._base is not None:
                self._close(time.monotonic())
        try:
            yield
        finally:
            with self._condition:
                self._writing = False
                self._closed_at = float("-inf")
                self._condition.notify_all()

    def frame(self, sql: str, params: list[Any] | None = None) -> pd.DataFrame:
        """The result of one query as a DataFrame, on a cursor of the shared opening."""
        self._check_schema()
        cursor = self._acquire()
        try:
            return cursor.execute(sql, params or []).fetchdf()
        finally:
            cursor.close()
            self._release()

    def _expired(self, now: float) -> bool:
        return now - self._opened_at >= self.hold_seconds

    def _acquire(self) -> duckdb.DuckDBPyConnection:
        """A cursor on the shared opening, opening the file when it is closed and its gap is over."""
        with self._condition:
            while True:
                now = time.monotonic()
                if self._writing:
                    self._condition.wait(0.05)
                    continue
                if self._base is not None and not self._expired(now):
                    self._users += 1
                    return self._base.cursor()
                if self._base is not None:
                    if self._users == 0:
                        self._close(now)
                    else:
                        self._condition.wait(0.05)
                    continue
                pause = self._closed_at + self.gap_seconds - now
                if pause > 0:
                    self._condition.wait(pause)
                    continue
                self._base = connect(self.path, read_only=True, timeout=self.lock_timeout)
                self._opened_at = time.monotonic()
                self._closer = threading.Timer(self.hold_seconds, self._close_if_idle)
                self._closer.daemon = True
                self._closer.start()

    def _release(self) -> None:
        with self._condition:
            self._users -= 1
            if self._users == 0 and self._base is not None and self._expired(time.monotonic()):
                self._close(time.monotonic())
            self._condition.notify_all()

    def _close_if_idle(self) -> None:
        """Close an expired opening nobody uses (otherwise the last query to finish closes it)."""
        with self._condition:
            if self._base is not None and self._users == 0 and self._expired(time.monotonic()):
                self._close(time.monotonic())
                self._condition.notify_all()

    def _close(self, now: float) -> None:
        self._base.close()
        self._base = None
        self._closed_at = now
        if self._closer is not None and self._closer is not threading.current_thread():
            self._closer.cancel()
        self._closer = None

    def close(self) -> None:
        """Close the file now (when the server stops), and wait for the idle-closing timer to end."""
        with self._condition:
            closer = self._closer
            if self._base is not None:
                self._close(time.monotonic())
        if closer is not None:
            closer.cancel()
            closer.join(timeout=1)
