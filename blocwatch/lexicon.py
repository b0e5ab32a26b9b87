"""Event patterns per language, loaded from `lang/<language>/verbs.yaml`."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

LANG_DIR = Path(__file__).resolve().parent / "lang"


@dataclass(frozen=True)
class Pattern:
    lemma: str
    pos: str  # "verb" or "noun"
    code: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    object: frozenset[str] = frozenset()
    particle: frozenset[str] = frozenset()
    light: frozenset[str] = frozenset()
    symmetric: bool = False
    inherit_target: bool = False

    @property
    def name(self) -> str:
        constraint = f" +{'/'.join(sorted(self.object))[:40]}" if self.object else ""
        return f"{self.pos}:{self.lemma}{constraint} -> {self.code}"


@dataclass(frozen=True)
class Lexicon:
    language: str
    patterns: dict[tuple[str, str], tuple[Pattern, ...]]  # (pos, lemma) -> patterns
    verb_targets: tuple[str, ...] = ()  # the default target roles of verbs
    modal_nouns: frozenset[str] = frozenset()  # "possibility of", "option of": not events
    pronouns: frozenset[str] = frozenset()  # personal pronouns resolved to an earlier subject actor
    first_person: frozenset[str] = frozenset()  # "we" in a quote: resolved to the speaker
    subject_pronouns: frozenset[str] = frozenset()  # the pronouns that can stand for an acting subject
    party_nouns: frozenset[str] = frozenset()  # "the allies", "the two countries": the last parties named together
    tone: dict[str, frozenset[str]] = field(default_factory=dict)  # words that colour a statement: accord, pessimistic

    def lookup(self, pos: str, lemma: str) -> tuple[Pattern, ...]:
        return self.patterns.get((pos, lemma), ())


def _pattern(entry: dict, defaults: dict) -> Pattern:
    pos = entry.get("pos", "verb")
    base = defaults[pos]
    return Pattern(
        lemma=entry["lemma"].lower(),
        pos=pos,
        code=str(entry["code"]),
        source=tuple(entry.get("source", base["source"])),
        target=tuple(entry.get("target", base["target"])),
        object=frozenset(word.lower() for word in entry.get("object", ())),
        particle=frozenset(entry.get("particle", ())),
        light=frozenset(entry.get("light", defaults["light"] if pos == "noun" else ())),
        symmetric=bool(entry.get("symmetric", False)),
        inherit_target=bool(entry.get("inherit_target", False)),
    )


@lru_cache(maxsize=None)
def load_lexicon(language: str) -> Lexicon:
    """The patterns of `language`; an empty lexicon when the language has none."""
    path = LANG_DIR / language / "verbs.yaml"
    if not path.exists():
        return Lexicon(language, {})
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    defaults = data["defaults"]
    patterns: dict[tuple[str, str], list[Pattern]] = {}
    for entry in data["patterns"]:
        pattern = _pattern(entry, defaults)
        patterns.setdefault((pattern.pos, pattern.lemma), []).append(pattern)
    return Lexicon(
        language,
        {key: tuple(value) for key, value in patterns.items()},
        verb_targets=tuple(defaults["verb"]["target"]),
        modal_nouns=frozenset(defaults.get("modal_nouns", ())),
        pronouns=frozenset(defaults.get("pronouns", ())),
        first_person=frozenset(defaults.get("first_person", ())),
        subject_pronouns=frozenset(defaults.get("subject_pronouns", ())),
        party_nouns=frozenset(defaults.get("party_nouns", ())),
        tone={name: frozenset(words) for name, words in defaults.get("statement_tone", {}).items()},
    )
