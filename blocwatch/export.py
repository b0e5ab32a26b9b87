"""Exporting the store: events as JSONL, CSV or Parquet, the alignment graph as GraphML, and story
events in the GDELT 2.0 event-table layout.

`gdelt` writes one tab-separated row per story event (copies of a story counted once) with the 61
columns of the GDELT 2.0 event table in their order, preceded by a header line of the column names
unless `header=False` (raw GDELT files have none). What blocwatch does not know stays empty: tone,
geography (Geo_Type 0 = none), ethnicity, religion. NumMentions, NumSources and NumArticles are
counted after de-duplication; IsRootEvent is 1 when the evidence sentence starts in the first
300 characters of the article (its lead); negated events are left out (GDELT cannot say "did not").
"""

from __future__ import annotations

import hashlib
import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

import networkx as nx
import numpy as np
import pandas as pd

from .analysis.alignment import Weights, alignment_graph, evidence, scores, weigh
from .store.reader import EventFilter, StoreReader

FORMATS = ("jsonl", "csv", "parquet", "graphml", "gdelt")
ACTOR_COLUMNS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
                 "Type1Code", "Type2Code", "Type3Code")
GEO_COLUMNS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in ACTOR_COLUMNS), *(f"Actor2{c}" for c in ACTOR_COLUMNS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in GEO_COLUMNS), *(f"Actor2Geo_{c}" for c in GEO_COLUMNS),
    *(f"ActionGeo_{c}" for c in GEO_COLUMNS), "DATEADDED", "SOURCEURL",
)
LEAD = 300  # characters: an event whose sentence starts here is a root event


def _plain(value: Any) -> Any:
    """A JSON-ready value from what DuckDB and pandas return."""
    if isinstance(value, np.ndarray):
        return [_plain(v) for v in value.tolist()]
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (pd.Timestamp, datetime, date)):
        return value.isoformat()
    if isinstance(value, np.generic):
        return value.item()
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NaT:
        return None
    return value


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{k: _plain(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]


def write_jsonl(frame: pd.DataFrame, out: IO[bytes]) -> None:
    for record in _records(frame):
        out.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))


def write_csv(frame: pd.DataFrame, out: IO[bytes]) -> None:
    """CSV with list columns joined by ' | ' and nested records as JSON."""
    flat = frame.copy()
    for column in flat.columns:
        if flat[column].dtype == object:
            flat[column] = flat[column].map(_flat_cell)
    out.write(flat.to_csv(index=False).encode("utf-8"))


def _flat_cell(value: Any) -> Any:
    plain = _plain(value)
    if isinstance(plain, list) and all(isinstance(v, str) for v in plain):
        return " | ".join(plain)
    if isinstance(plain, (list, dict)):
        return json.dumps(plain, ensure_ascii=False)
    return plain


def write_parquet(frame: pd.DataFrame, out: IO[bytes]) -> None:
    frame.to_parquet(out, index=False)


def event_id(row: pd.Series) -> int:
    """A stable GLOBALEVENTID: 60 bits of the hash of the story event's identity."""
    key = "|".join(str(row[k]) for k in ("story", "source", "target", "code", "negated", "event_date"))
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:15], 16)


def _actor(prefix: str, code: Any, role: Any, kinds: dict[str, tuple[str, str]]) -> dict[str, Any]:
    columns = {f"{prefix}{c}": "" for c in ACTOR_COLUMNS}
    if code is None or (isinstance(code, float) and np.isnan(code)):
        return columns
    name, kind = kinds.get(code, (code, "state"))
    role = role if isinstance(role, str) else ""
    columns.update({f"{prefix}Code": f"{code}{role}", f"{prefix}Name": name.upper(), f"{prefix}Type1Code": role})
    columns[f"{prefix}CountryCode" if kind == "state" else f"{prefix}KnownGroupCode"] = code
    return columns


