"""Data checks of the bundled actor gazetteer: every file under `blocwatch/data/actors/`.

These tests read the YAML files themselves (not through the loader) so that a mistake in the data
is reported with its file and entry id, whatever the loader tolerates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from blocwatch.gazetteer import Entry, build_index, load_file, name_key, split_words

ACTORS = Path(__file__).resolve().parent.parent / "blocwatch" / "data" / "actors"
FILES = sorted(ACTORS.glob("*.yaml"))

KEYS = {"id", "name", "kind", "code", "role", "names", "adjectives", "case_sensitive", "offices", "candidates"}
KINDS = {"state", "organisation", "media", "group", "feature"}
PREFIXES = ("state:", "capital:", "seat:", "person:", "agency:", "org:", "media:", "group:", "feature:", "ambiguous:")
LANGUAGES = {"en", "ru"}
# CAMEO actor role codes (CAMEO 1.1b3 manual, chapter 2: domestic and international role codes).
ROLES = {
    "GOV", "MIL", "SPY", "JUD", "LEG", "COP", "OPP", "PTY", "REB", "INS", "SEP", "MED", "CVL", "BUS",
    "EDU", "ELI", "HLH", "LAB", "REF", "AGR", "CRM", "RAD", "MOD", "UAF", "NGO", "IGO", "ENV", "HRI",
}
OFFICE_KEYS = {"code", "role", "title", "from", "to"}
# Titles several people hold at once, so their offices may overlap (every other title of a code is
# held by one person at a time: a second holder inside the dates is a data error).
CONCURRENT_TITLES = {
    "Deputy Foreign Minister",
    "First Deputy Foreign Minister",
    "Deputy Prime Minister",
    "First Deputy Prime Minister",
    "Deputy Chair of the Federation Council",
    "Vice Premier",
    "Deputy Defence Minister",
    "Foreign Ministry Spokesperson",
    "Presidential Aide",
    "Vice Chairman of the Central Military Commission",
    "Member of the Politburo Standing Committee",
    "Special Envoy",
}


@cache
def entries_of(path: Path) -> list[Any]:
    """The raw YAML list of one gazetteer file (parsed once per test run)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or []


@cache
def loaded(path: Path) -> list[Entry]:
    """The entries of one file as the gazetteer loader reads them (once per test run)."""
    return load_file(path)


def all_entries() -> list[tuple[str, dict[str, Any]]]:
    """(file name, entry) for every entry of every bundled file."""
    return [(path.name, entry) for path in FILES for entry in entries_of(path) if isinstance(entry, dict)]


def as_date(value: Any) -> dt.date | None:
    """A YAML date or ISO string as a date (ValueError when it is neither)."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def schema_problems(entry: dict[str, Any]) -> list[str]:
    """What is wrong with one entry's fields, as messages naming the entry."""
    where = repr(entry.get("id"))
    problems = [f"{where}: unknown field {key!r} (allowed: {sorted(KEYS)})" for key in entry if key not in KEYS]
    for required in ("id", "name", "kind"):
        if not isinstance(entry.get(required), str) or not entry[required].strip():
            problems.append(f"{where}: '{required}' must be a non-empty string")
    if entry.get("kind") not in KINDS:
        problems.append(f"{where}: kind {entry.get('kind')!r} is not one of {sorted(KINDS)}")
    if not str(entry.get("id", "")).startswith(PREFIXES):
        problems.append(f"{where}: an id starts with one of {PREFIXES}")
    if entry.get("role") is not None and entry["role"] not in ROLES:
        problems.append(f"{where}: role {entry['role']!r} is not a CAMEO role code")
    problems += name_table_problems(entry, "names") + name_table_problems(entry, "adjectives")
    problems += placement_problems(entry)
    return problems


