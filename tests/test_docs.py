"""The README documents every setting and every command (a feature is done when a person can use it
from the README)."""

from __future__ import annotations

from pathlib import Path

import pytest

from blocwatch.cli import cli
from blocwatch.settings import SETTINGS, Settings

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda setting: setting.name)
def test_docs_every_setting_is_in_the_readme(setting):
    assert f"| `{setting.name}` |" in README
    assert setting.name in Settings.__dataclass_fields__


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_docs_every_command_is_in_the_readme(command):
    assert f"blocwatch {command}" in README
