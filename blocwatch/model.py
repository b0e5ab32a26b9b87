"""The data model: frozen dataclasses that flow through the pipeline.

A reader yields `RawDocument`s (or `Rejection`s for unusable input); the `extract` stage turns a
`RawDocument` into an `Article`; every later stage returns a new `Article` with more filled in
(`dataclasses.replace`). Offsets are always character offsets into `Article.text`, the cleaned text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

MentionKind = Literal["state", "organisation", "media", "group", "people", "unresolved"]
Mode = Literal["asserted", "planned", "possible", "denied", "hypothetical"]
DatePrecision = Literal["year", "month", "day"]


@dataclass(frozen=True)
class RawDocument:
    """One article as a reader found it, before extraction and cleaning."""

    id: str
    origin: str  # where it came from: a path, "path:LINE" or "path#RECORD"
    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date
    site: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class Rejection:
    """An input that could not be used, and why. Never raised: reported and stored."""

    origin: str
    reason: str


@dataclass(frozen=True)
class Removal:
    """A span that cleaning removed from the extracted text, with the rule that removed it."""

    start: int  # offset in the text *before* cleaning
    end: int
    text: str
    rule: str
    reason: str


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ParagraphLanguage:
    start: int
    end: int
    language: str | None


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    language: str | None = None


@dataclass(frozen=True)
class Mention:
    """A name in the text that refers to an actor (or a source, or nothing known)."""

    start: int
    end: int
    text: str
    code: str | None  # ISO3 for states, NATO/EU/... for organisations, None when unresolved
    name: str  # canonical display name ("Russia", "Financial Times")
    kind: MentionKind
    role: str | None = None  # CAMEO role: GOV, MIL, SPY, MED, CVL, ...
    entry: str | None = None  # gazetteer entry that matched, for explanation


@dataclass(frozen=True)
class Event:
    """One coded who-did-what-to-whom statement, with the evidence behind it."""

    source: str
    target: str | None
    code: str  # CAMEO code, e.g. "057"
    root: str  # two-digit root, e.g. "05"
    goldstein: float
    quad_class: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    plover: str | None
    sentence: str
    start: int  # sentence offsets in the cleaned text
    end: int
    source_role: str | None = None
    target_role: str | None = None
    attribution: tuple[str, ...] = ()  # outermost reporter first
    hedged: bool = False
    negated: bool = False
    mode: Mode = "asserted"
    date: str | None = None  # "2024", "2024-06" or "2024-06-19"
    date_precision: DatePrecision | None = None
    date_from_publication: bool = False  # the sentence gave no date: publication date used
    pattern: str = ""  # the pattern that fired, for `blocwatch explain`
    verb: Span | None = None
    source_span: Span | None = None
    target_span: Span | None = None
    attribution_spans: tuple[Span, ...] = ()
    symmetric: bool = False


@dataclass(frozen=True)
class Article:
    id: str
    origin: str
    text: str  # cleaned text; every offset refers to it
    raw_text: str = ""  # extracted text before cleaning
    title: str | None = None
    url: str | None = None
    published: str | None = None
    site: str | None = None
    author: str | None = None
    language: str | None = None
    paragraph_languages: tuple[ParagraphLanguage, ...] = ()
    removals: tuple[Removal, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    done: frozenset[str] = field(default_factory=frozenset)  # stages that have run

    @property
    def content_hash(self) -> str:
        """SHA-256 of the cleaned text: the identity of a story version."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()
