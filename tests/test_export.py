"""Exports: jsonl, csv, parquet, graphml and the GDELT 2.0 event table."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from blocwatch.export import GDELT_COLUMNS, export
from blocwatch.store.reader import EventFilter, StoreReader


@pytest.fixture(scope="module")
def reader(fixture_store: Path) -> StoreReader:
    return StoreReader(fixture_store)


def exported(reader: StoreReader, fmt: str, **options) -> io.BytesIO:
    out = io.BytesIO()
    export(reader, fmt, out, **options)
    out.seek(0)
    return out


def test_export_gdelt_has_the_61_gdelt_2_columns_in_order(reader: StoreReader) -> None:
    assert len(GDELT_COLUMNS) == 61 and GDELT_COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL") and GDELT_COLUMNS[25:35] == (
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
        "NumMentions", "NumSources", "NumArticles", "AvgTone")
    frame = pd.read_csv(exported(reader, "gdelt"), sep="\t", dtype={"EventCode": str, "EventRootCode": str})
    assert list(frame.columns) == list(GDELT_COLUMNS)


def test_export_gdelt_counts_story_events_once_with_articles_and_sources(reader: StoreReader) -> None:
    frame = pd.read_csv(exported(reader, "gdelt"), sep="\t", dtype={"EventCode": str, "EventRootCode": str})
    pact = frame[(frame["Actor1Code"] == "RUS") & (frame["Actor2Code"] == "IRN") & (frame["EventCode"] == "057")]
    assert len(pact) == 1
    row = pact.iloc[0]
    assert (row["NumArticles"], row["NumSources"], row["QuadClass"], row["GoldsteinScale"]) == (2, 2, 1, 8.0)
    assert (row["SQLDATE"], row["MonthYear"], row["Year"], row["Actor1CountryCode"]) == (20240320, 202403, 2024, "RUS")
    assert frame["GLOBALEVENTID"].is_unique
    nato = frame[frame["Actor1Code"] == "NATO"].iloc[0]
    assert nato["Actor1KnownGroupCode"] == "NATO" and pd.isna(nato["Actor1CountryCode"])


def test_export_gdelt_without_header_reads_with_the_column_names(reader: StoreReader) -> None:
    frame = pd.read_csv(exported(reader, "gdelt", header=False), sep="\t", header=None, names=list(GDELT_COLUMNS))
    assert len(frame) == len(reader.story_events()) and frame["GLOBALEVENTID"].notna().all()


def test_export_jsonl_has_one_object_per_event_with_lists(reader: StoreReader) -> None:
    lines = exported(reader, "jsonl", where=EventFilter(source="new york")).read().decode().splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 2 and all(r["attribution"] == ["The New York Times"] for r in records)


def test_export_csv_joins_lists(reader: StoreReader) -> None:
    frame = pd.read_csv(exported(reader, "csv", where=EventFilter(source="new york")))
    assert frame["attribution"].tolist() == ["The New York Times"] * 2


def test_export_parquet_round_trips_every_event(reader: StoreReader) -> None:
    frame = pd.read_parquet(exported(reader, "parquet"))
    assert len(frame) == reader.counts()["events"] and {"sentence", "attribution", "story", "outlet"} <= set(frame.columns)


def test_export_stories_collapse_copies(reader: StoreReader) -> None:
    events = pd.read_parquet(exported(reader, "parquet"))
    stories = pd.read_parquet(exported(reader, "parquet", stories=True))
    assert len(stories) == len(events) - 6 and stories["articles"].max() == 2


def test_export_graphml_is_the_signed_alignment_graph(reader: StoreReader) -> None:
    graph = nx.read_graphml(exported(reader, "graphml"))
    assert graph["PRK"]["RUS"]["weight"] > 0 and graph["JPN"]["RUS"]["weight"] < 0
    assert graph.nodes["NATO"]["kind"] == "organisation" and graph["PRK"]["RUS"]["evidence"]
