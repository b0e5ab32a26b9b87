"""Shifts between two periods."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from blocwatch.analysis.shifts import calendar_period, default_periods, previous_period, shifts
from blocwatch.store.reader import StoreReader


@pytest.mark.parametrize("day, span, expected", [
    (date(2024, 11, 5), "month", (date(2024, 11, 1), date(2024, 11, 30))),
    (date(2024, 12, 5), "month", (date(2024, 12, 1), date(2024, 12, 31))),
    (date(2024, 11, 5), "quarter", (date(2024, 10, 1), date(2024, 12, 31))),
    (date(2024, 2, 29), "year", (date(2024, 1, 1), date(2024, 12, 31))),
])
def test_shifts_calendar_period(day: date, span: str, expected: tuple[date, date]) -> None:
    assert calendar_period(day, span) == expected


def test_shifts_previous_period_crosses_the_year() -> None:
    assert previous_period((date(2024, 1, 1), date(2024, 3, 31)), "quarter") == (date(2023, 10, 1), date(2023, 12, 31))


def test_shifts_auto_periods_pick_the_shortest_span_with_events_in_both(fixture_store: Path) -> None:
    before, after = default_periods(StoreReader(fixture_store))
    assert after == (date(2024, 10, 1), date(2024, 12, 31)) and before == (date(2024, 7, 1), date(2024, 9, 30))


def test_shifts_year_over_year_finds_the_moves_with_their_events(fixture_store: Path) -> None:
    found = shifts(StoreReader(fixture_store), (date(2023, 1, 1), date(2023, 12, 31)), (date(2024, 1, 1), date(2024, 12, 31)))
    assert [abs(s.change) for s in found] == sorted((abs(s.change) for s in found), reverse=True)
    first = found[0]
    assert (first.a, first.b) == ("PRK", "RUS") and first.change > 0.3 and first.events_after == 4
    assert first.evidence and all(e.goldstein > 0 for e in first.evidence)
    china = next(s for s in found if (s.a, s.b) == ("CHN", "RUS"))
    assert china.change < 0


def test_shifts_pairs_that_went_quiet_are_not_shifts(fixture_store: Path) -> None:
    found = shifts(StoreReader(fixture_store), (date(2023, 1, 1), date(2023, 12, 31)), (date(2024, 1, 1), date(2024, 12, 31)))
    assert ("NATO", "RUS") not in {(s.a, s.b) for s in found}
