"""Dyad time series and top dyads."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from blocwatch.analysis.dyads import dyad_series, pair_filter, top_dyads
from blocwatch.store.reader import StoreReader


@pytest.fixture(scope="module")
def reader(fixture_store: Path) -> StoreReader:
    return StoreReader(fixture_store)


def test_dyads_monthly_series_counts_by_quad_class_and_sums_goldstein(reader: StoreReader) -> None:
    series = dyad_series(reader, "month", pair_filter("RUS", "CHN"), directed=False)
    june = series[series["period"] == pd.Timestamp("2023-06-01")].iloc[0]
    assert (june["events"], june["verbal_cooperation"], june["verbal_conflict"]) == (3, 1, 2)
    assert june["goldstein_sum"] == pytest.approx(3.4 - 2.0 - 2.0)
    assert june["goldstein_mean"] == pytest.approx((3.4 - 4.0) / 3)


@pytest.mark.parametrize("freq, periods", [("day", 4), ("week", 4), ("month", 4), ("quarter", 4), ("year", 2)])
def test_dyads_series_per_period(reader: StoreReader, freq: str, periods: int) -> None:
    series = dyad_series(reader, freq, pair_filter("CHN", "RUS"), directed=False)
    assert len(series) == periods and series["events"].sum() == 6


def test_dyads_directed_keeps_direction(reader: StoreReader) -> None:
    series = dyad_series(reader, "year", pair_filter("RUS", "PRK"))
    assert set(map(tuple, series[["a", "b"]].values.tolist())) == {("RUS", "PRK"), ("PRK", "RUS")}


def test_dyads_copies_of_a_story_count_once(reader: StoreReader) -> None:
    series = dyad_series(reader, "month", pair_filter("RUS", "IRN"))
    assert series["events"].sum() == 2 and series["articles"].sum() == 4


def test_dyads_unknown_period_names_the_known_ones(reader: StoreReader) -> None:
    with pytest.raises(ValueError, match="day, week, month"):
        dyad_series(reader, "fortnight")


def test_dyads_top_is_ordered_by_events(reader: StoreReader) -> None:
    top = top_dyads(reader, limit=3)
    assert top[["a", "b", "events"]].values.tolist() == [["CHN", "RUS", 6], ["PRK", "RUS", 5], ["KOR", "USA", 3]]
