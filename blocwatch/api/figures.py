"""The analysis results (alignment graph, blocs, pair timelines, shifts, contradictions) as JSON.

Built on `blocwatch.analysis`; this module only shapes results for the browser and links every
piece of evidence to its stored event (`ARTICLE_ID:INDEX`), so each number opens onto its
sentences. Results are cached per state of the store file: a new ingest invalidates them.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable

import pandas as pd

from ..analysis.alignment import Evidence, scores, weigh, window
from ..analysis.blocs import bloc_structure
from ..analysis.contradictions import contradictions as find_contradictions
from ..analysis.dyads import FREQUENCIES, QUADS, dyad_series, pair_filter
from ..analysis.shifts import default_periods, shifts as find_shifts
from ..store.reader import EVENTS, EventFilter, StoreReader
from .queries import actor_names, event_record, records

CACHE_SIZE = 512  # pair timelines are small; 22 actors already make 231 pairs
_cache: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
_cache_lock = threading.Lock()


def store_state(path: Path) -> tuple[int, int, int]:
    """What changes when the store is written: the file's and its WAL's modification times and size."""
    wal = path.with_name(path.name + ".wal")
    main = path.stat() if path.exists() else None
    return (main.st_mtime_ns if main else 0, main.st_size if main else 0, wal.stat().st_mtime_ns if wal.exists() else 0)


def cached(reader: StoreReader, name: str, compute: Callable[[], Any], *key: Any) -> Any:
    """`compute()`, remembered until the store file changes."""
    full = (str(reader.path), store_state(reader.path), name, *key)
    with _cache_lock:
        if full in _cache:
            _cache.move_to_end(full)
            return _cache[full]
    value = compute()
    with _cache_lock:
        _cache[full] = value
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return value


def linked_events(reader: StoreReader, found: Iterable[Evidence]) -> list[dict[str, Any]]:
    """The stored events behind pieces of evidence, in the API's event shape (one per piece found)."""
    link = linker(reader, found)
    return [event for event in map(link, found) if event is not None]


def linker(reader: StoreReader, found: Iterable[Evidence]) -> Callable[[Evidence], dict[str, Any] | None]:
    """A function from a piece of evidence to its stored event, reading all their articles in one query."""
    articles = sorted({item.article_id for item in found})
    rows: list[dict[str, Any]] = []
    if articles:
        frame = reader.frame(f"{EVENTS} WHERE e.article_id IN (SELECT unnest(?)) ORDER BY e.article_id, e.idx", [articles])
        names = actor_names(reader)
        rows = [event_record(row, names) for row in records(frame)]
    by_article: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_article.setdefault(row["article_id"], []).append(row)
    return lambda item: _match(by_article.get(item.article_id, []), item)


def _match(rows: list[dict[str, Any]], item: Evidence) -> dict[str, Any] | None:
    """The stored event a piece of evidence came from: same article, actors and code (sentence if it can)."""
    same = [r for r in rows if r["article_id"] == item.article_id and r["source"] == item.source
            and r["target"] == item.target and r["code"] == item.code]
    exact = [r for r in same if r["sentence"] == item.sentence]
    return (exact or same or [None])[0]


def _weighted(reader: StoreReader, since: date | None, until: date | None) -> pd.DataFrame:
    return weigh(reader.story_events(window(since, until, EventFilter())), until)


def graph(reader: StoreReader, since: date | None = None, until: date | None = None) -> dict[str, Any]:
    """The signed alignment graph: nodes with their bloc, edges with score and event counts."""
    return cached(reader, "graph", lambda: _graph(reader, since, until), since, until)


def _graph(reader: StoreReader, since: date | None, until: date | None) -> dict[str, Any]:
    weighted = _weighted(reader, since, until)
    pairs = scores(weighted)
    structure = bloc_structure(weighted)
    bloc_of = {member: bloc.number - 1 for bloc in structure.blocs for member in bloc.members}
    counts = _quad_counts(weighted)
    names = actor_names(reader)
    edges = []
    for row in records(pairs):
        cooperation, conflict = counts.get((row["a"], row["b"]), (0, 0))
        edges.append({"source": row["a"], "target": row["b"], "score": row["score"], "events": row["events"],
                      "cooperation": cooperation, "conflict": conflict, "articles": row["articles"],
                      "sources": row["sources"], "first": row["first"], "last": row["last"]})
    involvement: dict[str, int] = {}
    for edge in edges:
        for code in (edge["source"], edge["target"]):
            involvement[code] = involvement.get(code, 0) + edge["events"]
    nodes = [{"id": code, "name": names.get(code, code), "bloc": bloc_of.get(code), "events": count}
             for code, count in sorted(involvement.items())]
    return {"nodes": nodes, "edges": edges, "window": _window_label(since, until),
            "blocs": blocs_json(reader, structure)}


def _quad_counts(weighted: pd.DataFrame) -> dict[tuple[str, str], tuple[int, int]]:
    """Per pair: story events of cooperation (quad 1-2) and of conflict (quad 3-4)."""
    if weighted.empty:
        return {}
    cooperative = weighted["quad_class"].isin([1, 2])
    grouped = weighted.assign(coop=cooperative.astype(int), confl=(~cooperative).astype(int)).groupby(["a", "b"])[["coop", "confl"]].sum()
    return {key: (int(row["coop"]), int(row["confl"])) for key, row in grouped.iterrows()}