def name_table_problems(entry: dict[str, Any], field: str) -> list[str]:
    """Problems of a {language: [names]} table: languages, empty or padded names."""
    table = entry.get(field)
    if table is None:
        return []
    where = repr(entry.get("id"))
    if not isinstance(table, dict):
        return [f"{where}: '{field}' maps en/ru to lists of names"]
    problems = [f"{where}: '{field}' has language {language!r}; use en or ru" for language in table if language not in LANGUAGES]
    for language, names in table.items():
        if not isinstance(names, list) or not names:
            problems.append(f"{where}: '{field}.{language}' must be a non-empty list")
            continue
        problems += [f"{where}: '{field}.{language}' has an empty or padded name {name!r}" for name in names if not isinstance(name, str) or not name.strip() or name != name.strip()]
    return problems


def placement_problems(entry: dict[str, Any]) -> list[str]:
    """Fields that only some kinds of entry may carry, and fields some must carry."""
    where, entry_id, kind = repr(entry.get("id")), str(entry.get("id", "")), entry.get("kind")
    problems = []
    if not entry.get("names"):
        problems.append(f"{where}: an entry needs at least one name under 'names'")
    if entry.get("adjectives") and not entry_id.startswith(("state:", "ambiguous:")):
        problems.append(f"{where}: only state: (and ambiguous:) entries have adjectives")
    if entry_id.startswith("person:"):
        if not entry.get("offices"):
            problems.append(f"{where}: a person needs at least one dated office")
        if entry.get("code") is not None:
            problems.append(f"{where}: a person's code goes in each office, not at the top level")
    elif entry.get("offices"):
        problems.append(f"{where}: only person: entries have offices")
    elif kind in {"state", "organisation"} and not entry.get("code") and not entry.get("candidates"):
        problems.append(f"{where}: a {kind} entry needs a code")
    if kind in {"media", "group"} and entry.get("code") is not None:
        problems.append(f"{where}: media and groups have no code")
    surfaces = {name for table in ("names", "adjectives") for names in (entry.get(table) or {}).values() for name in names or ()}
    problems += [f"{where}: case_sensitive {name!r} is not one of its names" for name in entry.get("case_sensitive") or () if name not in surfaces]
    return problems


def office_problems(entry: dict[str, Any]) -> list[str]:
    """Problems of a person's offices: fields, codes, roles, dates that parse and run forward."""
    where, problems = repr(entry.get("id")), []
    for office in entry.get("offices") or ():
        if not isinstance(office, dict):
            problems.append(f"{where}: an office is a mapping {{code, role, title, from, to}}")
            continue
        problems += [f"{where}: office field {key!r} is unknown (allowed: {sorted(OFFICE_KEYS)})" for key in office if key not in OFFICE_KEYS]
        if not re.fullmatch(r"[A-Z][A-Z0-9]{1,5}", str(office.get("code", ""))):
            problems.append(f"{where}: office code {office.get('code')!r} is not an ISO3 or organisation code")
        if office.get("role") not in ROLES:
            problems.append(f"{where}: office role {office.get('role')!r} is not a CAMEO role code")
        if not isinstance(office.get("title"), str) or not office["title"].strip():
            problems.append(f"{where}: every office has a title")
        try:
            start, end = as_date(office.get("from")), as_date(office.get("to"))
        except ValueError:
            problems.append(f"{where}: office dates must be ISO dates (YYYY-MM-DD): {office.get('from')!r}, {office.get('to')!r}")
            continue
        if start is None:
            problems.append(f"{where}: office {office.get('title')!r} has no 'from' date")
        elif end is not None and end < start:
            problems.append(f"{where}: office {office.get('title')!r} ends ({end}) before it starts ({start})")
    return problems


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_actor_data_file_is_a_list_of_mappings(path: Path) -> None:
    """Each gazetteer file parses as YAML into a list of mappings."""
    data = entries_of(path)
    assert isinstance(data, list), f"{path.name}: a gazetteer file is a YAML list of entries"
    assert all(isinstance(entry, dict) for entry in data), f"{path.name}: every entry is a mapping"


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_actor_data_entries_follow_the_schema(path: Path) -> None:
    """Every entry has the shared schema's fields, kinds, roles and non-empty names."""
    problems = [problem for entry in entries_of(path) for problem in schema_problems(entry)]
    assert not problems, f"{path.name}:\n" + "\n".join(problems)


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_actor_data_offices_have_valid_dates_codes_and_roles(path: Path) -> None:
    """Offices carry a code, a CAMEO role, a title and ISO dates that run forward."""
    problems = [problem for entry in entries_of(path) for problem in office_problems(entry)]
    assert not problems, f"{path.name}:\n" + "\n".join(problems)


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_actor_data_file_loads_through_the_gazetteer(path: Path) -> None:
    """The loader accepts the file (the same validation users get for their own files)."""
    assert loaded(path), f"{path.name} has no entries"


