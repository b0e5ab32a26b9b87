"""The actor gazetteer: loading, merging, validation and the token index the matcher walks.

Every YAML file under `blocwatch/data/actors/` is a list of entries (schema in the README,
section "Actors"); an optional user file (`settings.gazetteer`) is merged over them, its entries
replacing bundled ones with the same `id`. Names are indexed as tuples of token keys: English and
other Latin-script tokens by their case-folded, accent-free form, Russian tokens by their pymorphy3
normal form, so "Северной Кореей" and "Северная Корея" share one key. Matching a text is a walk
over token positions with a set of prefixes, never one regex per name (issue 3).

Two optional fields go beyond the shared schema: `candidates` (an ambiguous name such as "Korea"
resolved from the rest of the article) and `kind: feature` (a sea, strait, weapon or war whose name
contains an actor's name: it is matched so that it hides that name, and yields no mention).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from itertools import product
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

import yaml

from .errors import BlocwatchError

KINDS = frozenset({"state", "organisation", "media", "group", "feature"})
ID_PREFIXES = ("state:", "capital:", "seat:", "person:", "agency:", "org:", "media:", "group:", "feature:", "ambiguous:")

# A token: an abbreviation with dots ("U.S.", "D.C."), a run of letters, a run of digits, or one
# other non-space character (so "Russia's" is Russia + ' + s and "U.S.-led" is U.S. + - + led).
TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W\d_]+|\d+|[^\w\s]")
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "ё": "е", "Ё": "Е", "–": "-", "—": "-"})
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
PROPER_TAGS = frozenset({"Surn", "Name", "Patr", "Geox", "Orgn", "Trad"})  # pymorphy3 tags of proper names


# libyaml's loader when PyYAML was built with it: the bundled files load several times faster.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class GazetteerError(BlocwatchError):
    """A gazetteer file is malformed; the message names the file, the entry and what to fix."""


@dataclass(frozen=True)
class Office:
    """A dated office that makes a person count for a code (and role) between two dates."""

    code: str
    role: str | None = None
    title: str | None = None
    start: dt.date | None = None  # None: since ever
    end: dt.date | None = None  # None: still in office

    def covers(self, day: dt.date) -> bool:
        """True when `day` falls inside this office."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Entry:
    """One gazetteer entry (a state, capital, person, agency, organisation, outlet or group)."""

    id: str
    name: str
    kind: str
    code: str | None = None
    role: str | None = None
    names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    adjectives: dict[str, tuple[str, ...]] = field(default_factory=dict)
    case_sensitive: frozenset[str] = frozenset()
    offices: tuple[Office, ...] = ()
    candidates: tuple[str, ...] = ()
    origin: str = ""  # the file it came from, for error messages

    def office_on(self, day: dt.date | None) -> Office | None:
        """The office held on `day`; with no day, the most recent office."""
        if day is None:
            return max(self.offices, key=lambda o: o.start or dt.date.min, default=None)
        return next((office for office in self.offices if office.covers(day)), None)


@dataclass(frozen=True)
class Token:
    """A token of a text with its offsets and the keys it may match under."""

    start: int
    end: int
    text: str
    keys: frozenset[str]


@dataclass(frozen=True)
class Name:
    """One surface name of an entry as the index holds it."""

    entry: Entry
    surface: tuple[str, ...]  # the name's tokens as written in the gazetteer
    adjective: bool  # True for adjectives and demonyms ("Russian", "российский")
    exact: bool  # case_sensitive: the text must repeat the surface exactly

    def accepts(self, tokens: list[Token]) -> bool:
        """Whether these text tokens are an acceptable occurrence of the name (case rules)."""
        if self.exact:
            return tuple(token.text for token in tokens) == self.surface
        # A capitalised name word must be capitalised in the text: "Turkey" not "turkey".
        return all(token.text[:1].isupper() or not word[:1].isupper() for word, token in zip(self.surface, tokens))


# --- tokens and keys --------------------------------------------------------------------------


@lru_cache(maxsize=1)
def morph() -> Any:
    """The process's one pymorphy3 analyser (Russian dictionaries)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def token_keys(word: str) -> frozenset[str]:
    """Every key a text token may match: its folded form, and for Russian its normal forms."""
    word = word.translate(APOSTROPHES)
    if not CYRILLIC.search(word):
        return frozenset({fold(word)})
    keys = {word.lower()}
    if not (len(word) > 1 and word.isupper()):
        keys.update(parse.normal_form.replace("ё", "е") for parse in morph().parse(word))
    return frozenset(keys)


@lru_cache(maxsize=50_000)
def name_keys(word: str) -> tuple[str, ...]:
    """Every key a gazetteer word is indexed under, its canonical key first.

    Latin words and acronyms have one key; a Russian word has its surface and its normal forms, so
    that the surname "Токаев" meets "Токаева" although pymorphy3 guesses "токай" for the first.
    """
    word = word.translate(APOSTROPHES)
    if not CYRILLIC.search(word):
        return (fold(word),)
    if len(word) > 1 and word.isupper():
        return (word.lower(),)
    parses = morph().parse(word)
    if word[:1].isupper():
        # A capitalised name word is read as a name where it can be: "Песков" is the surname, not "песок".
        parses = [p for p in parses if PROPER_TAGS & set(p.tag.grammemes)] or parses
    forms = [p.normal_form.replace("ё", "е") for p in parses] + [word.lower()]
    return tuple(dict.fromkeys(forms))


def name_key(word: str) -> str:
    """The canonical key of a gazetteer word (its most likely normal form)."""
    return name_keys(word)[0]


def fold(word: str) -> str:
    """Case-folded, accent-free form of a Latin-script word ("Côte" -> "cote")."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def tokenize(text: str) -> list[Token]:
    """The tokens of `text` with their offsets and match keys."""
    return [Token(m.start(), m.end(), m.group(), token_keys(m.group())) for m in TOKEN.finditer(text)]


