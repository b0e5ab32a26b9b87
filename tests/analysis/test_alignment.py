"""The alignment score and the signed graph."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from fixtures import E, Spec, build_article

from blocwatch.analysis.alignment import Weights, alignment, alignment_graph, evidence, scores, weigh
from blocwatch.store.reader import StoreReader
from blocwatch.store.writer import write_articles


def story_frame(**overrides) -> pd.DataFrame:
    """One story event between RUS and PRK, with overrides."""
    row = {"source": "RUS", "target": "PRK", "code": "057", "goldstein": 8.0, "event_date": pd.Timestamp("2024-06-19"),
           "hedged": False, "attributed": False, "mode": "asserted", "negated": False, "sources": 1, "articles": 1,
           "outlets": ["A"], "sentence": "s", "article_id": "x", "attribution": []}
    row.update(overrides)
    return pd.DataFrame([row])


def score(**overrides) -> float:
    return float(scores(weigh(story_frame(**overrides), date(2024, 6, 19))).iloc[0]["score"])


def test_alignment_one_fresh_asserted_treaty_scores_by_the_formula() -> None:
    # weight 1, goldstein 8: (0.8 - 0) / (1 + 1)
    assert score() == pytest.approx(0.4)


@pytest.mark.parametrize("overrides, factor", [
    ({"hedged": True}, 0.5), ({"attributed": True}, 0.6), ({"hedged": True, "attributed": True}, 0.3),
    ({"mode": "possible"}, 0.5), ({"event_date": pd.Timestamp("2023-12-22")}, 0.5), ({"sources": 4}, 3.0),
])
def test_alignment_weights_follow_the_documented_factors(overrides: dict, factor: float) -> None:
    assert score(**overrides) == pytest.approx(0.8 * factor / (1 + factor))


def test_alignment_negated_events_do_not_count() -> None:
    assert score(negated=True) == 0.0


def test_alignment_direction_does_not_matter() -> None:
    weighted = weigh(pd.concat([story_frame(), story_frame(source="PRK", target="RUS", code="046", goldstein=7.0)]), None)
    result = scores(weighted)
    assert result[["a", "b"]].values.tolist() == [["PRK", "RUS"]] and result.iloc[0]["events"] == 2


def test_alignment_conflict_scores_negative_and_self_pairs_are_dropped() -> None:
    frame = pd.concat([story_frame(code="138", goldstein=-7.0), story_frame(target="RUS")])
    result = scores(weigh(frame, None))
    assert len(result) == 1 and result.iloc[0]["score"] < 0


def test_alignment_on_the_fixture_store_orders_pairs_by_strength(fixture_store: Path) -> None:
    result = alignment(StoreReader(fixture_store))
    top = result.iloc[0]
    assert (top["a"], top["b"]) == ("PRK", "RUS") and top["score"] > 0.4
    assert result["score"].abs().is_monotonic_decreasing
    japan = result[(result["a"] == "JPN") & (result["b"] == "RUS")].iloc[0]
    assert japan["score"] < 0


def test_alignment_window_keeps_only_its_events(fixture_store: Path) -> None:
    result = alignment(StoreReader(fixture_store), since=date(2023, 1, 1), until=date(2023, 12, 31))
    assert set(map(tuple, result[["a", "b"]].values.tolist())) == {("CHN", "RUS"), ("PRK", "RUS"), ("JPN", "RUS"), ("NATO", "RUS"), ("JPN", "NATO"), ("KOR", "NATO")}
    assert pd.to_datetime(result["last"]).max() <= pd.Timestamp("2023-12-31")


def test_alignment_syndicated_copies_count_once_but_raise_the_sources(tmp_path: Path) -> None:
    one = Spec("one", ("Russia and Iran signed a pact on energy and arms and more besides this week.",), (E(0, "RUS", "IRN", "057"),), published="2024-01-10", site="A")
    copy = replace(one, id="copy", site="B", extra=("Republished with permission.",))
    single, double = tmp_path / "single.duckdb", tmp_path / "double.duckdb"
    write_articles(single, [build_article(one)])
    write_articles(double, [build_article(one), build_article(copy)])
    alone, syndicated = alignment(StoreReader(single)).iloc[0], alignment(StoreReader(double)).iloc[0]
    assert alone["events"] == syndicated["events"] == 1
    assert syndicated["sources"] == 2 and syndicated["score"] > alone["score"]


def test_alignment_graph_is_signed_and_evidence_is_strongest_first(fixture_store: Path) -> None:
    reader = StoreReader(fixture_store)
    graph = alignment_graph(alignment(reader))
    assert graph["PRK"]["RUS"]["sign"] == 1 and graph["JPN"]["RUS"]["sign"] == -1
    weighted = weigh(reader.story_events(), None)
    found = evidence(weighted, "RUS", "CHN", limit=5)
    assert [abs(e.weight * e.goldstein) for e in found] == sorted((abs(e.weight * e.goldstein) for e in found), reverse=True)
    assert all(e.sentence for e in found)


def test_alignment_prior_shrinks_thin_evidence() -> None:
    weighted = weigh(story_frame(), date(2024, 6, 19))
    assert scores(weighted, Weights(prior=0.0)).iloc[0]["score"] == pytest.approx(0.8)
    assert scores(weighted, Weights(prior=3.0)).iloc[0]["score"] == pytest.approx(0.2)