def _window_label(since: date | None, until: date | None) -> str | None:
    if not since and not until:
        return None
    return f"{since.isoformat() if since else 'the start'} to {until.isoformat() if until else 'now'}"


def blocs_json(reader: StoreReader, structure: Any) -> dict[str, Any]:
    """Blocs with members and their strongest ties inside, and the strongest oppositions across."""

    ties = [t for bloc in structure.blocs for t in bloc.ties] + list(structure.oppositions)
    link = linker(reader, [e for t in ties for e in t.evidence])

    def tie(item: Any) -> dict[str, Any]:
        evidence = [event for event in map(link, item.evidence) if event is not None]
        return {"source": item.a, "target": item.b, "score": item.score, "events": item.events, "evidence": evidence}

    return {
        "items": [{"id": bloc.number - 1, "label": f"Bloc {bloc.number}", "members": list(bloc.members),
                   "ties": [tie(t) for t in bloc.ties]} for bloc in structure.blocs],
        "oppositions": [tie(t) for t in structure.oppositions],
        "frustration": structure.frustration,
    }


def period_end(start: pd.Timestamp, freq: str) -> date:
    """The last day of the period that starts at `start`."""
    return (pd.Timestamp(start).to_period(FREQUENCIES[freq]).end_time).date()


def period_label(start: pd.Timestamp, freq: str) -> str:
    day = pd.Timestamp(start).date()
    return {"day": day.isoformat(), "week": "week of " + day.isoformat(), "month": day.strftime("%Y-%m")}.get(freq, day.isoformat())


def dyad_timeline(reader: StoreReader, a: str, b: str, freq: str = "month") -> dict[str, Any]:
    """Events between a and b (either direction) per period, by quad class, with Goldstein figures."""
    return cached(reader, "dyad", lambda: _dyad_timeline(reader, a.upper(), b.upper(), freq), a.upper(), b.upper(), freq)


def _dyad_timeline(reader: StoreReader, a: str, b: str, freq: str) -> dict[str, Any]:
    return _timeline(dyad_series(reader, freq, pair_filter(a, b), directed=False), a, b, freq)


def all_dyad_timelines(reader: StoreReader, freq: str = "month") -> dict[str, dict[str, Any]]:
    """The timeline of every pair, keyed "A|B" (alphabetical), from one pass over the store."""
    frame = dyad_series(reader, freq, EventFilter(), directed=False)
    return {f"{a}|{b}": _timeline(group, a, b, freq) for (a, b), group in frame.groupby(["a", "b"], sort=True)}


def _timeline(frame: pd.DataFrame, a: str, b: str, freq: str) -> dict[str, Any]:
    """Rows of dyad_series for one pair as the API's timeline."""
    rows = []
    for row in frame.to_dict("records"):
        start = pd.Timestamp(row["period"])
        entry = {"period": period_label(start, freq), "start": start.date().isoformat(),
                 "end": period_end(start, freq).isoformat(), "events": int(row["events"]),
                 "goldstein_sum": float(row["goldstein_sum"]), "goldstein_mean": float(row["goldstein_mean"])}
        entry.update({f"q{quad}": int(row[name]) for quad, name in QUADS.items()})
        rows.append(entry)
    return {"a": a, "b": b, "period": freq, "rows": rows}


def shifts(reader: StoreReader, span: str = "auto") -> dict[str, Any]:
    """The pairs whose alignment moved most between the latest period and the one before."""
    return cached(reader, "shifts", lambda: _shifts(reader, span), span)


def _shifts(reader: StoreReader, span: str) -> dict[str, Any]:
    periods = default_periods(reader, span)
    if periods is None:
        return {"periods": None, "items": []}
    before, after = periods
    found = find_shifts(reader, before, after, limit=20)
    link = linker(reader, [e for s in found for e in s.evidence])
    items = [{"a": s.a, "b": s.b, "before": s.before, "after": s.after, "change": s.change,
              "events": s.events_after, "events_before": s.events_before, "from": after[0].isoformat(),
              "to": after[1].isoformat(), "evidence": [e for e in map(link, s.evidence) if e is not None]}
             for s in found]
    label = lambda p: f"{p[0].isoformat()} – {p[1].isoformat()}"  # noqa: E731
    return {"periods": {"before": label(before), "after": label(after)}, "items": items}


def contradictions(reader: StoreReader, since: date | None = None, until: date | None = None) -> dict[str, Any]:
    """Opposite claims about the same pair from different voices, side by side, with their events."""
    return cached(reader, "contradictions", lambda: _contradictions(reader, since, until), since, until)


def _contradictions(reader: StoreReader, since: date | None, until: date | None) -> dict[str, Any]:
    items = []
    found_all = find_contradictions(reader, since, until, limit=50)
    link = linker(reader, [e for c in found_all for e in (c.first.evidence, c.second.evidence)])
    for found in found_all:
        left, right = [e for e in [link(found.first.evidence)] if e], [e for e in [link(found.second.evidence)] if e]
        dates = sorted(d for d in (found.first.evidence.date, found.second.evidence.date) if d)
        items.append({"a": found.a, "b": found.b, "kind": found.kind, "period": " – ".join(dict.fromkeys(dates)) or None,
                      "voices": [found.first.voice, found.second.voice],
                      "left": left, "right": right})
    return {"items": items}
