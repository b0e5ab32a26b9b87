"""The store commands: ingest, report, relations, events, export."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from blocwatch.cli import EXIT_SKIPPED, cli
from blocwatch.export import GDELT_COLUMNS
from blocwatch.store.reader import StoreReader


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_cli_report_shows_dyads_blocs_shifts_and_contradictions(fixture_store: Path) -> None:
    code, out, _ = run("report", "--db", str(fixture_store))
    assert code == 0
    assert "7 articles in 6 stories" in out and "PRK–RUS" in out
    assert "Bloc 1: CHN, IRN, PRK, RUS" in out and "Bloc 2: JPN, KOR, NATO, USA" in out
    assert "Against each other" in out and "Shifts:" in out
    assert "cooperation vs conflict" in out and "The New York Times" in out and "lists China as an" in out


def test_cli_report_window_and_period(fixture_store: Path) -> None:
    code, out, _ = run("report", "--db", str(fixture_store), "--until", "2023-12-31", "--period", "year")
    assert code == 0 and "IRN" not in out and "Shifts: 2022-01-01..2022-12-31 → 2023-01-01..2023-12-31" in out


def test_cli_relations_prints_timeline_score_and_evidence(fixture_store: Path) -> None:
    code, out, _ = run("relations", "rus", "prk", "--db", str(fixture_store), "--freq", "year")
    assert code == 0
    assert "PRK–RUS: 5 story events, alignment score +" in out and "2024-01-01" in out
    assert "mutual defence treaty" in out


@pytest.mark.parametrize("options, expected", [
    (["--pair", "RUS", "CHN", "--quad", "3"], 2),
    (["--actor", "NATO", "--hedged"], 2),
    (["--code", "057", "--since", "2024"], 3),
    (["--code", "057", "--since", "2024", "--stories"], 2),
    (["--source", "kyodo"], 3),
    (["--language", "ru"], 0),
])
def test_cli_events_filters(fixture_store: Path, options: list[str], expected: int) -> None:
    code, out, _ = run("events", "--db", str(fixture_store), "--format", "jsonl", *options)
    assert code == 0 and len(out.splitlines()) == expected


def test_cli_events_text_shows_the_evidence(fixture_store: Path) -> None:
    code, out, _ = run("events", "--db", str(fixture_store), "--pair", "RUS", "JPN", "--hedged")
    assert code == 0 and "according to Financial Times (hedged)" in out and "1 events" in out


def test_cli_export_gdelt_loads_with_the_gdelt_column_names(fixture_store: Path, tmp_path: Path) -> None:
    target = tmp_path / "events.tsv"
    code, _, err = run("export", "--db", str(fixture_store), "--format", "gdelt", "-o", str(target))
    frame = pd.read_csv(target, sep="\t")
    assert code == 0 and list(frame.columns) == list(GDELT_COLUMNS) and f"to {target}" in err


def test_cli_export_jsonl_to_stdout(fixture_store: Path) -> None:
    code, out, _ = run("export", "--db", str(fixture_store), "--format", "jsonl", "--actor", "IRN")
    assert code == 0 and {json.loads(line)["target"] for line in out.splitlines()} == {"IRN"}


def test_cli_store_commands_without_a_store_say_how_to_make_one(tmp_path: Path) -> None:
    code, _, err = run("report", "--db", str(tmp_path / "none.duckdb"))
    assert code == 2 and "blocwatch ingest --db" in err


def test_cli_bad_date_is_a_usage_error(fixture_store: Path) -> None:
    code, _, err = run("events", "--db", str(fixture_store), "--since", "yesterday")
    assert code == 2 and "YYYY-MM-DD" in err


def test_cli_ingest_reports_skipped_inputs_and_exits_3(tmp_path: Path, seed_paths: list[Path]) -> None:
    db = tmp_path / "cli.duckdb"
    code, out, err = run("ingest", "--db", str(db), "--stages", "clean,language,sentences", str(seed_paths[0]), str(tmp_path / "missing.txt"))
    assert code == EXIT_SKIPPED
    assert f"blocwatch: skipped {tmp_path / 'missing.txt'}: no such file" in err
    assert "2 inputs: 1 new" in out


def test_cli_ingest_quiet_prints_nothing_and_exits_0(tmp_path: Path, seed_paths: list[Path]) -> None:
    code, out, err = run("ingest", "--quiet", "--db", str(tmp_path / "q.duckdb"), "--stages", "clean,language,sentences", str(seed_paths[0]))
    assert (code, out, err) == (0, "", "")


def test_cli_report_on_the_samples_shows_cooperation_and_the_memo_contradiction(seed_store: Path) -> None:
    code, out, _ = run("report", "--db", str(seed_store))
    contradictions = out.split("Contradictions")[1]
    assert code == 0 and "5 articles in 5 stories" in out
    assert "PRK–RUS" in out.split("Blocs")[0]
    assert "CHN–RUS cooperation vs conflict" in contradictions and "(003_2d1ac95ccc91975f)" in contradictions


@pytest.mark.slow
def test_cli_ingest_in_a_process_pool_stores_the_same_rows(tmp_path: Path, seed_paths: list[Path]) -> None:
    paths = [str(p) for p in seed_paths[:2]]
    stages = ("--stages", "clean,language,sentences", "--quiet")
    assert run("ingest", "--db", str(tmp_path / "local.duckdb"), *stages, *paths)[0] == 0
    assert run("ingest", "--db", str(tmp_path / "pool.duckdb"), "--executor", "process", "--workers", "2", *stages, *paths)[0] == 0
    local, pool = StoreReader(tmp_path / "local.duckdb"), StoreReader(tmp_path / "pool.duckdb")
    assert local.counts() == pool.counts()
    assert local.frame("SELECT id, content_hash FROM articles ORDER BY id").equals(pool.frame("SELECT id, content_hash FROM articles ORDER BY id"))
