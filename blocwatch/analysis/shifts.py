"""Shifts: the pairs whose alignment score moved most between two periods, with the events behind it.

Each period is scored on its own (`alignment.scores`, recency measured from the period's end); a
pair with no events before scores 0 there. A pair with no events in the later period is left out:
silence is not a change of alignment. The change is after - before; the evidence is the events of
the later period that weigh most in the direction of the move.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from ..store.reader import EventFilter, StoreReader
from .alignment import Evidence, Weights, evidence, scores, weigh, window

Period = tuple[date, date]  # first and last day, inclusive
SPANS = ("month", "quarter", "year")


@dataclass(frozen=True)
class Shift:
    a: str
    b: str
    before: float
    after: float
    change: float
    events_before: int
    events_after: int
    evidence: tuple[Evidence, ...]


def calendar_period(day: date, span: str) -> Period:
    """The calendar month, quarter or year containing `day`."""
    if span == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    months = 3 if span == "quarter" else 1
    first_month = (day.month - 1) // months * months + 1
    start = date(day.year, first_month, 1)
    after = date(start.year + (first_month + months - 1) // 12, (first_month + months - 1) % 12 + 1, 1)
    return start, after - timedelta(days=1)


def previous_period(period: Period, span: str) -> Period:
    """The calendar period just before `period`."""
    return calendar_period(period[0] - timedelta(days=1), span)


def default_periods(reader: StoreReader, span: str = "auto", where: EventFilter = EventFilter()) -> tuple[Period, Period] | None:
    """The latest calendar period with events and the one before it; with `auto`, the shortest span
    (month, quarter, year) whose previous period has events too. None when the store has no dated events."""
    days = pd.to_datetime(reader.story_events(where)["event_date"]).dropna()
    if days.empty:
        return None
    latest = days.max().date()
    for candidate in (SPANS if span == "auto" else (span,)):
        after = calendar_period(latest, candidate)
        before = previous_period(after, candidate)
        if span != "auto" or ((days.dt.date >= before[0]) & (days.dt.date <= before[1])).any():
            return before, after
    after = calendar_period(latest, "year")
    return previous_period(after, "year"), after


def _period_scores(reader: StoreReader, period: Period, weights: Weights, where: EventFilter) -> tuple[pd.DataFrame, pd.DataFrame]:
    weighted = weigh(reader.story_events(window(period[0], period[1], where)), period[1], weights)
    return weighted, scores(weighted, weights).set_index(["a", "b"])


def shifts(reader: StoreReader, before: Period, after: Period, weights: Weights = Weights(),
           where: EventFilter = EventFilter(), limit: int = 10) -> list[Shift]:
    """The pairs whose score changed most from `before` to `after`, largest change first."""
    weighted_before, scored_before = _period_scores(reader, before, weights, where)
    weighted_after, scored_after = _period_scores(reader, after, weights, where)
    found = []
    for a, b in sorted(scored_after.index):
        old = float(scored_before["score"].get((a, b), 0.0))
        new = float(scored_after.loc[(a, b), "score"])
        behind = evidence(weighted_after, a, b, 3, 1 if new > old else -1) or evidence(weighted_after, a, b, 3)
        found.append(Shift(a, b, old, new, new - old, int(scored_before["events"].get((a, b), 0)),
                           int(scored_after["events"].get((a, b), 0)), tuple(behind)))
    found.sort(key=lambda s: (-abs(s.change), s.a, s.b))
    return found[:limit]


def shifts_frame(found: list[Shift]) -> pd.DataFrame:
    """Shifts as a DataFrame, with the evidence sentences in one column."""
    return pd.DataFrame([{
        "a": s.a, "b": s.b, "before": s.before, "after": s.after, "change": s.change,
        "events_before": s.events_before, "events_after": s.events_after,
        "evidence": [e.sentence for e in s.evidence],
    } for s in found], columns=["a", "b", "before", "after", "change", "events_before", "events_after", "evidence"])
