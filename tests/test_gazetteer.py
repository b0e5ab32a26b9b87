"""The gazetteer loader: files, merging, validation, keys and dated offices (issue 3)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from blocwatch.gazetteer import (
    GazetteerError,
    Office,
    bundled_files,
    load_file,
    load_gazetteer,
    load_roles,
    merge,
    name_keys,
    token_keys,
    tokenize,
)

PEOPLE = Path(__file__).resolve().parent / "data" / "gazetteer_people.yaml"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "extra.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_gazetteer_reads_every_bundled_file() -> None:
    names = {path.name for path in bundled_files()}
    assert {"states.yaml", "capitals.yaml", "organisations.yaml", "media.yaml", "groups.yaml", "features.yaml"} <= names


def test_gazetteer_bundled_names_have_no_conflicts() -> None:
    assert load_gazetteer().conflicts == []


def test_gazetteer_covers_every_un_member_and_observer_plus_taiwan_and_kosovo() -> None:
    codes = {e.code for e in load_gazetteer().entries.values() if e.id.startswith("state:")}
    assert len(codes) == 197  # 193 members, 2 observers (VAT, PSE), TWN, XKX
    assert {"TWN", "XKX", "PSE", "VAT", "PRK", "KOR", "SSD"} <= codes


def test_gazetteer_every_state_has_a_russian_name() -> None:
    missing = [e.id for e in load_gazetteer().entries.values() if e.id.startswith("state:") and not e.names.get("ru")]
    assert missing == []


@pytest.mark.parametrize("inflected, dictionary_form", [
    ("России", "Россия"), ("Россией", "Россия"), ("Пекином", "Пекин"), ("Китаем", "Китай"),
    ("Сеуле", "Сеул"), ("Кореей", "Корея"), ("Пескова", "Песков"), ("Токаева", "Токаев"),
])
def test_gazetteer_russian_keys_meet_inflected_forms(inflected: str, dictionary_form: str) -> None:
    assert set(name_keys(dictionary_form)) & token_keys(inflected)


def test_gazetteer_tokens_split_possessives_hyphens_and_keep_dotted_abbreviations() -> None:
    assert [t.text for t in tokenize("Russia’s U.S.-led Japan-South Korea")] == [
        "Russia", "’", "s", "U.S.", "-", "led", "Japan", "-", "South", "Korea"]


def test_gazetteer_user_file_overrides_a_bundled_entry(tmp_path: Path) -> None:
    path = write(tmp_path, "- id: state:RUS\n  name: Russland\n  kind: state\n  code: RUS\n  names:\n    en: [Russland]\n")
    gazetteer = load_gazetteer(str(path))
    assert gazetteer.entry("state:RUS").name == "Russland"
    assert gazetteer.entry("state:RUS").origin == str(path)


@pytest.mark.parametrize("text, message", [
    ("- id: state:RUS\n  name: Russia\n  kind: country\n", "kind 'country' is not one of"),
    ("- id: state:RUS\n  kind: state\n", "missing 'name'"),
    ("- id: RUS\n  name: Russia\n  kind: state\n", "an id starts with one of"),
    ("- id: state:RUS\n  name: Russia\n  kind: state\n  code: RU\n", "ISO 3166-1 alpha-3"),
    ("- id: person:x\n  name: X\n  kind: state\n  offices:\n    - {code: RUS, from: yesterday}\n", "not an ISO date"),
    ("id: state:RUS\n", "a YAML list of entries"),
    ("- id: state:RUS\n  name: Russia\n  kind: state\n  names: [Russia]\n", "maps a language"),
])
def test_gazetteer_rejects_a_malformed_entry_saying_what_to_fix(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(GazetteerError, match=message):
        load_file(write(tmp_path, text))


def test_gazetteer_duplicate_bundled_id_is_an_error(tmp_path: Path) -> None:
    entries = load_file(write(tmp_path, "- id: state:RUS\n  name: Russia\n  kind: state\n  code: RUS\n"))
    with pytest.raises(GazetteerError, match="duplicate gazetteer id 'state:RUS'"):
        merge(entries + entries, [])


def test_gazetteer_office_on_a_date_and_latest_without_one() -> None:
    kishida = load_file(PEOPLE)[0]
    assert kishida.office_on(dt.date(2023, 6, 1)).title == "Prime Minister"
    assert kishida.office_on(dt.date(2015, 6, 1)).title == "Foreign Minister"
    assert kishida.office_on(dt.date(2026, 1, 1)) is None
    assert kishida.office_on(None).title == "Prime Minister"


def test_gazetteer_office_covers_open_ended_terms() -> None:
    office = Office("USA", "GOV", "President", dt.date(2025, 1, 20), None)
    assert office.covers(dt.date(2030, 1, 1)) and not office.covers(dt.date(2024, 1, 1))


def test_gazetteer_role_nouns_load_for_both_languages() -> None:
    roles = load_roles()
    assert roles.longest(tokenize("Foreign Ministry"), 0)[1].entry.role == "GOV"
    assert roles.longest(tokenize("министерства обороны"), 0)[1].entry.role == "MIL"