def gdelt_row(row: pd.Series, kinds: dict[str, tuple[str, str]]) -> dict[str, Any]:
    """One story event as a GDELT 2.0 event-table row."""
    day = None if pd.isna(row["event_date"]) else pd.Timestamp(row["event_date"])
    added = pd.Timestamp(row["ingested_at"]) if not pd.isna(row["ingested_at"]) else None
    record: dict[str, Any] = {column: "" for column in GDELT_COLUMNS}
    record.update({
        "GLOBALEVENTID": event_id(row), "SQLDATE": day.strftime("%Y%m%d") if day is not None else "",
        "MonthYear": day.strftime("%Y%m") if day is not None else "", "Year": day.year if day is not None else "",
        "FractionDate": round(day.year + (day.day_of_year - 1) / 365, 4) if day is not None else "",
        "IsRootEvent": int(row["first_offset"] < LEAD), "EventCode": row["code"], "EventBaseCode": row["code"][:3],
        "EventRootCode": row["root"], "QuadClass": int(row["quad_class"]), "GoldsteinScale": float(row["goldstein"]),
        "NumMentions": int(row["mentions"]), "NumSources": int(row["sources"]), "NumArticles": int(row["articles"]),
        "Actor1Geo_Type": 0, "Actor2Geo_Type": 0, "ActionGeo_Type": 0,
        "DATEADDED": added.strftime("%Y%m%d%H%M%S") if added is not None else "", "SOURCEURL": row["url"] or "",
    })
    record.update(_actor("Actor1", row["source"], row["source_role"], kinds))
    record.update(_actor("Actor2", row["target"], row["target_role"], kinds))
    return record


def actor_kinds(reader: StoreReader) -> dict[str, tuple[str, str]]:
    """Each actor code's most frequent display name and its kind, from the stored mentions."""
    found = reader.frame("SELECT code, mode(name) AS name, mode(kind) AS kind FROM mentions WHERE code IS NOT NULL GROUP BY code")
    return {row["code"]: (row["name"], row["kind"]) for _, row in found.iterrows()}


def gdelt_frame(reader: StoreReader, where: EventFilter = EventFilter()) -> pd.DataFrame:
    """Story events in GDELT 2.0 event-table columns and order."""
    events = reader.story_events(where)
    events = events[~events["negated"].astype(bool)]
    kinds = actor_kinds(reader)
    return pd.DataFrame([gdelt_row(row, kinds) for _, row in events.iterrows()], columns=list(GDELT_COLUMNS))


def write_gdelt(frame: pd.DataFrame, out: IO[bytes], header: bool = True) -> None:
    out.write(frame.to_csv(sep="\t", index=False, header=header).encode("utf-8"))


def graph_for_export(reader: StoreReader, where: EventFilter = EventFilter(), weights: Weights = Weights()) -> nx.Graph:
    """The alignment graph with scalar attributes only (GraphML), the top evidence sentence on each edge."""
    weighted = weigh(reader.story_events(where), where.until, weights)
    graph = alignment_graph(scores(weighted, weights))
    kinds = actor_kinds(reader)
    for node in graph:
        graph.nodes[node]["name"], graph.nodes[node]["kind"] = kinds.get(node, (node, "state"))
    for a, b, data in graph.edges(data=True):
        top = evidence(weighted, a, b, 1)
        data["evidence"] = top[0].sentence if top else ""
    return graph


def export(reader: StoreReader, fmt: str, out: IO[bytes], where: EventFilter = EventFilter(),
           stories: bool = False, header: bool = True) -> int:
    """Write the store in format `fmt` to a binary stream; return the number of records written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "graphml":
        graph = graph_for_export(reader, where)
        nx.write_graphml(graph, out)
        return graph.number_of_edges()
    if fmt == "gdelt":
        frame = gdelt_frame(reader, where)
        write_gdelt(frame, out, header)
        return len(frame)
    frame = reader.story_events(where) if stories else reader.events(where)
    {"jsonl": write_jsonl, "csv": write_csv, "parquet": write_parquet}[fmt](frame, out)
    return len(frame)


def export_to(reader: StoreReader, fmt: str, path: str | Path | None, **options: Any) -> int:
    """Export to a file, or to standard output when `path` is None or '-'."""
    if path in (None, "-"):
        count = export(reader, fmt, sys.stdout.buffer, **options)
        sys.stdout.buffer.flush()
        return count
    with open(path, "wb") as out:
        return export(reader, fmt, out, **options)
