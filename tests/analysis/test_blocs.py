"""Signed community detection: blocs and their evidence."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from blocwatch.analysis.blocs import blocs, frustration, partition
from blocwatch.store.reader import StoreReader


def signed(edges: list[tuple[str, str, float]]) -> nx.Graph:
    graph = nx.Graph()
    graph.add_weighted_edges_from(edges)
    return graph


def test_blocs_balanced_graph_splits_into_its_two_camps() -> None:
    graph = signed([("A", "B", 0.5), ("C", "D", 0.4), ("A", "C", -0.3), ("B", "D", -0.2), ("E", "C", 0.1)])
    groups = partition(graph)
    assert sorted(map(sorted, groups)) == [["A", "B"], ["C", "D", "E"]]
    assert frustration(graph, groups) == 0


def test_blocs_actor_with_only_a_hostile_tie_joins_the_opposite_camp() -> None:
    graph = signed([("RUS", "PRK", 0.5), ("USA", "JPN", 0.4), ("RUS", "JPN", -0.2), ("RUS", "NATO", -0.05)])
    groups = partition(graph)
    assert {"NATO", "USA", "JPN"} in groups and {"RUS", "PRK"} in groups


def test_blocs_unbalanced_triangle_is_broken_at_its_weakest_tie() -> None:
    graph = signed([("A", "B", 0.6), ("B", "C", 0.5), ("A", "C", -0.1)])
    groups = partition(graph)
    assert frustration(graph, groups) == 0.1


def test_blocs_unconnected_parts_are_separate_blocs() -> None:
    graph = signed([("A", "B", 0.5), ("C", "D", 0.5)])
    assert sorted(map(sorted, partition(graph))) == [["A", "B"], ["C", "D"]]


def test_blocs_fixture_store_has_the_two_camps_with_evidence(fixture_store: Path) -> None:
    structure = blocs(StoreReader(fixture_store))
    assert structure.bloc_of("RUS").members == ("CHN", "IRN", "PRK", "RUS")
    assert structure.bloc_of("USA").members == ("JPN", "KOR", "NATO", "USA")
    strongest = structure.bloc_of("RUS").ties[0]
    assert (strongest.a, strongest.b) == ("PRK", "RUS") and strongest.evidence[0].sentence
    assert all(tie.score < 0 and tie.evidence for tie in structure.oppositions)
    assert {(t.a, t.b) for t in structure.oppositions} >= {("JPN", "RUS"), ("KOR", "RUS")}
