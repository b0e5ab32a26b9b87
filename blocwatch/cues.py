"""Modality and attribution cues per language, loaded from `lang/<language>/cues.yaml`.

The event coder uses them to decide whether an act is hedged ("reportedly", "якобы"), negated
("did not", "отрицает"), planned, possible, hypothetical or denied, and who reports it (reporting
verbs, "according to"-like phrases, and nouns such as "the publication" that refer back to a source
named before). Words are lower case; a single word matches a token's lemma or form, an entry with
a space is a phrase. Russian entries with "ё" also match the spelling with "е".

    >>> "якобы" in load_cues("ru").hedges
    True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from .lang import LanguageDataError, load_language_data

MODES = ("planned", "possible", "hypothetical", "denied")
LISTS = ("hedges", "negations", "negation_verbs", "reporting_verbs", "speech_verbs", "reporting_phrases", "citing_phrases", "source_anaphora")


@dataclass(frozen=True)
class Cues:
    """The cue words of one language."""

    language: str
    hedges: frozenset[str]
    negations: frozenset[str]
    negation_verbs: frozenset[str]  # lemmas of verbs that negate what they govern: deny, отрицать
    planned: frozenset[str]
    possible: frozenset[str]
    hypothetical: frozenset[str]
    denied: frozenset[str]
    reporting_verbs: frozenset[str]  # lemmas: say, заявить
    speech_verbs: frozenset[str]  # the reporting verbs that are a public statement (CAMEO 010) themselves
    reporting_phrases: tuple[str, ...]  # longest first, so "as reported by" is tried before "reported by"
    citing_phrases: frozenset[str]  # the reporting phrases that name an inner source: "citing", "со ссылкой на"
    source_anaphora: frozenset[str]  # lemmas of nouns that refer back to a named source

    def modes(self) -> dict[str, frozenset[str]]:
        """The mode cue lists by mode name."""
        return {mode: getattr(self, mode) for mode in MODES}

    def phrases(self, words: frozenset[str]) -> tuple[str, ...]:
        """The multi-word entries of a cue list, longest first."""
        return tuple(sorted((word for word in words if " " in word), key=len, reverse=True))


def _normalised(values: Any, where: str) -> tuple[str, ...]:
    """Lower-case, whitespace-collapsed words, with an "е" spelling beside every "ё" one."""
    if not isinstance(values, list) or not values:
        raise LanguageDataError(f"{where} must be a non-empty list of words")
    words: list[str] = []
    for value in values:
        if not isinstance(value, str):
            raise LanguageDataError(f"{where}: {value!r} is not a word; quote it in the YAML file (\"no\", \"on\")")
        word = " ".join(value.lower().split())
        words.extend([word, word.replace("ё", "е")] if "ё" in word else [word])
    return tuple(dict.fromkeys(words))


def _read(language: str) -> dict[str, Any]:
    """The parsed cue file of `language`."""
    raw = load_language_data(language, "cues")
    if not raw:
        raise LanguageDataError(f"no modality and attribution cues for language {language!r}; add blocwatch/lang/{language}/cues.yaml (see lang/en/cues.yaml)")
    return raw


def _check_subset(lists: dict[str, tuple[str, ...]], part: str, whole: str, where: str) -> None:
    """ValueError naming the entries of `part` missing from `whole`."""
    stray = set(lists[part]) - set(lists[whole])
    if stray:
        raise LanguageDataError(f"{where}: {part} {sorted(stray)} must also be listed under {whole}")


@cache
def load_cues(language: str) -> Cues:
    """The cues of `language` ("en", "ru"), read once; LanguageDataError saying what to add when missing."""
    raw = _read(language)
    where = f"blocwatch/lang/{language}/cues.yaml"
    lists = {key: _normalised(raw.get(key), f"{where}: {key}") for key in LISTS}
    modes = {mode: _normalised((raw.get("mode") or {}).get(mode), f"{where}: mode.{mode}") for mode in MODES}
    _check_subset(lists, "citing_phrases", "reporting_phrases", where)
    _check_subset(lists, "speech_verbs", "reporting_verbs", where)
    return Cues(
        language=language,
        hedges=frozenset(lists["hedges"]),
        negations=frozenset(lists["negations"]),
        negation_verbs=frozenset(lists["negation_verbs"]),
        reporting_verbs=frozenset(lists["reporting_verbs"]),
        speech_verbs=frozenset(lists["speech_verbs"]),
        reporting_phrases=tuple(sorted(lists["reporting_phrases"], key=len, reverse=True)),
        citing_phrases=frozenset(lists["citing_phrases"]),
        source_anaphora=frozenset(lists["source_anaphora"]),
        **{mode: frozenset(words) for mode, words in modes.items()},
    )
