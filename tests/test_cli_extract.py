"""`blocwatch extract` end to end through the real command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from blocwatch.cli import cli

ROOT = Path(__file__).resolve().parent.parent
BASIC = "clean,language,sentences"


def run(*arguments: str, input: str | None = None):
    return CliRunner().invoke(cli, list(arguments), input=input)


def objects(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_cli_extract_seeds_prints_five_objects(seed_paths: list[Path]) -> None:
    result = run("extract", "--format", "jsonl", "--stages", BASIC, *map(str, seed_paths))
    assert result.exit_code == 0, result.output
    found = objects(result.stdout)
    assert [item["id"] for item in found] == [path.stem for path in seed_paths]
    assert [item["language"] for item in found] == ["en", "en", "en", "en", "ru"]
    assert found[0]["title"] == "The Financial Times claimed that Russia is planning an attack on East Asia"
    assert found[2]["title"] == "NATO Wants to Expand to Asia, Here’s Russia’s Response"
    assert found[4]["title"].startswith("Россия продолжает попытки выстроить коалицию в противовес Западу")


def test_cli_extract_seeds_are_clean(seed_paths: list[Path]) -> None:
    found = objects(run("extract", "--stages", BASIC, str(seed_paths[0].parent)).stdout)
    texts = {item["id"][:3]: item["text"] for item in found}
    assert texts["002"].count("Australia will purchase its first nuclear-powered submarine") == 1
    assert "©" not in texts["003"]
    for junk in ("Post a Comment", "Share on Google Plus", "Translate", "Source : CNBC", "News>RCO NEWS", "end of message"):
        assert all(junk not in text for text in texts.values())
    assert "Роскомнадзор" not in texts["004"]
    assert all(item["removed"] for item in found)


def test_cli_extract_reads_standard_input() -> None:
    lines = "\n".join(json.dumps({"id": name, "text": f"Japan and Korea met in {name}."}) for name in ("Tokyo", "Seoul"))
    result = run("extract", "--stages", BASIC, "-", input=lines + "\n")
    assert result.exit_code == 0
    assert [item["id"] for item in objects(result.stdout)] == ["Tokyo", "Seoul"]


def test_cli_extract_unknown_stage_is_a_usage_error(seed_paths: list[Path]) -> None:
    result = run("extract", "--stages", "clean,teleport", str(seed_paths[0]))
    assert result.exit_code == 2
    assert "unknown stage 'teleport'" in result.stderr


def test_cli_extract_installed_command_runs_as_a_process(seed_paths: list[Path]) -> None:
    script = Path(sys.executable).parent / "blocwatch"
    command = [str(script)] if script.exists() else [sys.executable, "-c", "from blocwatch.cli import main; main()"]
    completed = subprocess.run([*command, "extract", "--stages", BASIC, str(seed_paths[4])], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert completed.returncode == 0, completed.stderr
    (item,) = objects(completed.stdout)
    assert item["language"] == "ru" and item["id"] == seed_paths[4].stem
