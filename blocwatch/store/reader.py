"""Reading the store: events (raw, or counted once per story), articles, clusters, rejections.

Every query opens the file read-only, runs, and closes it (see `connection.py`), so a reader never
keeps `blocwatch ingest` waiting for more than one query. Results are pandas DataFrames.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from .connection import LOCK_TIMEOUT, connect
from .schema import current_version, latest_version, migrate

TABLES = ("articles", "sentences", "mentions", "events", "signatures", "rejections", "duplicates")

EVENTS = """
    SELECT e.*, a.cluster_id AS story, coalesce(a.outlet, a.id) AS outlet, a.language, a.title, a.url,
           a.published_date, a.origin, a.ingested_at
    FROM events e JOIN articles a ON a.id = e.article_id
"""

# One row per (story, directed dyad, code, negation, stated date): copies of a story count once.
STORY_EVENTS = """
    SELECT story, source, target, code, any_value(root) AS root, any_value(quad_class) AS quad_class,
           any_value(goldstein) AS goldstein, negated, min(event_date) AS event_date,
           bool_and(hedged) AS hedged, bool_and(len(attribution) > 0) AS attributed, min(mode) AS mode,
           bool_or("symmetric") AS "symmetric", any_value(source_role) AS source_role,
           any_value(target_role) AS target_role, min(start) AS first_offset, min(ingested_at) AS ingested_at,
           arg_min(coalesce(url, origin), article_id) AS url,
           arg_min(attribution, article_id || ':' || idx) AS attribution,
           arg_min(sentence, article_id || ':' || idx) AS sentence,
           min(article_id) AS article_id, count(DISTINCT article_id) AS articles,
           count(DISTINCT outlet) AS sources, count(*) AS mentions,
           list(DISTINCT outlet ORDER BY outlet) AS outlets, any_value(language) AS language
    FROM ({events}) matched
    GROUP BY story, source, target, code, negated, CASE WHEN date_from_publication THEN NULL ELSE date END
    ORDER BY event_date NULLS LAST, story, source, target, code
"""


@dataclass(frozen=True)
class EventFilter:
    """Which events a query keeps; every field left None keeps everything."""

    actor: str | None = None  # source or target
    pair: tuple[str, str] | None = None  # either direction
    code: str | None = None  # CAMEO code prefix ("05", "057")
    root: str | None = None
    quad_class: int | None = None
    since: date | None = None
    until: date | None = None  # inclusive
    language: str | None = None
    source: str | None = None  # outlet, or a name in the attribution chain (case-insensitive substring)
    hedged: bool | None = None
    negated: bool | None = None

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition and its parameters."""
        clauses, params = ["TRUE"], []
        for name in (f.name for f in fields(self)):
            value = getattr(self, name)
            if value is not None:
                clause, values = CONDITIONS[name](value)
                clauses.append(clause)
                params.extend(values)
        return " AND ".join(clauses), params


CONDITIONS = {
    "actor": lambda v: ("(e.source = ? OR e.target = ?)", [v.upper(), v.upper()]),
    "pair": lambda v: ("((e.source = ? AND e.target = ?) OR (e.source = ? AND e.target = ?))",
                       [v[0].upper(), v[1].upper(), v[1].upper(), v[0].upper()]),
    "code": lambda v: ("e.code LIKE ?", [f"{v}%"]),
    "root": lambda v: ("e.root = ?", [str(v).zfill(2)]),
    "quad_class": lambda v: ("e.quad_class = ?", [int(v)]),
    "since": lambda v: ("e.event_date >= ?", [v]),
    "until": lambda v: ("e.event_date <= ?", [v]),
    "language": lambda v: ("a.language = ?", [v]),
    "source": lambda v: ("(coalesce(a.outlet, a.id) ILIKE ? OR array_to_string(e.attribution, ' | ') ILIKE ?)",
                         [f"%{v}%", f"%{v}%"]),
    "hedged": lambda v: ("e.hedged = ?", [bool(v)]),
    "negated": lambda v: ("e.negated = ?", [bool(v)]),
}


class StoreReader:
    """Queries over a store file, each on its own short read-only connection."""

    def __init__(self, path: str | Path, lock_timeout: float = LOCK_TIMEOUT) -> None:
        self.path = Path(path)
        self.lock_timeout = lock_timeout
        self._checked = False

    def _check_schema(self) -> None:
        """Upgrade an old store once (briefly opening it for writing), so queries see the current schema."""
        if self._checked:
            return
        connection = connect(self.path, read_only=True, timeout=self.lock_timeout)
        try:
            old = current_version(connection) < latest_version()
        finally:
            connection.close()
        if old:
            connection = connect(self.path, timeout=self.lock_timeout)
            try:
                migrate(connection)
            finally:
                connection.close()
        self._checked = True

    def frame(self, sql: str, params: list[Any] | None = None) -> pd.DataFrame:
        """The result of one query as a DataFrame."""
        self._check_schema()
        connection = connect(self.path, read_only=True, timeout=self.lock_timeout)
        try:
            return connection.execute(sql, params or []).fetchdf()
        finally:
            connection.close()

    def events(self, where: EventFilter = EventFilter()) -> pd.DataFrame:
        """Every stored event matching the filter, with its article's story, outlet and language."""
        condition, params = where.where()
        return self.frame(f"{EVENTS} WHERE {condition} ORDER BY e.event_date NULLS LAST, e.article_id, e.idx", params)

    def story_events(self, where: EventFilter = EventFilter()) -> pd.DataFrame:
        """Matching events counted once per story, with their numbers of articles, outlets and mentions."""
        condition, params = where.where()
        return self.frame(STORY_EVENTS.format(events=f"{EVENTS} WHERE {condition}"), params)

    def articles(self) -> pd.DataFrame:
        """Stored articles without their texts."""
        return self.frame("""SELECT id, origin, title, url, published, published_date, outlet, language, cluster_id,
                                    content_hash, len(removals) AS removals, ingested_at,
                                    (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events
                             FROM articles a ORDER BY id""")

    def clusters(self) -> pd.DataFrame:
        """Story clusters with their numbers of articles and distinct outlets."""
        return self.frame("SELECT * FROM story_clusters ORDER BY articles DESC, cluster_id")

    def rejections(self) -> pd.DataFrame:
        return self.frame("SELECT * FROM rejections ORDER BY rejected_at, origin")

    def duplicates(self) -> pd.DataFrame:
        return self.frame("SELECT * FROM duplicates ORDER BY id")

    def counts(self) -> dict[str, int]:
        """The number of rows of each table."""
        union = " UNION ALL ".join(f"SELECT '{table}' AS name, count(*) AS n FROM {table}" for table in TABLES)
        return {row["name"]: int(row["n"]) for _, row in self.frame(union).iterrows()}

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One stored article with its full record, or None."""
        found = self.frame("SELECT * FROM articles WHERE id = ?", [article_id])
        return None if found.empty else found.iloc[0].to_dict()
