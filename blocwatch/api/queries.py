"""What the API and the HTML report read, as JSON-ready dicts, built on the store's reader.

The reader (`blocwatch.store.reader.StoreReader`) and its `EventFilter` do the filtering; this
module adds only what a browser needs on top: paging with a total, an event's id
("ARTICLE_ID:INDEX"), one article with its mentions and events, display names of actors and
CAMEO codes, and the conversion of DataFrame rows to plain JSON values.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from ..store.reader import EVENTS, EventFilter, StoreReader

EVENT_ORDER = "ORDER BY e.event_date NULLS LAST, e.article_id, e.idx"


def jsonable(value: Any) -> Any:
    """A DataFrame cell as a plain JSON value (numpy scalars, arrays, timestamps, NaN/NaT)."""
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, (np.ndarray, list, tuple)):
        return [jsonable(item) for item in value]
    if isinstance(value, dict):
        return {key: jsonable(item) for key, item in value.items()}
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Every row of a DataFrame as a dict of JSON values."""
    columns = list(frame.columns)
    return [{column: jsonable(value) for column, value in zip(columns, row)} for row in frame.itertuples(index=False, name=None)]


def parse_day(text: str, end: bool = False) -> date:
    """"2024", "2024-06" or "2024-06-19" as the first (or, with end=True, last) day it covers."""
    parts = [int(part) for part in text.split("-")]
    year, month = parts[0], parts[1] if len(parts) > 1 else (12 if end else 1)
    if len(parts) > 2:
        return date(year, month, parts[2])
    return date(year, month, calendar.monthrange(year, month)[1] if end else 1)


@dataclass(frozen=True)
class EventQuery:
    """The filters of GET /api/events: the reader's EventFilter plus what only the API offers."""

    where: EventFilter = EventFilter()
    quad_classes: tuple[int, ...] = ()  # several quad classes ("1,2" = all cooperation)
    plover: str | None = None
    article: str | None = None

    def sql(self) -> tuple[str, list[Any]]:
        """The WHERE condition and its parameters."""
        condition, params = self.where.where()
        if self.quad_classes:
            condition += f" AND e.quad_class IN ({', '.join('?' for _ in self.quad_classes)})"
            params = params + list(self.quad_classes)
        if self.plover:
            condition += " AND upper(e.plover) = ?"
            params = params + [self.plover.upper()]
        if self.article:
            condition += " AND e.article_id = ?"
            params = params + [self.article]
        return condition, params


def event_query(actor: str | None = None, pair: str | None = None, code: str | None = None, root: str | None = None,
                quad_class: str | None = None, plover: str | None = None, date_from: str | None = None,
                date_to: str | None = None, language: str | None = None, source: str | None = None,
                hedged: bool | None = None, negated: bool | None = None, article: str | None = None) -> EventQuery:
    """An EventQuery from the (already validated) query parameters of the API."""
    quads = tuple(sorted({int(part) for part in quad_class.split(",")})) if quad_class else ()
    where = EventFilter(
        actor=actor.upper() if actor else None,
        pair=tuple(part.upper() for part in pair.replace(",", "-").split("-", 1)) if pair else None,
        code=code, root=root, quad_class=quads[0] if len(quads) == 1 else None,
        since=parse_day(date_from) if date_from else None, until=parse_day(date_to, end=True) if date_to else None,
        language=language, source=source, hedged=hedged, negated=negated,
    )
    return EventQuery(where, quads if len(quads) > 1 else (), plover, article)


@lru_cache(maxsize=1)
def cameo_names() -> dict[str, str]:
    """CAMEO code -> its name ("057" -> "Sign formal agreement")."""
    from ..cameo import codes

    return {code: entry.name for code, entry in codes().items()}


