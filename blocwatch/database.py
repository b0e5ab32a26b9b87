"""The Python API: `blocwatch.open(path)` and the queries of a store, as pandas and networkx.

    import blocwatch
    db = blocwatch.open("blocwatch.duckdb")
    db.events(actor="RUS", root="05")           # DataFrame, one row per stored event
    db.dyads(freq="month")                      # DataFrame: dyad x month, counts by quad class, Goldstein
    db.alignment(since="2024-01-01")            # DataFrame: pair scores
    db.graph()                                  # networkx.Graph, signed alignment graph
    db.blocs().blocs[0].members                 # ('CHN', 'IRN', 'PRK', 'RUS')

Every call opens the file read-only for its queries and closes it, so it can run while
`blocwatch ingest` writes (see `store/connection.py`).
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd

from .analysis import alignment as alignment_module
from .analysis.blocs import BlocStructure, blocs
from .analysis.contradictions import contradictions, contradictions_frame
from .analysis.dyads import dyad_series, pair_filter, top_dyads
from .analysis.shifts import Period, default_periods, shifts, shifts_frame
from .store.reader import EventFilter, StoreReader

FILTER_FIELDS = {f.name for f in fields(EventFilter)}


def as_date(value: date | str | None) -> date | None:
    """A date from a date or an ISO string ("2024", "2024-06" and "2024-06-19" are accepted)."""
    if value is None or isinstance(value, date):
        return value
    from .store.writer import resolve_day

    day = resolve_day(value)
    if day is None:
        raise ValueError(f"not a date: {value!r}; write it as YYYY-MM-DD, YYYY-MM or YYYY")
    return day


def event_filter(**conditions: Any) -> EventFilter:
    """An EventFilter from keyword conditions (unknown names are an error that lists the known ones)."""
    unknown = set(conditions) - FILTER_FIELDS
    if unknown:
        raise TypeError(f"unknown filter {', '.join(sorted(unknown))}; use {', '.join(sorted(FILTER_FIELDS))}")
    for name in ("since", "until"):
        if name in conditions:
            conditions[name] = as_date(conditions[name])
    if isinstance(conditions.get("pair"), str):
        conditions["pair"] = tuple(conditions["pair"].replace("-", " ").split())
    return EventFilter(**conditions)


class Database:
    """A blocwatch store, queried through pandas DataFrames and networkx graphs."""

    def __init__(self, path: str | Path) -> None:
        self.reader = StoreReader(path)
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"blocwatch.open({str(self.path)!r})"

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return self.reader.counts()

    def events(self, stories: bool = False, **conditions: Any) -> pd.DataFrame:
        """Stored events matching `conditions` (actor, pair, code, root, quad_class, since, until,
        language, source, hedged, negated); with `stories=True` counted once per story."""
        where = event_filter(**conditions)
        return self.reader.story_events(where) if stories else self.reader.events(where)

    def articles(self) -> pd.DataFrame:
        return self.reader.articles()

    def clusters(self) -> pd.DataFrame:
        return self.reader.clusters()

    def rejections(self) -> pd.DataFrame:
        return self.reader.rejections()

    def dyads(self, freq: str = "month", directed: bool = True, **conditions: Any) -> pd.DataFrame:
        """Dyad time series: per period, counts by quad class, Goldstein sum and mean."""
        return dyad_series(self.reader, freq, event_filter(**conditions), directed)

    def top_dyads(self, limit: int | None = 10, **conditions: Any) -> pd.DataFrame:
        return top_dyads(self.reader, event_filter(**conditions), limit=limit)

    def alignment(self, since: date | str | None = None, until: date | str | None = None, **conditions: Any) -> pd.DataFrame:
        """The alignment score of every pair over a window."""
        return alignment_module.alignment(self.reader, as_date(since), as_date(until), where=event_filter(**conditions))

    def graph(self, since: date | str | None = None, until: date | str | None = None) -> nx.Graph:
        """The signed alignment graph (edge `weight` is the score)."""
        return alignment_module.alignment_graph(self.alignment(since, until))

    def blocs(self, since: date | str | None = None, until: date | str | None = None) -> BlocStructure:
        return blocs(self.reader, as_date(since), as_date(until))

    def shifts(self, before: Period | None = None, after: Period | None = None, span: str = "auto", limit: int = 10) -> pd.DataFrame:
        """Pairs whose score moved most between two periods (default: the latest calendar period with events and the one before)."""
        if before is None or after is None:
            periods = default_periods(self.reader, span)
            if periods is None:
                return shifts_frame([])
            before, after = periods
        return shifts_frame(shifts(self.reader, before, after, limit=limit))

    def contradictions(self, since: date | str | None = None, until: date | str | None = None, limit: int | None = 20) -> pd.DataFrame:
        """Opposite claims about the same pair from different voices, side by side."""
        return contradictions_frame(contradictions(self.reader, as_date(since), as_date(until), limit=limit))

    def relations(self, a: str, b: str, freq: str = "month") -> pd.DataFrame:
        """The timeline of one pair (both directions), one row per period."""
        return dyad_series(self.reader, freq, pair_filter(a, b), directed=False)


def open(path: str | Path = "blocwatch.duckdb") -> Database:  # noqa: A001 - the API's name is blocwatch.open
    """Open a blocwatch store for queries."""
    return Database(path)
