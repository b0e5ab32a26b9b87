"""Modality and attribution cue lexicons."""

from __future__ import annotations

from pathlib import Path

import pytest

from blocwatch import lang
from blocwatch.lang import LanguageDataError
from blocwatch.cues import LISTS, MODES, Cues, load_cues

LANGUAGES = ("en", "ru")


@pytest.mark.parametrize("language", LANGUAGES)
def test_cues_load_every_list_non_empty(language: str) -> None:
    cues = load_cues(language)
    assert isinstance(cues, Cues) and cues.language == language
    empty = [name for name in (*LISTS, *MODES) if not getattr(cues, name)]
    assert empty == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_cues_lower_case_and_trimmed(language: str) -> None:
    cues = load_cues(language)
    words = [word for name in (*LISTS, *MODES) for word in getattr(cues, name)]
    assert [word for word in words if word != " ".join(word.lower().split())] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_cues_citing_phrases_are_reporting_phrases(language: str) -> None:
    cues = load_cues(language)
    assert cues.citing_phrases <= set(cues.reporting_phrases)


@pytest.mark.parametrize("language", LANGUAGES)
def test_cues_speech_verbs_are_reporting_verbs(language: str) -> None:
    cues = load_cues(language)
    assert cues.speech_verbs <= cues.reporting_verbs


@pytest.mark.parametrize(("language", "verb"), [("en", "warn"), ("en", "believe"), ("en", "allege"), ("ru", "предупредить"), ("ru", "считать")])
def test_cues_speech_verbs_exclude_beliefs_and_coded_acts(language: str, verb: str) -> None:
    cues = load_cues(language)
    assert verb in cues.reporting_verbs and verb not in cues.speech_verbs


@pytest.mark.parametrize("language", LANGUAGES)
def test_cues_reporting_phrases_longest_first(language: str) -> None:
    lengths = [len(phrase) for phrase in load_cues(language).reporting_phrases]
    assert lengths == sorted(lengths, reverse=True)


@pytest.mark.parametrize(
    ("language", "field", "word"),
    [
        ("en", "hedges", "allegedly"),
        ("en", "hedges", "reportedly"),
        ("en", "hedges", "could"),
        ("en", "hedges", "is said to"),
        ("en", "negations", "n't"),
        ("en", "negations", "no"),  # a YAML boolean unless quoted
        ("en", "negation_verbs", "deny"),
        ("en", "planned", "plan"),
        ("en", "hypothetical", "if"),
        ("en", "denied", "deny"),
        ("en", "reporting_verbs", "say"),
        ("en", "reporting_verbs", "claim"),
        ("en", "speech_verbs", "say"),
        ("ru", "speech_verbs", "заявить"),
        ("en", "citing_phrases", "citing"),
        ("en", "source_anaphora", "publication"),
        ("en", "source_anaphora", "memo"),
        ("ru", "hedges", "якобы"),
        ("ru", "hedges", "по некоторым данным"),
        ("ru", "negations", "не"),
        ("ru", "negation_verbs", "отрицать"),
        ("ru", "planned", "планировать"),
        ("ru", "possible", "возможно"),
        ("ru", "hypothetical", "если"),
        ("ru", "denied", "опровергнуть"),
        ("ru", "reporting_verbs", "заявить"),
        ("ru", "citing_phrases", "со ссылкой на"),
        ("ru", "source_anaphora", "издание"),
        ("ru", "source_anaphora", "аналитик"),
    ],
)
def test_cues_known_members(language: str, field: str, word: str) -> None:
    assert word in getattr(load_cues(language), field)


def test_cues_reporting_phrases_contain_according_to() -> None:
    assert "according to" in load_cues("en").reporting_phrases
    assert "по данным" in load_cues("ru").reporting_phrases


def test_cues_yo_spelling_also_matches_ye() -> None:
    anaphora = load_cues("ru").source_anaphora
    assert "отчёт" in anaphora and "отчет" in anaphora


@pytest.mark.parametrize(("field", "word"), [("hedges", "would"), ("reporting_verbs", "accuse"), ("hedges", "can")])
def test_cues_deliberately_absent(field: str, word: str) -> None:
    # "would" is mostly the future of the past in reported speech; accusing is an event, not reporting.
    assert word not in getattr(load_cues("en"), field)


def test_cues_modes_by_name() -> None:
    assert set(load_cues("en").modes()) == set(MODES)


def test_cues_phrases_lists_multiword_entries() -> None:
    cues = load_cues("en")
    assert "is said to" in cues.phrases(cues.hedges) and "allegedly" not in cues.phrases(cues.hedges)


def test_cues_unknown_language_says_what_to_add() -> None:
    with pytest.raises(LanguageDataError, match="add blocwatch/lang/xx/cues.yaml"):
        load_cues("xx")


def test_cues_loaded_once() -> None:
    assert load_cues("en") is load_cues("en")


def test_cues_unquoted_yaml_boolean_says_to_quote(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = (lang.LANG_DIR / "en" / "cues.yaml").read_text(encoding="utf-8")
    (tmp_path / "zz").mkdir()
    (tmp_path / "zz" / "cues.yaml").write_text(source.replace('  - "no"\n', "  - no\n"), encoding="utf-8")
    monkeypatch.setattr(lang, "LANG_DIR", tmp_path)
    try:
        with pytest.raises(LanguageDataError, match="False is not a word; quote it"):
            load_cues("zz")
    finally:
        lang.load_language_data.cache_clear()
        load_cues.cache_clear()
