"""Dyads over time: per day, week or month, event counts by quad class and Goldstein sum and mean.

Events are counted once per story (copies of one report count once). A dyad is directed
(source -> target) unless `directed=False`, in which case it is the unordered pair (a, b) in
alphabetical order. Undated events have no period: `dyad_series` leaves them out, `top_dyads`
counts them.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from ..store.reader import EventFilter, StoreReader

FREQUENCIES = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}  # pandas periods
QUADS = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"}
COLUMNS = ["events", *QUADS.values(), "goldstein_sum", "goldstein_mean", "articles", "sources"]


def _pairs(events: pd.DataFrame, directed: bool) -> pd.DataFrame:
    """Events between two actors, keyed by (a, b): (source, target) or the sorted pair."""
    frame = events[events["target"].notna() & (events["source"] != events["target"])].copy()
    if directed:
        return frame.assign(a=frame["source"], b=frame["target"])
    first = frame["source"] < frame["target"]
    return frame.assign(a=np.where(first, frame["source"], frame["target"]), b=np.where(first, frame["target"], frame["source"]))


def _summarise(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Counts by quad class and Goldstein sum and mean per group of `keys`."""
    if frame.empty:
        return pd.DataFrame(columns=keys + COLUMNS)
    quads = pd.get_dummies(frame["quad_class"].map(QUADS)).reindex(columns=list(QUADS.values()), fill_value=0).astype(int)
    frame = pd.concat([frame, quads], axis=1)
    aggregations = {name: (name, "sum") for name in QUADS.values()}
    result = frame.groupby(keys, sort=True).agg(
        events=("code", "size"), **aggregations, goldstein_sum=("goldstein", "sum"),
        goldstein_mean=("goldstein", "mean"), articles=("articles", "sum"), sources=("sources", "sum"),
    )
    return result.reset_index()


def dyad_series(reader: StoreReader, freq: str = "month", where: EventFilter = EventFilter(), directed: bool = True) -> pd.DataFrame:
    """One row per dyad and period: period start, a, b, events by quad class, Goldstein sum and mean."""
    if freq not in FREQUENCIES:
        raise ValueError(f"unknown period {freq!r}; use one of {', '.join(FREQUENCIES)}")
    frame = _pairs(reader.story_events(where), directed)
    frame = frame[frame["event_date"].notna()]
    frame = frame.assign(period=pd.to_datetime(frame["event_date"]).dt.to_period(FREQUENCIES[freq]).dt.start_time)
    return _summarise(frame, ["a", "b", "period"])


def top_dyads(reader: StoreReader, where: EventFilter = EventFilter(), directed: bool = False, limit: int | None = 10) -> pd.DataFrame:
    """Dyads with the most events (dated or not), with their counts by quad class and Goldstein figures."""
    summary = _summarise(_pairs(reader.story_events(where), directed), ["a", "b"])
    ordered = summary.sort_values(["events", "a", "b"], ascending=[False, True, True], kind="stable").reset_index(drop=True)
    return ordered if limit is None else ordered.head(limit)


def pair_filter(a: str, b: str, where: EventFilter = EventFilter()) -> EventFilter:
    """A filter for the events between two actors, either direction."""
    return replace(where, pair=(a.upper(), b.upper()))