def split_words(name: str) -> tuple[str, ...]:
    """A gazetteer name split the way texts are tokenized."""
    return tuple(m.group().translate(APOSTROPHES) for m in TOKEN.finditer(name))


# --- the index ----------------------------------------------------------------------------------


@dataclass
class Index:
    """Names by key tuple, with every prefix of every key so a walk can stop early."""

    names: dict[tuple[str, ...], list[Name]] = field(default_factory=dict)
    prefixes: set[tuple[str, ...]] = field(default_factory=set)

    def add(self, key: tuple[str, ...], name: Name) -> None:
        """Index `name` under `key` (later additions are tried after earlier ones)."""
        self.names.setdefault(key, []).append(name)
        self.prefixes.update(key[:size] for size in range(1, len(key) + 1))

    def longest(self, tokens: list[Token], start: int, limit: int | None = None) -> tuple[int, Name] | None:
        """The longest acceptable name starting at token `start`: (end token index, name)."""
        states: set[tuple[str, ...]] = {()}
        best = None
        stop = len(tokens) if limit is None else min(limit, len(tokens))
        for position in range(start, stop):
            states = {state + (key,) for state in states for key in tokens[position].keys if state + (key,) in self.prefixes}
            if not states:
                break
            for state in states:
                name = next((n for n in self.names.get(state, ()) if n.accepts(tokens[start:position + 1])), None)
                if name is not None:
                    best = (position + 1, name)
        return best


@dataclass
class Gazetteer:
    """Every entry by id, and the index of their names."""

    entries: dict[str, Entry]
    index: Index
    conflicts: list[str]  # names that two entries with different codes both claim

    def entry(self, entry_id: str) -> Entry:
        """The entry with this id (KeyError names the id)."""
        return self.entries[entry_id]


def build_index(entries: Iterable[Entry], overriding: frozenset[str] = frozenset()) -> tuple[Index, list[str]]:
    """Index every name and adjective; report names claimed by two entries that disagree.

    The first entry to claim a name keeps it; `overriding` ids (the user's file) claim silently.
    """
    index = Index()
    owner: dict[tuple[tuple[str, ...], bool], Entry] = {}
    conflicts = []
    for entry in entries:
        for words, adjective in surface_names(entry):
            key = tuple(name_key(word) for word in words)
            exact = " ".join(words) in entry.case_sensitive or "".join(words) in entry.case_sensitive
            previous = owner.setdefault((key, exact), entry)
            if previous is not entry:
                if (previous.code, previous.kind) != (entry.code, entry.kind) and previous.id not in overriding:
                    conflicts.append(f"{' '.join(words)!r}: {previous.id} ({previous.origin}) and {entry.id} ({entry.origin})")
                continue
            name = Name(entry, words, adjective, exact)
            for variant in product(*(name_keys(word) for word in words)):
                index.add(variant, name)
    return index, conflicts


def surface_names(entry: Entry) -> Iterable[tuple[tuple[str, ...], bool]]:
    """(words, is_adjective) for every name and adjective of the entry, duplicates once."""
    seen = set()
    for table, adjective in ((entry.names, False), (entry.adjectives, True)):
        for names in table.values():
            for name in names:
                words = split_words(name)
                if words and (words, adjective) not in seen:
                    seen.add((words, adjective))
                    yield words, adjective


# --- loading ------------------------------------------------------------------------------------


def bundled_files() -> list[Path]:
    """The YAML files of the bundled gazetteer, in name order."""
    folder = Path(str(resources.files("blocwatch") / "data" / "actors"))
    return sorted(folder.glob("*.yaml"))


def load_file(path: Path) -> list[Entry]:
    """The entries of one gazetteer file, validated."""
    try:
        raw = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=YAML_LOADER)
    except (OSError, yaml.YAMLError) as error:
        raise GazetteerError(f"cannot read gazetteer {path}: {error}") from error
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise GazetteerError(f"{path}: a gazetteer file is a YAML list of entries (start each with '- id: ...')")
    return [parse_entry(item, str(path), number) for number, item in enumerate(raw, 1)]


