"""Stage `events`: CAMEO events with evidence, attribution, modality and dates.

Only sentences that can yield an act are parsed (two actors; one actor and a pronoun or a source;
"the allies"); the rest of the article only tells who "he" or "it" is next, and costs no parse.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import yaml

from ..attribution import History, Reporter, attribution_for, back_reference, modality, sentence_reporters
from ..cameo import lookup
from ..coder import Coded, Context, code_parse
from ..cues import Cues, load_cues
from ..dates import resolve_event_date
from ..interchange import is_listed_actor
from ..lexicon import Lexicon, load_lexicon
from ..model import Article, Event, Mention, Sentence, Span
from ..pipeline import stage
from ..settings import Settings
from ..syntax import parse_sentences

SOURCE_KINDS = ("media", "unresolved", "group")
WORD = re.compile(r"\w+")


def sentence_mentions(article: Article) -> list[list[Mention]]:
    """The mentions inside each sentence, in sentence order."""
    grouped: list[list[Mention]] = [[] for _ in article.sentences]
    k = 0
    for mention in article.mentions:
        while k < len(article.sentences) and article.sentences[k].end <= mention.start:
            k += 1
        if k < len(article.sentences) and article.sentences[k].start <= mention.start:
            grouped[k].append(mention)
    return grouped


def needs_parse(sentence: Sentence, mentions: list[Mention], lexicon: Lexicon) -> bool:
    """Two actors to relate; one actor and a pronoun that may name the other, or a source that a
    later sentence may cite; or a noun for the parties named before ("the allies")."""
    codes = {m.code for m in mentions if is_listed_actor(m)}
    if len(codes) >= 2 or any(m.kind == "media" for m in mentions):
        return True
    words = set(WORD.findall(sentence.text.lower()))
    if codes:  # a possessive ("its") needs a second actor to relate: only subject pronouns count here
        return bool(words & (lexicon.subject_pronouns | lexicon.first_person)) or any(m.kind in SOURCE_KINDS for m in mentions)
    return bool(words & lexicon.party_nouns)


def paragraph_numbers(article: Article) -> list[int]:
    """The paragraph of each sentence: paragraphs are separated by line breaks in the cleaned text."""
    breaks = [found.start() for found in re.finditer("\n", article.text)]
    return [bisect_left(breaks, sentence.start) for sentence in article.sentences]


@lru_cache(maxsize=1)
def intent_codes() -> dict[str, str]:
    """Root of an announced act -> the CAMEO code of that intent (data/intent.yaml)."""
    return yaml.safe_load((Path(__file__).resolve().parent.parent / "data" / "intent.yaml").read_text(encoding="utf-8"))


def coded_act(code: str, mode: str) -> str:
    """An act announced for the future is an intent (03) or a threat (13)."""
    return intent_codes().get(code[:2], code) if mode == "planned" else code


def to_event(article: Article, coded: Coded, chain: tuple[Reporter, ...], parse, language: str, cues: Cues) -> Event:
    sentence = parse.sentence
    mood = modality(parse, coded.trigger, cues)
    cameo = lookup(coded_act(coded.pattern.code, mood.mode))
    when = resolve_event_date(sentence.text, language, article.published, anchor=coded.trigger.start - sentence.start)
    parties = {coded.source.code, coded.target.code if coded.target and coded.pattern.symmetric else None}
    reporters = attribution_for(chain, parties, coded.trigger.i)
    return Event(
        source=coded.source.code, target=coded.target.code if coded.target else None,
        code=cameo.code, root=cameo.root, goldstein=cameo.goldstein, quad_class=cameo.quad_class,
        plover=cameo.plover, sentence=sentence.text, start=sentence.start, end=sentence.end,
        source_role=coded.source.role, target_role=coded.target.role if coded.target else None,
        attribution=tuple(r.name for r in reporters), hedged=mood.hedged, negated=mood.negated, mode=mood.mode,
        date=when.value, date_precision=when.precision, date_from_publication=when.from_publication,
        pattern=coded.pattern.name, verb=Span(coded.trigger.start, coded.trigger.end, coded.trigger.text),
        source_span=_span(coded.source, coded.source_token, sentence),
        target_span=_span(coded.target, coded.target_token, sentence) if coded.target else None,
        attribution_spans=tuple(r.span for r in reporters), symmetric=coded.pattern.symmetric,
    )


def _span(mention: Mention, token, sentence: Sentence) -> Span:
    """The actor's words in the evidence sentence: its mention, or the pronoun that stands for it."""
    if sentence.start <= mention.start < sentence.end:
        return Span(mention.start, mention.end, mention.text)
    return Span(token.start, token.end, token.text)


def event_key(event: Event) -> tuple:
    """Events that say the same act between the same pair count once per article."""
    pair = tuple(sorted((event.source, event.target or ""))) if event.symmetric else (event.source, event.target)
    return pair, event.root, event.negated, event.symmetric


@stage("events", requires=("sentences", "mentions", "language"), provides=("events",))
def code_events(article: Article, settings: Settings) -> Article:
    """Code every sentence that relates two actors."""
    language = article.language or "en"
    lexicon = load_lexicon(language)
    if not lexicon.patterns:
        return article
    cues = load_cues(language)
    grouped = sentence_mentions(article)
    chosen = [k for k, mentions in enumerate(grouped) if needs_parse(article.sentences[k], mentions, lexicon)]
    parses = dict(zip(chosen, parse_sentences([article.sentences[k] for k in chosen], language, settings)))
    history, context, events, seen = History(), Context(), [], {}
    paragraphs = paragraph_numbers(article)
    previous: list[int] = []  # indices in `events` of the previous parsed sentence's events
    for k, mentions in enumerate(grouped):
        if k not in parses:
            remember_subject(context, mentions)
            continue
        parse = parses[k]
        reported_before = back_reference(parse, mentions, cues, history)
        if reported_before:
            events = credit(events, previous, reported_before)
        chain = sentence_reporters(parse, mentions, cues, history, paragraphs[k])
        previous = []
        for coded in code_parse(parse, mentions, lexicon, cues.speech_verbs, context):
            event = to_event(article, coded, chain, parse, language, cues)
            key = event_key(event)
            if key not in seen:
                seen[key] = len(events)
                previous.append(len(events))
                events.append(event)
            elif len(event.attribution) > len(events[seen[key]].attribution):
                events[seen[key]] = event  # the same act, told with its sources: keep that telling
    return replace(article, events=tuple(events))


def remember_subject(context: Context, mentions: list[Mention]) -> None:
    """A sentence not worth parsing still tells who "he" or "it" is next: its first actor."""
    actors = [m for m in mentions if is_listed_actor(m)]
    if actors:
        context.last_subject = actors[0]


def credit(events: list[Event], indices: list[int], reporters: tuple[Reporter, ...]) -> list[Event]:
    """Give the events of a sentence without a reporter the reporters its follower names."""
    events = list(events)
    for k in indices:
        kept = attribution_for(reporters, {events[k].source})
        if not events[k].attribution and kept:
            events[k] = replace(events[k], attribution=tuple(r.name for r in kept), attribution_spans=tuple(r.span for r in kept))
    return events
