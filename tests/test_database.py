"""The Python API: blocwatch.open(path)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

import blocwatch


@pytest.fixture(scope="module")
def db(fixture_store: Path):
    return blocwatch.open(fixture_store)


def test_database_open_returns_queries_as_dataframes(db) -> None:
    assert isinstance(db.events(), pd.DataFrame) and len(db.events()) == db.counts()["events"]
    assert db.events(actor="nato", root="03")["source"].tolist() == ["NATO", "NATO"]
    assert len(db.events(pair="RUS-CHN", since="2024")) == 2 and len(db.events(pair="RUS-CHN", since="2024", stories=True)) == 1
    assert len(db.events(stories=True)) < len(db.events())


def test_database_dyads_alignment_graph_and_blocs(db) -> None:
    assert {"period", "verbal_cooperation", "goldstein_mean"} <= set(db.dyads(freq="week").columns)
    assert db.alignment(since="2024-01-01").iloc[0][["a", "b"]].tolist() == ["PRK", "RUS"]
    graph = db.graph()
    assert isinstance(graph, nx.Graph) and graph["PRK"]["RUS"]["weight"] > 0
    assert db.blocs().bloc_of("PRK").members == ("CHN", "IRN", "PRK", "RUS")


def test_database_shifts_contradictions_relations(db) -> None:
    assert set(db.shifts(span="year")["a"] + "-" + db.shifts(span="year")["b"]) >= {"PRK-RUS"}
    assert (db.contradictions()["a"] == "CHN").all()
    relations = db.relations("rus", "prk", freq="year")
    assert relations["events"].sum() == 5 and list(relations["a"].unique()) == ["PRK"]


def test_database_unknown_filter_lists_the_known_ones(db) -> None:
    with pytest.raises(TypeError, match="actor"):
        db.events(country="RUS")


def test_database_bad_date_says_how_to_write_it(db) -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        db.events(since="last spring")
