"""The store's schema, as versioned migrations registered as functions.

Each migration is a function `(connection) -> None` registered with `@migration(version, name)`;
`migrate()` applies, in order and each in its own transaction, every migration newer than the
version recorded in `schema_migrations`, so an old database upgrades itself when it is opened for
writing. A migration, once released, is never edited: a change of schema is a new migration.

Tables (version 1):

    articles      one row per stored article version: metadata, cleaned and raw text, cleaning
                  record (removals), paragraph languages, stages run, content and input hashes,
                  story cluster
    sentences     sentence offsets and languages, per article
    mentions      actor mentions with spans, codes, kinds and roles, per article
    events        coded events with evidence sentence, spans, attribution chain (a list),
                  hedging, negation, mode, date and date precision, pattern; `event_date` is the
                  resolved day used by the analysis (event date, else publication date)
    signatures    MinHash signature of each article, for story clustering
    rejections    inputs that could not be used: origin, reason, time
    duplicates    inputs whose cleaned text is already stored under another id
    story_clusters (view) each story with its number of articles and of distinct outlets
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import duckdb

Migration = Callable[[duckdb.DuckDBPyConnection], None]


@dataclass(frozen=True)
class RegisteredMigration:
    version: int
    name: str
    apply: Migration


MIGRATIONS: dict[int, RegisteredMigration] = {}


def migration(version: int, name: str) -> Callable[[Migration], Migration]:
    """Register a migration function under a schema version."""

    def register(function: Migration) -> Migration:
        if version in MIGRATIONS:
            raise ValueError(f"schema version {version} is registered twice")
        MIGRATIONS[version] = RegisteredMigration(version, name, function)
        return function

    return register


SPAN = 'STRUCT(start INTEGER, "end" INTEGER, text VARCHAR)'


@migration(1, "articles, sentences, mentions, events, signatures, rejections, duplicates")
def create_tables(connection: duckdb.DuckDBPyConnection) -> None:
    """The first schema."""
    connection.execute(f"""
        CREATE TABLE articles (
            id VARCHAR NOT NULL, origin VARCHAR, content_hash VARCHAR NOT NULL, input_hash VARCHAR,
            title VARCHAR, url VARCHAR, published VARCHAR, published_date DATE, site VARCHAR,
            outlet VARCHAR, author VARCHAR, language VARCHAR, text VARCHAR, raw_text VARCHAR,
            paragraph_languages STRUCT(start INTEGER, "end" INTEGER, language VARCHAR)[],
            removals STRUCT(start INTEGER, "end" INTEGER, text VARCHAR, rule VARCHAR, reason VARCHAR)[],
            stages VARCHAR[], cluster_id VARCHAR, ingested_at TIMESTAMP);
        CREATE TABLE sentences (
            article_id VARCHAR NOT NULL, idx INTEGER, start INTEGER, "end" INTEGER, text VARCHAR,
            language VARCHAR);
        CREATE TABLE mentions (
            article_id VARCHAR NOT NULL, idx INTEGER, start INTEGER, "end" INTEGER, text VARCHAR,
            code VARCHAR, name VARCHAR, kind VARCHAR, role VARCHAR, entry VARCHAR);
        CREATE TABLE events (
            article_id VARCHAR NOT NULL, idx INTEGER, source VARCHAR, target VARCHAR, code VARCHAR,
            root VARCHAR, goldstein DOUBLE, quad_class INTEGER, plover VARCHAR, sentence VARCHAR,
            start INTEGER, "end" INTEGER, source_role VARCHAR, target_role VARCHAR,
            attribution VARCHAR[], hedged BOOLEAN, negated BOOLEAN, mode VARCHAR, date VARCHAR,
            date_precision VARCHAR, date_from_publication BOOLEAN, event_date DATE, pattern VARCHAR,
            verb {SPAN}, source_span {SPAN}, target_span {SPAN}, attribution_spans {SPAN}[],
            "symmetric" BOOLEAN);
        CREATE TABLE signatures (article_id VARCHAR NOT NULL, minhash UBIGINT[]);
        CREATE TABLE rejections (origin VARCHAR NOT NULL, reason VARCHAR, rejected_at TIMESTAMP);
        CREATE TABLE duplicates (
            id VARCHAR NOT NULL, origin VARCHAR, content_hash VARCHAR, duplicate_of VARCHAR,
            input_hash VARCHAR, seen_at TIMESTAMP);
        CREATE INDEX events_article ON events(article_id);
        CREATE VIEW story_clusters AS
            SELECT cluster_id, count(*) AS articles, count(DISTINCT coalesce(outlet, id)) AS sources,
                   min(published_date) AS first_published, list(id ORDER BY id) AS article_ids
            FROM articles GROUP BY cluster_id;
    """)


def latest_version() -> int:
    return max(MIGRATIONS)


def current_version(connection: duckdb.DuckDBPyConnection) -> int:
    """The schema version of an open database; 0 for an empty one."""
    exists = connection.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
    ).fetchone()[0]
    if not exists:
        return 0
    return connection.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]


def migrate(connection: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply every pending migration, each in one transaction; return the versions applied."""
    connection.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER, name VARCHAR, applied_at TIMESTAMP)"
    )
    applied = []
    for version in sorted(v for v in MIGRATIONS if v > current_version(connection)):
        step = MIGRATIONS[version]
        connection.execute("BEGIN TRANSACTION")
        try:
            step.apply(connection)
            connection.execute("INSERT INTO schema_migrations VALUES (?, ?, current_timestamp)", [version, step.name])
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied
