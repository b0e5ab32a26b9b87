"""Stage `actors`: find the states, organisations, outlets and groups a text names (issue 3).

Three passes over the cleaned text:
1. the gazetteer walk: every token position, longest name first (so "North Korean leader" is one
   PRK mention and "South China Sea" hides China); a state adjective or English state name
   followed by a role noun takes that role and the noun ("Japanese Foreign Ministry" JPN GOV,
   "US President" USA GOV), so does a state name after "<role noun> of" or a Russian role noun
   ("foreign minister of Japan", "МИД России"); a possessive gives a role without widening
   ("China's foreign ministry");
2. the article's own evidence: a person counts for the code of the office held on the publication
   date, an ambiguous name ("Korea") for the one candidate the rest of the article names;
3. statistical NER (spaCy for English, natasha for Russian) over the sentences with capitalised
   words the gazetteer did not explain: a state name inside a longer person name is no state
   ("Chad Smith"), and names the gazetteer lacks become `unresolved` mentions with no code.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import cast

from ..gazetteer import PROPER_TAGS, Gazetteer, Index, Name, Token, load_gazetteer, load_roles, morph, tokenize
from ..model import Article, Mention, MentionKind
from ..nlp import english_entities, russian_entities
from ..pipeline import stage
from ..settings import Settings

ENGLISH_LABELS = frozenset({"GPE", "ORG", "NORP", "PERSON"})
RUSSIAN_LABELS = frozenset({"LOC", "ORG", "PER"})
PERSON_LABELS = frozenset({"PERSON", "PER"})
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LATIN = re.compile(r"[A-Za-z]")
SENTENCE_END = frozenset({".", "!", "?", "…", "\n"})
MODEL_NUMBER = re.compile(r"\s?-?\d")
LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")


@dataclass(frozen=True)
class Match:
    """A gazetteer name found at tokens [start, end), with the role the context gave it."""

    start: int
    end: int
    name: Name
    role: str | None = None


# --- pass 1: the gazetteer walk -------------------------------------------------------------------


def scan(tokens: list[Token], gazetteer: Gazetteer, roles: Index) -> list[Match]:
    """Leftmost-longest gazetteer matches, widened over a role noun next to them where one fits."""
    matches: list[Match] = []
    position = 0
    while position < len(tokens):
        found = gazetteer.index.longest(tokens, position)
        if found is None:
            position += 1
            continue
        end, name = found
        if name.exact and common_word_opening_sentence(tokens, position, end):
            position += 1
            continue
        match = Match(position, end, name)
        if takes_role(name):
            floor = matches[-1].end if matches else 0
            match = (
                widen_with_role(tokens, match, roles)
                or widen_before(tokens, match, roles, floor)
                or replace(match, role=possessive_role(tokens, match, roles))
            )
        matches.append(match)
        position = match.end
    return matches


def common_word_opening_sentence(tokens: list[Token], start: int, end: int) -> bool:
    """A one-word Russian homograph opening a sentence reads as the common word: "Того же мнения"."""
    word = tokens[start].text
    if end - start != 1 or not CYRILLIC.search(word) or word.isupper():
        return False
    if start > 0 and tokens[start - 1].text not in SENTENCE_END:
        return False
    return not PROPER_TAGS & set(morph().parse(word)[0].tag.grammemes)


def takes_role(name: Name) -> bool:
    """States named by name or adjective take their role from context; organs keep their own."""
    entry = name.entry
    return entry.kind == "state" and entry.role is None and not entry.offices


def widen_with_role(tokens: list[Token], match: Match, roles: Index) -> Match | None:
    """"Russian military" -> one mention with role MIL, when a role noun follows directly.

    A Russian name is not widened: a noun after it is no modifier ("передаче Ираном ракет").
    """
    if not match.name.adjective and CYRILLIC.search(tokens[match.start].text):
        return None
    found = roles.longest(tokens, match.end)
    if found is None:
        return None
    end, noun = found
    return Match(match.start, end, match.name, noun.entry.role)


def widen_before(tokens: list[Token], match: Match, roles: Index, floor: int) -> Match | None:
    """"foreign minister of Japan", "МИД России": one mention from the role noun to the name."""
    if match.name.adjective:
        return None
    end = match.start
    if not CYRILLIC.search(tokens[match.start].text):
        # English puts the role noun before "of (the)": "the President of Russia".
        if end >= 1 and tokens[end - 1].text.lower() == "the":
            end -= 1
        if not (end >= 1 and tokens[end - 1].text.lower() == "of"):
            return None
        end -= 1
    for start in range(max(floor, end - 5), end):
        found = roles.longest(tokens, start, limit=end)
        if found is not None and found[0] == end:
            return Match(start, match.end, match.name, found[1].entry.role)
    return None


def possessive_role(tokens: list[Token], match: Match, roles: Index) -> str | None:
    """The role given by "X's <noun>" ("China's foreign ministry" -> GOV), without widening."""
    after = match.end
    if after + 2 <= len(tokens) and tokens[after].text in ("'", "’") and tokens[after + 1].text.lower() == "s":
        found = roles.longest(tokens, after + 2)
        if found is not None:
            return found[1].entry.role
    return None


# --- pass 2: what the rest of the article decides ---------------------------------------------------


def publication_day(published: str | None) -> dt.date | None:
    """The publication date as a date, or None when absent or unreadable."""
    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def to_mention(text: str, tokens: list[Token], match: Match, day: dt.date | None) -> Mention | None:
    """The mention a match stands for; None for features (a sea, a weapon)."""
    entry = match.name.entry
    start, end = tokens[match.start].start, tokens[match.end - 1].end
    surface = text[start:end]
    if entry.kind == "feature":
        return None
    kind = cast(MentionKind, entry.kind)  # state, organisation, media or group: checked at load
    if entry.offices:
        office = entry.office_on(day)
        if office is None:
            return Mention(start, end, surface, None, entry.name, "unresolved", None, entry.id)
        return Mention(start, end, surface, office.code, entry.name, kind, office.role, entry.id)
    if entry.candidates:
        return Mention(start, end, surface, None, entry.name, "unresolved", match.role, entry.id)
    return Mention(start, end, surface, entry.code, entry.name, kind, match.role or entry.role, entry.id)


def resolve_ambiguous(mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """"Korea" counts for PRK when the article names North Korea and not South Korea (and so on)."""
    named = {mention.code for mention in mentions if mention.code}
    resolved = []
    for mention in mentions:
        entry = gazetteer.entries.get(mention.entry or "")
        if mention.code is None and entry is not None and entry.candidates:
            present = [code for code in entry.candidates if code in named]
            if len(present) == 1:
                name = next((e.name for e in gazetteer.entries.values() if e.kind == "state" and e.code == present[0]), entry.name)
                mention = replace(mention, code=present[0], name=name, kind="state")
        resolved.append(mention)
    return resolved


def gazetteer_mentions(text: str, published: str | None, gazetteer: Gazetteer) -> tuple[list[Mention], list[Token], list[Match]]:
    """Mentions from the gazetteer alone, with the tokens and matches they came from."""
    tokens = tokenize(text)
    matches = scan(tokens, gazetteer, load_roles())
    day = publication_day(published)
    mentions = [m for m in (to_mention(text, tokens, match, day) for match in matches) if m is not None]
    return resolve_ambiguous(mentions, gazetteer), tokens, matches


# --- pass 3: statistical NER --------------------------------------------------------------------


def segments(article: Article) -> list[tuple[int, int, str]]:
    """(start, end, language) of each sentence, or of each line when there are no sentences."""
    if article.sentences:
        spans = [(s.start, s.end, s.language or article.language) for s in article.sentences]
    else:
        spans, offset = [], 0
        for line in article.text.splitlines(keepends=True):
            spans.append((offset, offset + len(line.rstrip()), article.language))
            offset += len(line)
    return [(start, end, language or script_language(article.text[start:end])) for start, end, language in spans if end > start]


def script_language(text: str) -> str:
    """ru when Cyrillic letters outnumber Latin ones, else en."""
    return "ru" if len(CYRILLIC.findall(text)) > len(LATIN.findall(text)) else "en"


@lru_cache(maxsize=1)
def common_capitalised() -> frozenset[str]:
    """Capitalised words that are no names: English stop words ("The", "We"), months and weekdays."""
    from spacy.lang.en.stop_words import STOP_WORDS

    calendar_words = [*calendar.month_name[1:], *calendar.month_abbr[1:], *calendar.day_name, *calendar.day_abbr, "Sept"]
    return frozenset(word.lower() for word in [*STOP_WORDS, *calendar_words])


def needs_ner(inside: list[Token], covered: set[int]) -> bool:
    """Whether a segment's tokens have a capitalised word no gazetteer match explains (not a stop
    word, month or weekday): one after the first word, or the first word itself when a match
    follows it ("Michael Jordan")."""
    common = common_capitalised()
    if any(t.text[:1].isupper() and t.start not in covered and t.text.lower() not in common for t in inside[1:]):
        return True
    return len(inside) > 1 and inside[0].text[:1].isupper() and inside[0].start not in covered and inside[1].start in covered


def tokens_by_segment(spans: list[tuple[int, int, str]], tokens: list[Token]) -> list[list[Token]]:
    """The tokens of each segment (segments in text order), in one pass."""
    starts = [t.start for t in tokens]
    return [tokens[bisect_left(starts, start):bisect_left(starts, end)] for start, end, _ in spans]


def entities(article: Article, tokens: list[Token], covered: set[int], settings: Settings) -> list[tuple[int, int, str]]:
    """Named entities (article offsets, label) of the segments that need NER, by language."""
    spans = segments(article)
    wanted = [span for span, inside in zip(spans, tokens_by_segment(spans, tokens)) if needs_ner(inside, covered)]
    found: list[tuple[int, int, str]] = []
    for language, tagger in (("en", lambda texts: english_entities(texts, settings)), ("ru", russian_entities)):
        chosen = [s for s in wanted if s[2] == language]  # other languages: no NER model
        if not chosen:
            continue
        for (start, end, _), spans_found in zip(chosen, tagger([article.text[start:end] for start, end, _ in chosen])):
            found.extend((start + a, start + b, label) for a, b, label in spans_found)
    return found


def drop_person_names(mentions: list[Mention], found: list[tuple[int, int, str]], adjectives: set[int]) -> list[Mention]:
    """A state or capital name inside a longer personal name is no state ("Chad Smith", "Michael Jordan").

    Adjectives (`adjectives`: their start offsets) are kept: "Russian" stays RUS in "Russian Vladimir Putin".
    """
    people = [(a, b) for a, b, label in found if label in PERSON_LABELS]
    kept = []
    for mention in mentions:
        named = mention.entry is not None and mention.entry.startswith(("state:", "capital:")) and mention.start not in adjectives
        if named and any(a <= mention.start and mention.end <= b and (b - a) > (mention.end - mention.start) for a, b in people):
            continue
        kept.append(mention)
    return kept


def unresolved_mentions(text: str, found: list[tuple[int, int, str]], taken: list[tuple[int, int]]) -> list[Mention]:
    """Named entities that overlap no gazetteer match, as mentions with no code."""
    mentions = []
    for start, end, label in found:
        if label not in ENGLISH_LABELS | RUSSIAN_LABELS:
            continue
        surface = text[start:end]
        article = LEADING_ARTICLE.match(surface)
        if article:
            start, surface = start + article.end(), surface[article.end():]
        if any(char.isdigit() for char in surface) or not any(char.isupper() for char in surface):
            continue
        if MODEL_NUMBER.match(text, end):  # "Tu 95", "Su-35": a model designation, not a name
            continue
        if any(a < end and start < b for a, b in taken):
            continue
        mentions.append(Mention(start, end, surface, None, surface, "unresolved", None, None))
    return mentions


# --- the stage ------------------------------------------------------------------------------------


def find_mentions(article: Article, settings: Settings) -> tuple[Mention, ...]:
    """Every mention of the article, sorted by offset, non-overlapping."""
    gazetteer = load_gazetteer(settings.gazetteer)
    mentions, tokens, matches = gazetteer_mentions(article.text, article.published, gazetteer)
    spans = [(tokens[m.start].start, tokens[m.end - 1].end) for m in matches]
    covered = {token.start for m in matches for token in tokens[m.start:m.end]}
    found = entities(article, tokens, covered, settings)
    adjectives = {tokens[m.start].start for m in matches if m.name.adjective}
    kept = drop_person_names(mentions, found, adjectives)
    dropped = {(m.start, m.end) for m in mentions} - {(m.start, m.end) for m in kept}
    mentions = kept + unresolved_mentions(article.text, found, [span for span in spans if span not in dropped])
    return tuple(sorted(mentions, key=lambda m: (m.start, m.end)))


@stage("actors", requires=("sentences", "language"), provides=("mentions",))
def actors(article: Article, settings: Settings) -> Article:
    """Stage: fill `article.mentions`."""
    return replace(article, mentions=find_mentions(article, settings))


def mentions_of_text(text: str, settings: Settings, published: str | None = None) -> tuple[Mention, ...]:
    """The mentions of a bare text (no cleaning or sentence split): for tuning the gazetteer."""
    return find_mentions(Article(id="text", origin="text", text=text, published=published), settings)


def mention_table(mentions: tuple[Mention, ...]) -> str:
    """The mentions as a fixed-width table (offsets, text, code, kind, role, entry) for people."""
    rows = [("start", "end", "text", "code", "kind", "role", "entry")]
    rows += [(str(m.start), str(m.end), m.text.replace("\n", " "), m.code or "-", m.kind, m.role or "-", m.entry or "-") for m in mentions]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows)
