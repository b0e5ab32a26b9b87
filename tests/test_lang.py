"""The per-language data loader shared by every stage."""

from __future__ import annotations

from pathlib import Path

import pytest

from blocwatch import lang
from blocwatch.lang import LanguageDataError, available_languages, load_language_data


def test_lang_loads_a_yaml_mapping() -> None:
    data = load_language_data("en", "cleaning")
    assert isinstance(data["rules"], list) and all("pattern" in rule for rule in data["rules"])


def test_lang_missing_file_is_an_empty_mapping() -> None:
    assert load_language_data("xx", "nothing-here") == {}


def test_lang_lists_languages_with_a_data_file() -> None:
    assert {"common", "en", "ru"} <= set(available_languages("cleaning"))


def test_lang_file_that_is_not_a_mapping_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "broken.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    monkeypatch.setattr(lang, "LANG_DIR", tmp_path)
    load_language_data.cache_clear()
    try:
        with pytest.raises(LanguageDataError, match="broken.yaml: expected a YAML mapping"):
            load_language_data("en", "broken")
    finally:
        load_language_data.cache_clear()
