"""The alignment score of a pair of actors over a window, and the signed alignment graph.

Events are first counted once per story (`StoreReader.story_events`), so twenty syndicated copies
of one report are one event backed by twenty articles. Then, for an unordered pair {A, B}:

    weight(e)  = recency(e) * confidence(e) * mode(e) * sources(e)
    recency    = 0.5 ** (age_days / half_life_days)      age from the end of the window;
                 an undated event counts as one half-life old
    confidence = 1, times 0.5 if the claim is hedged ("reportedly", "allegedly", "якобы"),
                 times 0.6 if it is only attributed (someone else says so, the article does not)
    mode       = asserted 1, planned 0.7, possible 0.5, hypothetical 0.3; denied or negated 0
                 (what did not happen is not evidence of alignment: it feeds `contradictions`)
    sources    = 1 + log2(number of distinct outlets that carried the story)

    cooperation = sum of weight * goldstein / 10 over events with goldstein > 0
    conflict    = sum of weight * |goldstein| / 10 over events with goldstein < 0
    score(A, B) = (cooperation - conflict) / (prior + sum of weights)

The score lies in (-1, 1): +1 is close, consistent, well-sourced cooperation; -1 the same for
conflict. `prior` (default 1) shrinks pairs with little evidence toward 0. Direction is ignored:
RUS->PRK and PRK->RUS both count for the pair (PRK, RUS), written in alphabetical order.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from ..store.reader import EventFilter, StoreReader

MODES = {"asserted": 1.0, "planned": 0.7, "possible": 0.5, "hypothetical": 0.3, "denied": 0.0}


@dataclass(frozen=True)
class Weights:
    """The parameters of the alignment score (see the module docstring)."""

    half_life_days: float = 180.0
    hedged: float = 0.5
    attributed: float = 0.6
    prior: float = 1.0
    modes: dict[str, float] = field(default_factory=lambda: dict(MODES))


@dataclass(frozen=True)
class Evidence:
    """One story event behind a number, with its sentence."""

    source: str
    target: str | None
    code: str
    goldstein: float
    sentence: str
    article_id: str
    date: str | None
    attribution: tuple[str, ...]
    hedged: bool
    negated: bool
    articles: int
    sources: int
    weight: float


def weigh(events: pd.DataFrame, at: date | None, weights: Weights = Weights()) -> pd.DataFrame:
    """Story events between two actors, with the pair (a, b), their weight and signed contribution."""
    frame = events[events["target"].notna() & (events["source"] != events["target"])].copy()
    if frame.empty:
        return frame.assign(a=[], b=[], weight=[], signed=[])
    frame["a"] = np.where(frame["source"] < frame["target"], frame["source"], frame["target"])
    frame["b"] = np.where(frame["source"] < frame["target"], frame["target"], frame["source"])
    frame["weight"] = _recency(frame["event_date"], at, weights) * _confidence(frame, weights) * _sources(frame)
    frame["signed"] = frame["weight"] * frame["goldstein"] / 10.0
    return frame


def _recency(days: pd.Series, at: date | None, weights: Weights) -> np.ndarray:
    stamps = pd.to_datetime(days)
    end = pd.Timestamp(at) if at is not None else stamps.max()
    age = (end - stamps).dt.days.astype(float).to_numpy() if not pd.isna(end) else np.full(len(days), np.nan)
    age = np.where(np.isnan(age), weights.half_life_days, np.clip(age, 0, None))
    return 0.5 ** (age / weights.half_life_days)


def _confidence(frame: pd.DataFrame, weights: Weights) -> np.ndarray:
    hedged = np.where(frame["hedged"].astype(bool), weights.hedged, 1.0)
    attributed = np.where(frame["attributed"].astype(bool), weights.attributed, 1.0)
    mode = frame["mode"].map(lambda m: weights.modes.get(m, 1.0)).to_numpy(dtype=float)
    negated = np.where(frame["negated"].astype(bool), 0.0, 1.0)
    return hedged * attributed * mode * negated


def _sources(frame: pd.DataFrame) -> np.ndarray:
    return 1.0 + np.log2(frame["sources"].clip(lower=1).to_numpy(dtype=float))


def window(since: date | None = None, until: date | None = None, where: EventFilter = EventFilter()) -> EventFilter:
    """A filter restricted to a date window."""
    return replace(where, since=since or where.since, until=until or where.until)


def scores(weighted: pd.DataFrame, weights: Weights = Weights()) -> pd.DataFrame:
    """The alignment score of every pair in weighted story events, strongest first."""
    columns = ["a", "b", "score", "cooperation", "conflict", "events", "articles", "sources", "first", "last"]
    if weighted.empty:
        return pd.DataFrame(columns=columns)
    frame = weighted.assign(
        coop=weighted["signed"].clip(lower=0), confl=(-weighted["signed"]).clip(lower=0),
        outlet=weighted["outlets"].map(tuple),
    )
    grouped = frame.groupby(["a", "b"], sort=True)
    result = grouped.agg(cooperation=("coop", "sum"), conflict=("confl", "sum"), total=("weight", "sum"),
                         events=("code", "size"), articles=("articles", "sum"), first=("event_date", "min"),
                         last=("event_date", "max")).reset_index()
    result["sources"] = grouped["outlet"].agg(lambda outlets: len({o for group in outlets for o in group})).to_numpy()
    result["score"] = (result["cooperation"] - result["conflict"]) / (weights.prior + result["total"])
    ordered = result.reindex(result["score"].abs().sort_values(ascending=False, kind="stable").index)
    return ordered[columns].reset_index(drop=True)


def alignment(reader: StoreReader, since: date | None = None, until: date | None = None,
              weights: Weights = Weights(), where: EventFilter = EventFilter()) -> pd.DataFrame:
    """The alignment score of every pair of actors over a window (see the module docstring)."""
    events = reader.story_events(window(since, until, where))
    return scores(weigh(events, until, weights), weights)


def evidence(weighted: pd.DataFrame, a: str, b: str, limit: int = 3, sign: int = 0) -> list[Evidence]:
    """The events that weigh most in the score of a pair; `sign` 1 or -1 keeps one direction."""
    pair = weighted[(weighted["a"] == min(a, b)) & (weighted["b"] == max(a, b))]
    if sign:
        pair = pair[np.sign(pair["signed"]) == sign]
    top = pair.reindex(pair["signed"].abs().sort_values(ascending=False, kind="stable").index).head(limit)
    return [to_evidence(row) for _, row in top.iterrows()]


def to_evidence(row: pd.Series) -> Evidence:
    """An Evidence from one weighted story-event row."""
    day = row.get("event_date")
    return Evidence(
        source=row["source"], target=row["target"], code=row["code"], goldstein=float(row["goldstein"]),
        sentence=row["sentence"], article_id=row["article_id"],
        date=None if day is None or pd.isna(day) else pd.Timestamp(day).date().isoformat(),
        attribution=tuple(row["attribution"] if row["attribution"] is not None else ()),
        hedged=bool(row["hedged"]), negated=bool(row["negated"]), articles=int(row.get("articles", 1)),
        sources=int(row.get("sources", 1)), weight=float(row.get("weight", math.nan)),
    )


def alignment_graph(pair_scores: pd.DataFrame, minimum: float = 0.0) -> nx.Graph:
    """The signed alignment graph: actors as nodes, one edge per pair with |score| above `minimum`."""
    graph = nx.Graph()
    for _, row in pair_scores.iterrows():
        if abs(row["score"]) > minimum:
            graph.add_edge(row["a"], row["b"], **_edge_attributes(row))
    return graph


def _edge_attributes(row: pd.Series) -> dict[str, Any]:
    return {
        "weight": float(row["score"]), "sign": 1 if row["score"] > 0 else -1, "events": int(row["events"]),
        "cooperation": float(row["cooperation"]), "conflict": float(row["conflict"]),
        "articles": int(row["articles"]), "sources": int(row["sources"]),
    }