def parse_entry(item: Any, origin: str, number: int) -> Entry:
    """One entry from its YAML mapping; GazetteerError says which field is wrong."""
    where = f"{origin}, entry {number}"
    if not isinstance(item, dict):
        raise GazetteerError(f"{where}: an entry is a mapping with at least id, name and kind")
    for required in ("id", "name", "kind"):
        if not item.get(required):
            raise GazetteerError(f"{where}: missing '{required}'")
    where = f"{origin}, entry {item['id']!r}"
    if item["kind"] not in KINDS:
        raise GazetteerError(f"{where}: kind {item['kind']!r} is not one of {', '.join(sorted(KINDS))}")
    if not str(item["id"]).startswith(ID_PREFIXES):
        raise GazetteerError(f"{where}: an id starts with one of {', '.join(ID_PREFIXES)}")
    code = item.get("code")
    if item["kind"] == "state" and code is not None and not re.fullmatch(r"[A-Z]{3}", str(code)):
        raise GazetteerError(f"{where}: a state's code is its ISO 3166-1 alpha-3 code (three capitals), not {code!r}")
    return Entry(
        id=str(item["id"]),
        name=str(item["name"]),
        kind=str(item["kind"]),
        code=None if code is None else str(code),
        role=item.get("role"),
        names=language_table(item.get("names"), where, "names"),
        adjectives=language_table(item.get("adjectives"), where, "adjectives"),
        case_sensitive=frozenset(str(name) for name in item.get("case_sensitive") or ()),
        offices=tuple(parse_office(office, where) for office in item.get("offices") or ()),
        candidates=tuple(str(code) for code in item.get("candidates") or ()),
        origin=origin,
    )


def language_table(value: Any, where: str, field_name: str) -> dict[str, tuple[str, ...]]:
    """A {language: [names]} mapping checked and frozen."""
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(names, list) for names in value.values()):
        raise GazetteerError(f"{where}: '{field_name}' maps a language (en, ru) to a list of names")
    return {str(language): tuple(str(name) for name in names) for language, names in value.items()}


def parse_office(value: Any, where: str) -> Office:
    """One dated office; dates are ISO (YYYY-MM-DD) or null."""
    if not isinstance(value, dict) or not value.get("code"):
        raise GazetteerError(f"{where}: an office is a mapping with at least 'code' (and from/to dates)")
    return Office(str(value["code"]), value.get("role"), value.get("title"), as_date(value.get("from"), where), as_date(value.get("to"), where))


def as_date(value: Any, where: str) -> dt.date | None:
    """A YAML date (or ISO string) as a date; None stays None."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as error:
        raise GazetteerError(f"{where}: {value!r} is not an ISO date (YYYY-MM-DD)") from error


def merge(bundled: Iterable[Entry], user: Iterable[Entry]) -> dict[str, Entry]:
    """Bundled entries by id (a duplicate id is an error), then the user's entries over them."""
    entries: dict[str, Entry] = {}
    for entry in bundled:
        if entry.id in entries:
            raise GazetteerError(f"duplicate gazetteer id {entry.id!r} in {entries[entry.id].origin} and {entry.origin}; rename one")
        entries[entry.id] = entry
    for entry in user:
        entries.pop(entry.id, None)  # re-inserted last, so its names take precedence
        entries[entry.id] = entry
    return entries


@lru_cache(maxsize=4)
def load_gazetteer(user_file: str | None = None) -> Gazetteer:
    """The bundled gazetteer merged with `user_file`; loaded once per process and file."""
    bundled = [entry for path in bundled_files() for entry in load_file(path)]
    user = load_file(Path(user_file)) if user_file else []
    entries = merge(bundled, user)
    user_ids = {entry.id for entry in user}
    # User entries are indexed first so that their names win over bundled ones.
    ordered = [entries[i] for i in entries if i in user_ids] + [entries[i] for i in entries if i not in user_ids]
    index, conflicts = build_index(ordered, frozenset(user_ids))
    return Gazetteer(entries, index, conflicts)


# --- role nouns -----------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def load_roles() -> Index:
    """Nouns that give a state mention its CAMEO role, from `lang/*/actor_roles.yaml`, any case."""
    index = Index()
    for path in sorted(Path(str(resources.files("blocwatch") / "lang")).glob("*/actor_roles.yaml")):
        table = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER) or {}
        if not isinstance(table, dict):
            raise GazetteerError(f"{path}: a role file maps a CAMEO role (GOV, MIL, ...) to a list of nouns")
        for role, phrases in table.items():
            for phrase in phrases or ():
                words = split_words(str(phrase))
                entry = Entry(id=f"role:{role}", name=str(phrase), kind="feature", role=str(role), origin=str(path))
                # Lower-case surface: a role noun matches whatever its capitalisation.
                name = Name(entry, tuple(w.lower() for w in words), False, False)
                for variant in product(*(name_keys(word) for word in words)):
                    index.add(variant, name)
    return index
