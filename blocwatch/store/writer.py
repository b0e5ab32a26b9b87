"""Writing articles into the store: idempotent, one transaction per batch, bulk inserts via Arrow.

Identity: an article is its `id` and its `content_hash` (SHA-256 of the cleaned text).
- the same id with the same input (`input_hash` of the raw document) is `unchanged`: ingest skips it
  before running the pipeline (`is_unchanged`);
- the same id coming again (a changed version, or `ingest --force`) is `replaced`: the old rows of that id (article, sentences,
  mentions, events, signature) are deleted and the new ones inserted in the same transaction;
- a content hash already stored under another id is a `duplicate`: recorded in `duplicates`, no rows;
- anything else is `written`.
Rejected inputs go to `rejections` (one row per origin, the latest reason; removed when the origin
later yields an article).
A batch of articles is written in one transaction, so a killed process leaves either all of a
batch or none of it, and a re-run completes it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Iterable, Literal, Sequence
from urllib.parse import urlparse

import numpy as np
import pyarrow as pa

from ..clusters import THRESHOLD, StoryIndex, signature
from ..model import Article, Event, Rejection
from .connection import LOCK_TIMEOUT, connect
from .schema import migrate

Outcome = Literal["written", "replaced", "unchanged", "duplicate", "rejected"]
ARTICLE_TABLES = ("articles", "sentences", "mentions", "events", "signatures")

SPAN = pa.struct([("start", pa.int32()), ("end", pa.int32()), ("text", pa.string())])
SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("id", pa.string()), ("origin", pa.string()), ("content_hash", pa.string()), ("input_hash", pa.string()),
        ("title", pa.string()), ("url", pa.string()), ("published", pa.string()), ("published_date", pa.date32()),
        ("site", pa.string()), ("outlet", pa.string()), ("author", pa.string()), ("language", pa.string()),
        ("text", pa.string()), ("raw_text", pa.string()),
        ("paragraph_languages", pa.list_(pa.struct([("start", pa.int32()), ("end", pa.int32()), ("language", pa.string())]))),
        ("removals", pa.list_(pa.struct([("start", pa.int32()), ("end", pa.int32()), ("text", pa.string()), ("rule", pa.string()), ("reason", pa.string())]))),
        ("stages", pa.list_(pa.string())), ("cluster_id", pa.string()), ("ingested_at", pa.timestamp("us")),
    ]),
    "sentences": pa.schema([
        ("article_id", pa.string()), ("idx", pa.int32()), ("start", pa.int32()), ("end", pa.int32()),
        ("text", pa.string()), ("language", pa.string()),
    ]),
    "mentions": pa.schema([
        ("article_id", pa.string()), ("idx", pa.int32()), ("start", pa.int32()), ("end", pa.int32()), ("text", pa.string()),
        ("code", pa.string()), ("name", pa.string()), ("kind", pa.string()), ("role", pa.string()), ("entry", pa.string()),
    ]),
    "events": pa.schema([
        ("article_id", pa.string()), ("idx", pa.int32()), ("source", pa.string()), ("target", pa.string()),
        ("code", pa.string()), ("root", pa.string()), ("goldstein", pa.float64()), ("quad_class", pa.int32()),
        ("plover", pa.string()), ("sentence", pa.string()), ("start", pa.int32()), ("end", pa.int32()),
        ("source_role", pa.string()), ("target_role", pa.string()), ("attribution", pa.list_(pa.string())),
        ("hedged", pa.bool_()), ("negated", pa.bool_()), ("mode", pa.string()), ("date", pa.string()),
        ("date_precision", pa.string()), ("date_from_publication", pa.bool_()), ("event_date", pa.date32()),
        ("pattern", pa.string()), ("verb", SPAN), ("source_span", SPAN), ("target_span", SPAN),
        ("attribution_spans", pa.list_(SPAN)), ("symmetric", pa.bool_()),
    ]),
    "signatures": pa.schema([("article_id", pa.string()), ("minhash", pa.list_(pa.uint64()))]),
    "rejections": pa.schema([("origin", pa.string()), ("reason", pa.string()), ("rejected_at", pa.timestamp("us"))]),
    "duplicates": pa.schema([
        ("id", pa.string()), ("origin", pa.string()), ("content_hash", pa.string()), ("duplicate_of", pa.string()),
        ("input_hash", pa.string()), ("seen_at", pa.timestamp("us")),
    ]),
}


def resolve_day(value: str | None) -> date | None:
    """The first day an ISO date, month or year can mean ("2024-06" -> 2024-06-01); None if unreadable."""
    if not value:
        return None
    parts = value.strip()[:10].split("-")
    try:
        numbers = [int(part) for part in parts[:3]]
        return date(numbers[0], *(numbers[1:] + [1, 1])[:2])
    except (ValueError, IndexError, TypeError):
        return None


def outlet_of(article: Article) -> str | None:
    """The publishing outlet: the site name, else the host of the URL."""
    if article.site:
        return article.site
    if article.url:
        host = urlparse(article.url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def plain(record: object) -> dict:
    """The fields of a flat frozen dataclass as a dict (what `asdict` gives, without its deep copies)."""
    return dict(vars(record))


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def article_row(article: Article, input_hash: str | None, cluster_id: str) -> dict:
    """The `articles` row of an article."""
    return {
        "id": article.id, "origin": article.origin, "content_hash": article.content_hash, "input_hash": input_hash,
        "title": article.title, "url": article.url, "published": article.published,
        "published_date": resolve_day(article.published), "site": article.site, "outlet": outlet_of(article),
        "author": article.author, "language": article.language, "text": article.text, "raw_text": article.raw_text,
        "paragraph_languages": [plain(p) for p in article.paragraph_languages],
        "removals": [plain(r) for r in article.removals], "stages": sorted(article.done),
        "cluster_id": cluster_id, "ingested_at": _now(),
    }


def event_row(article: Article, index: int, event: Event) -> dict:
    """The `events` row of one event of an article."""
    row = plain(event)
    row.update(article_id=article.id, idx=index, attribution=list(event.attribution),
               attribution_spans=[plain(s) for s in event.attribution_spans],
               **{name: None if row[name] is None else plain(row[name]) for name in ("verb", "source_span", "target_span")},
               event_date=resolve_day(event.date) or resolve_day(article.published))
    return row


def article_rows(article: Article, input_hash: str | None, cluster_id: str, values: np.ndarray) -> dict[str, list[dict]]:
    """Every row an article contributes, by table."""
    return {
        "articles": [article_row(article, input_hash, cluster_id)],
        "sentences": [dict(vars(s), article_id=article.id, idx=i) for i, s in enumerate(article.sentences)],
        "mentions": [dict(vars(m), article_id=article.id, idx=i) for i, m in enumerate(article.mentions)],
        "events": [event_row(article, i, e) for i, e in enumerate(article.events)],
        "signatures": [{"article_id": article.id, "minhash": values.tolist()}],
    }


@dataclass
class Batch:
    """What one transaction deletes and inserts."""

    deleted_ids: list[str] = field(default_factory=list)
    deleted_origins: list[str] = field(default_factory=list)
    rows: dict[str, list[dict]] = field(default_factory=lambda: {name: [] for name in SCHEMAS})

    def add(self, rows: dict[str, list[dict]]) -> None:
        for table, table_rows in rows.items():
            self.rows[table].extend(table_rows)

    def drop(self, article_id: str) -> None:
        """Forget the rows of an id planned earlier in this batch (it came twice: the later one wins)."""
        for table, rows in self.rows.items():
            self.rows[table] = [row for row in rows if row.get("article_id", row.get("id")) != article_id]


class StoreWriter:
    """The one writer of a store file; keeps what it needs to decide identity in memory."""

    def __init__(self, path: str | Path, hold_seconds: float = 1.0, lock_timeout: float = LOCK_TIMEOUT,
                 threshold: float = THRESHOLD, yield_seconds: float = 0.1) -> None:
        self.path = Path(path)
        self.hold_seconds = hold_seconds
        self.yield_seconds = yield_seconds
        self.lock_timeout = lock_timeout
        self.threshold = threshold
        self._connection = None
        self._opened_at = 0.0
        self._closed_at = -yield_seconds
        self._load()

    def _connect(self):
        """The open connection, opening (and migrating) the file when needed. A file closed a moment
        ago is left alone for `yield_seconds` first, so that a waiting reader gets its turn."""
        if self._connection is None:
            time.sleep(max(0.0, self._closed_at + self.yield_seconds - time.monotonic()))
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._connection = connect(self.path, timeout=self.lock_timeout)
            self._opened_at = time.monotonic()
            migrate(self._connection)
        return self._connection

    def _release_if_held_long(self) -> None:
        if self._connection is not None and time.monotonic() - self._opened_at >= self.hold_seconds:
            self.close()

    def close(self) -> None:
        """Close the file so that readers can open it."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None
            self._closed_at = time.monotonic()

    def _load(self) -> None:
        """Read the ids, hashes and signatures of what is stored."""
        connection = self._connect()
        stored = connection.execute("SELECT id, content_hash, input_hash, cluster_id FROM articles").fetchall()
        self.inputs = {row[0]: row[2] for row in stored}
        self.contents = {row[0]: row[1] for row in stored}
        self.by_content = {row[1]: row[0] for row in stored}
        self.duplicate_inputs = dict(connection.execute("SELECT id, input_hash FROM duplicates").fetchall())
        self.rejected = {row[0] for row in connection.execute("SELECT origin FROM rejections").fetchall()}
        clusters = {row[0]: row[3] for row in stored}
        self.index = StoryIndex(self.threshold)
        for article_id, values in connection.execute("SELECT article_id, minhash FROM signatures").fetchall():
            self.index.add(article_id, np.asarray(values, dtype=np.uint64), clusters[article_id])
        self.close()  # the pipeline may take a while before the first write: let readers in meanwhile

    def is_unchanged(self, article_id: str, input_hash: str) -> bool:
        """Whether this exact input is already stored (as an article or as a duplicate)."""
        return self.inputs.get(article_id) == input_hash or self.duplicate_inputs.get(article_id) == input_hash

    def _plan_article(self, batch: Batch, article: Article, input_hash: str | None) -> Outcome:
        content = article.content_hash
        replaced = article.id in self.contents
        if replaced or article.id in self.duplicate_inputs:
            batch.deleted_ids.append(article.id)  # old rows of this id, as an article or as a duplicate
            batch.drop(article.id)
        if article.origin in self.rejected:
            batch.deleted_origins.append(article.origin)  # an input that failed before and now works
            self.rejected.discard(article.origin)
        self.duplicate_inputs.pop(article.id, None)
        if replaced:
            del self.by_content[self.contents.pop(article.id)]
            self.inputs.pop(article.id, None)
            self.index.remove(article.id)
        original = self.by_content.get(content)
        if original is not None:
            batch.add({"duplicates": [{"id": article.id, "origin": article.origin, "content_hash": content,
                                       "duplicate_of": original, "input_hash": input_hash, "seen_at": _now()}]})
            self.duplicate_inputs[article.id] = input_hash
            return "duplicate"
        values = signature(article.text)
        cluster_id = self.index.assign(article.id, values)
        self.index.add(article.id, values, cluster_id)
        self.contents[article.id], self.by_content[content], self.inputs[article.id] = content, article.id, input_hash
        batch.add(article_rows(article, input_hash, cluster_id, values))
        return "replaced" if replaced else "written"

    def _plan_rejection(self, batch: Batch, rejection: Rejection) -> Outcome:
        if rejection.origin in self.rejected:
            batch.deleted_origins.append(rejection.origin)
        self.rejected.add(rejection.origin)
        batch.add({"rejections": [{"origin": rejection.origin, "reason": rejection.reason, "rejected_at": _now()}]})
        return "rejected"

    def write(self, items: Sequence[Article | Rejection], input_hashes: dict[str, str] | None = None,
              more_soon: bool = False) -> list[Outcome]:
        """Write articles and rejections in one transaction; return what happened to each.

        The file is closed afterwards (so readers can open it) unless `more_soon` says another write
        follows at once and the file has been held for less than `hold_seconds`."""
        input_hashes = input_hashes or {}
        batch = Batch()
        try:
            outcomes = [self._plan_rejection(batch, item) if isinstance(item, Rejection)
                        else self._plan_article(batch, item, input_hashes.get(item.id)) for item in items]
            self._commit(batch)
        except BaseException:
            self.close()
            self._load()  # the in-memory identity maps may be ahead of the database: re-read them
            raise
        if more_soon:
            self._release_if_held_long()
        else:
            self.close()
        return outcomes

    def _commit(self, batch: Batch) -> None:
        connection = self._connect()
        connection.execute("BEGIN TRANSACTION")
        try:
            if batch.deleted_ids:
                for table in ARTICLE_TABLES:
                    column = "id" if table == "articles" else "article_id"
                    connection.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT unnest(?))", [batch.deleted_ids])
                connection.execute("DELETE FROM duplicates WHERE id IN (SELECT unnest(?))", [batch.deleted_ids])
            if batch.deleted_origins:
                connection.execute("DELETE FROM rejections WHERE origin IN (SELECT unnest(?))", [batch.deleted_origins])
            for table, rows in batch.rows.items():
                if rows:
                    _insert(connection, table, rows)
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise

    def __enter__(self) -> "StoreWriter":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _insert(connection, table: str, rows: list[dict]) -> None:
    """Insert rows through one Arrow table (a bulk scan, not row-by-row)."""
    incoming = pa.Table.from_pylist(rows, schema=SCHEMAS[table])
    connection.register("incoming", incoming)
    try:
        connection.execute(f"INSERT INTO {table} BY NAME SELECT * FROM incoming")
    finally:
        connection.unregister("incoming")


def write_articles(path: str | Path, items: Iterable[Article | Rejection]) -> list[Outcome]:
    """Write articles (and rejections) into the store at `path`, one transaction: for fixtures and scripts."""
    with StoreWriter(path) as writer:
        return writer.write(list(items))
