"""The versioned schema and its migrations."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from blocwatch.store import schema
from blocwatch.store.reader import StoreReader
from blocwatch.store.writer import SCHEMAS, StoreWriter


def test_schema_migrate_creates_every_table_and_records_the_version(tmp_path: Path) -> None:
    connection = duckdb.connect(str(tmp_path / "new.duckdb"))
    applied = schema.migrate(connection)
    tables = {row[0] for row in connection.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert applied == sorted(schema.MIGRATIONS)
    assert set(SCHEMAS) <= tables and "story_clusters" in tables
    assert schema.current_version(connection) == schema.latest_version()


def test_schema_migrate_twice_applies_nothing_the_second_time(tmp_path: Path) -> None:
    connection = duckdb.connect(str(tmp_path / "twice.duckdb"))
    schema.migrate(connection)
    assert schema.migrate(connection) == []
    assert connection.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == len(schema.MIGRATIONS)


@pytest.mark.parametrize("table", sorted(SCHEMAS))
def test_schema_writer_columns_match_the_table(tmp_path: Path, table: str) -> None:
    connection = duckdb.connect(str(tmp_path / "columns.duckdb"))
    schema.migrate(connection)
    columns = [row[0] for row in connection.execute(f"DESCRIBE {table}").fetchall()]
    assert columns == SCHEMAS[table].names


def test_schema_old_store_upgrades_itself_when_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.duckdb"
    StoreWriter(path).close()  # a store at the current version

    def add_note_column(connection: duckdb.DuckDBPyConnection) -> None:
        connection.execute("ALTER TABLE articles ADD COLUMN note VARCHAR")

    monkeypatch.setattr(schema, "MIGRATIONS", dict(schema.MIGRATIONS))
    schema.migration(schema.latest_version() + 1, "articles.note")(add_note_column)
    columns = StoreReader(path).frame("SELECT * FROM articles").columns
    assert "note" in columns
    assert StoreReader(path).frame("SELECT max(version) AS v FROM schema_migrations")["v"][0] == schema.latest_version()


def test_schema_failed_migration_leaves_the_version_unchanged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    connection = duckdb.connect(str(tmp_path / "failed.duckdb"))
    schema.migrate(connection)
    before = schema.current_version(connection)

    def broken(connection: duckdb.DuckDBPyConnection) -> None:
        connection.execute("CREATE TABLE half_done (a INTEGER)")
        connection.execute("SELECT * FROM no_such_table")

    monkeypatch.setattr(schema, "MIGRATIONS", dict(schema.MIGRATIONS))
    schema.migration(before + 1, "broken")(broken)
    with pytest.raises(duckdb.CatalogException):
        schema.migrate(connection)
    assert schema.current_version(connection) == before
    assert connection.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'half_done'").fetchone()[0] == 0


def test_schema_registering_a_version_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="registered twice"):
        schema.migration(1, "again")(lambda connection: None)