def test_actor_data_ids_are_unique() -> None:
    """No id appears twice across the bundled files."""
    files: dict[str, list[str]] = defaultdict(list)
    for file_name, entry in all_entries():
        files[str(entry.get("id"))].append(file_name)
    duplicates = [f"{entry_id!r} in {', '.join(names)}" for entry_id, names in files.items() if len(names) > 1]
    assert not duplicates, "duplicate ids (rename one):\n" + "\n".join(duplicates)


def test_actor_data_codes_exist() -> None:
    """Every ISO3 code used is a state: entry's code; every other code is an org: entry's code."""
    entries = [entry for _, entry in all_entries()]
    states = {entry.get("code") for entry in entries if str(entry.get("id")).startswith("state:")}
    organisations = {entry.get("code") for entry in entries if entry.get("kind") == "organisation" and not str(entry.get("id")).startswith("person:")}
    if not states:
        pytest.skip("states.yaml has not landed yet: no state: entries to check ISO3 codes against")
    used = [(entry["id"], entry.get("code")) for entry in entries if entry.get("code") and entry.get("kind") in {"state", "organisation"}]
    used += [(entry["id"], office.get("code")) for entry in entries for office in entry.get("offices") or ()]
    unknown = [f"{entry_id}: {code}" for entry_id, code in used if code not in states | organisations]
    assert not unknown, "codes with no state: or organisation entry (add the state/organisation, or fix the code):\n" + "\n".join(unknown)


def office_spans() -> dict[tuple[str, str], list[tuple[dt.date, dt.date, str]]]:
    """(code, title) -> [(from, to, person id)] over every person's offices."""
    spans: dict[tuple[str, str], list[tuple[dt.date, dt.date, str]]] = defaultdict(list)
    for _, entry in all_entries():
        for office in entry.get("offices") or ():
            if office.get("title") in CONCURRENT_TITLES or office.get("from") is None:
                continue
            end = as_date(office.get("to")) or dt.date.max
            spans[(office["code"], office["title"])].append((as_date(office["from"]), end, entry["id"]))
    return spans


def test_actor_data_offices_do_not_overlap() -> None:
    """Two people never hold the same single-holder office (code and title) on the same day."""
    overlaps = []
    for (code, title), spans in office_spans().items():
        spans.sort()
        for (start_a, end_a, who_a), (start_b, end_b, who_b) in zip(spans, spans[1:]):
            if start_b < end_a:  # handing over on the same day is fine
                overlaps.append(f"{code} {title}: {who_a} until {end_a} and {who_b} from {start_b}")
    assert not overlaps, "overlapping offices (fix a date, or add the title to CONCURRENT_TITLES if several people hold it at once):\n" + "\n".join(overlaps)


def test_actor_data_names_denote_one_actor() -> None:
    """No name is claimed by two entries with different codes or kinds (the index would drop one)."""
    entries = [entry for path in FILES for entry in loaded(path)]
    _, conflicts = build_index(entries)
    assert not conflicts, "names claimed by two actors (keep the name in one entry only):\n" + "\n".join(conflicts)


def test_actor_data_person_names_denote_one_person() -> None:
    """No name (after lemmatisation and case folding) belongs to two people."""
    owners: dict[tuple[str, ...], str] = {}
    clashes = []
    for _, entry in all_entries():
        if not str(entry.get("id")).startswith("person:"):
            continue
        for names in (entry.get("names") or {}).values():
            for name in names:
                key = tuple(name_key(word) for word in split_words(name))
                owner = owners.setdefault(key, entry["id"])
                if owner != entry["id"]:
                    clashes.append(f"{name!r}: {owner} and {entry['id']}")
    assert not clashes, "a name shared by two people matches only the first; drop it from both or qualify it:\n" + "\n".join(clashes)