def event_record(row: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    """One event row of the reader as the API's event object."""
    record = dict(row)
    record["id"] = f"{row['article_id']}:{row['idx']}"
    record["label"] = cameo_names().get(row["code"])
    record["source_name"] = names.get(row["source"], row["source"])
    record["target_name"] = names.get(row["target"], row["target"]) if row.get("target") else None
    record["article_title"] = record.pop("title", None)
    record["site"] = row.get("outlet")
    record["attribution"] = row.get("attribution") or []
    record["attribution_spans"] = row.get("attribution_spans") or []
    return record


def actor_names(reader: StoreReader) -> dict[str, str]:
    """Actor code -> the display name its mentions use most (remembered until the store changes)."""
    from .figures import cached

    def read() -> dict[str, str]:
        frame = reader.frame("SELECT code, mode(name) AS name FROM mentions WHERE code IS NOT NULL GROUP BY code")
        return dict(zip(frame["code"], frame["name"]))

    return cached(reader, "actor_names", read)


def events_page(reader: StoreReader, query: EventQuery, limit: int, offset: int) -> dict[str, Any]:
    """One page of matching events, with the number of all matching events."""
    condition, params = query.sql()
    frame = reader.frame(f"{EVENTS} WHERE {condition} {EVENT_ORDER} LIMIT ? OFFSET ?", params + [limit, offset])
    counted = "SELECT count(*) AS n FROM events e JOIN articles a ON a.id = e.article_id WHERE " + condition
    total = len(frame) if offset == 0 and len(frame) < limit else int(reader.frame(counted, params)["n"].iloc[0])
    names = actor_names(reader)
    items = [event_record(row, names) for row in records(frame)]
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def split_event_id(event_id: str) -> tuple[str, int] | None:
    """"ARTICLE_ID:INDEX" -> (article id, index), or None when it is not of that form."""
    article_id, _, index = event_id.rpartition(":")
    if not article_id or not index.isdigit():
        return None
    return article_id, int(index)


def event_by_id(reader: StoreReader, event_id: str) -> dict[str, Any] | None:
    """One event by its id, or None."""
    parts = split_event_id(event_id)
    if parts is None:
        return None
    frame = reader.frame(f"{EVENTS} WHERE e.article_id = ? AND e.idx = ?", list(parts))
    if frame.empty:
        return None
    return event_record(records(frame)[0], actor_names(reader))


ARTICLE_FIELDS = ("id", "origin", "title", "url", "published", "site", "outlet", "author", "language", "text",
                  "removals", "paragraph_languages", "cluster_id", "content_hash", "ingested_at")


def article_detail(reader: StoreReader, article_id: str) -> dict[str, Any] | None:
    """One article with its cleaned text, cleaning record, mentions and events, or None."""
    found = reader.article(article_id)
    if found is None:
        return None
    article = {name: jsonable(found.get(name)) for name in ARTICLE_FIELDS}
    article["site"] = article["site"] or article["outlet"]
    article["removals"] = article["removals"] or []
    mentions = reader.frame("SELECT start, \"end\", text, code, name, kind, role FROM mentions WHERE article_id = ? ORDER BY idx", [article_id])
    article["mentions"] = records(mentions)
    article["events"] = events_page(reader, EventQuery(article=article_id), limit=10_000, offset=0)["items"]
    return article


def articles_page(reader: StoreReader, limit: int, offset: int) -> dict[str, Any]:
    """Stored articles (without texts), newest first, with their story cluster sizes."""
    frame = reader.articles()
    sizes = frame["cluster_id"].value_counts()
    frame = frame.assign(cluster_size=frame["cluster_id"].map(sizes).fillna(1).astype(int), site=frame["outlet"], cluster=frame["cluster_id"])
    frame = frame.sort_values(["published_date", "id"], ascending=[False, True], na_position="last")
    page = frame.iloc[offset:offset + limit]
    return {"total": len(frame), "limit": limit, "offset": offset, "items": records(page)}


def actors(reader: StoreReader) -> list[dict[str, Any]]:
    """Every actor code in the store with its name, kind, mentions, articles and events (cached)."""
    from .figures import cached

    return cached(reader, "actors", lambda: _actors(reader))


def _actors(reader: StoreReader) -> list[dict[str, Any]]:
    frame = reader.frame("""
        WITH m AS (SELECT code, mode(name) AS name, mode(kind) AS kind, count(*) AS mentions,
                          count(DISTINCT article_id) AS articles
                   FROM mentions WHERE code IS NOT NULL GROUP BY code),
             e AS (SELECT actor AS code, count(*) AS events
                   FROM (SELECT source AS actor FROM events UNION ALL SELECT target FROM events WHERE target IS NOT NULL)
                   GROUP BY actor)
        SELECT coalesce(m.code, e.code) AS code, coalesce(m.name, e.code) AS name, m.kind,
               coalesce(m.mentions, 0) AS mentions, coalesce(m.articles, 0) AS articles, coalesce(e.events, 0) AS events
        FROM m FULL OUTER JOIN e ON m.code = e.code
        ORDER BY events DESC, mentions DESC, code""")
    return records(frame)


def summary(reader: StoreReader) -> dict[str, Any]:
    """The numbers in the dashboard's header (cached until the store changes)."""
    from .figures import cached

    return dict(cached(reader, "summary", lambda: _summary(reader)))


def _summary(reader: StoreReader) -> dict[str, Any]:
    frame = reader.frame("""
        SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM events) AS events,
               (SELECT count(DISTINCT code) FROM mentions WHERE code IS NOT NULL) AS actors,
               (SELECT count(*) FROM rejections) AS rejected,
               (SELECT min(event_date) FROM events) AS first_date, (SELECT max(event_date) FROM events) AS last_date""")
    answer = records(frame)[0]
    answer["db"] = reader.path.name
    return answer


def clusters(reader: StoreReader) -> list[dict[str, Any]]:
    """Story clusters with the titles and outlets of their articles."""
    found = records(reader.clusters())
    titles = reader.articles().set_index("id")[["title", "outlet"]].to_dict("index")
    for cluster in found:
        cluster["id"] = cluster.pop("cluster_id")
        cluster["articles"] = [{"id": i, "title": titles.get(i, {}).get("title"), "site": titles.get(i, {}).get("outlet")}
                               for i in cluster.pop("article_ids")]
    return found


def articles_with_text(reader: StoreReader, ids: list[str]) -> list[dict[str, Any]]:
    """Several articles with their texts, cleaning records and mentions, in two queries."""
    if not ids:
        return []
    frame = reader.frame(f"SELECT {', '.join(ARTICLE_FIELDS)} FROM articles WHERE id IN (SELECT unnest(?)) ORDER BY id", [ids])
    mentions = reader.frame("SELECT article_id, start, \"end\", text, code, name, kind, role FROM mentions "
                            "WHERE article_id IN (SELECT unnest(?)) ORDER BY article_id, idx", [ids])
    by_article: dict[str, list[dict[str, Any]]] = {}
    for mention in records(mentions):
        by_article.setdefault(mention.pop("article_id"), []).append(mention)
    found = records(frame)
    for article in found:
        article["site"] = article["site"] or article["outlet"]
        article["removals"] = article["removals"] or []
        article["mentions"] = by_article.get(article["id"], [])
    return found
