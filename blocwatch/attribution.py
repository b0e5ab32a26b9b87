"""Who says so, and how sure: attribution chains and modality of coded acts.

Attribution comes from three places in a sentence, outermost first: a sentence-initial
"according to X" phrase, the subjects of reporting verbs ("X said/claimed/reported", "как заявил X"),
then "citing X" phrases. A reporter named by a noun that refers back ("the English publication",
"the memo", "аналитики") is resolved to the source the article named before. A sentence without
its own reporter, inside a paragraph whose previous sentence had one, continues that reporting.
A speaker who is the event's own source is not an attribution: "Japan announced it condemns X"
is Japan's act, not a claim about Japan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .cues import Cues
from .model import Mention, Span
from .syntax import Parse, Token

NAME_DEPS = {"compound", "amod", "flat", "flat:name", "flat:foreign", "appos", "nmod:poss", "fixed", "nummod"}
CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)
MEDIA_NOUNS = {"publication", "newspaper", "paper", "outlet", "agency", "daily", "channel", "broadcaster",
               "издание", "газета", "агентство", "телеканал", "сми"}


@dataclass(frozen=True)
class Reporter:
    name: str
    span: Span
    code: str | None  # the reporter's actor code when it is a state or organisation
    kind: str
    verb: int | None = None  # the reporting verb's token, when a verb names this reporter


@dataclass
class History:
    """What the article has named so far, for resolving "the publication", "the memo"."""

    media: list[Reporter] = field(default_factory=list)
    reporters: list[Reporter] = field(default_factory=list)
    previous: tuple[Reporter, ...] = ()
    previous_paragraph: int = -1

    def resolve(self, lemma: str) -> Reporter | None:
        if lemma in MEDIA_NOUNS and self.media:
            return self.media[-1]
        if self.reporters:
            return self.reporters[-1]
        return self.media[-1] if self.media else None


def mention_at(token: Token, mentions: list[Mention]) -> Mention | None:
    for mention in mentions:
        if token.start < mention.end and token.end > mention.start:
            return mention
    return None


def phrase_span(parse: Parse, head: Token) -> Span:
    """The noun phrase of `head` without determiners and clauses: "official Korean Central News Agency (KCNA)"."""
    keep, stack = [head], [head]
    while stack:
        for child in parse.children(stack.pop()):
            if child.dep in NAME_DEPS or child.dep == "conj" or (child.dep == "nmod" and child.case in (None, "of")):
                keep.append(child)
                stack.append(child)
    start, end = min(t.start for t in keep), max(t.end for t in keep)
    text = parse.sentence.text
    offset = parse.sentence.start
    if text[end - offset:end - offset + 1] == ")" and "(" in text[start - offset:end - offset]:
        end += 1
    return Span(start, end, text[start - offset:end - offset])


def reporter_for(parse: Parse, head: Token, mentions: list[Mention], cues: Cues, history: History) -> Reporter | None:
    """The reporter a noun phrase names, resolving nouns that refer back."""
    span = phrase_span(parse, head)
    mention = mention_at(head, mentions)
    if mention is not None and mention.kind == "media":
        span = _with_acronym(parse, Span(mention.start, mention.end, mention.text))
        return Reporter(reporter_name(span.text, mention.name), span, None, "media")
    if mention is not None:
        return Reporter(reporter_name(span.text, mention.name), span, mention.code, mention.kind)
    outlet = _named_outlet(span, mentions)
    if outlet is not None:
        return Reporter(reporter_name(outlet.text, outlet.name), Span(outlet.start, outlet.end, outlet.text), None, "media")
    if head.lemma in cues.source_anaphora and _definite(parse, head):
        antecedent = history.resolve(head.lemma)
        return Reporter(antecedent.name, span, antecedent.code, antecedent.kind) if antecedent else None
    if head.pos == "PRON":
        return None
    if head.pos == "PROPN" or any(mention_at(t, mentions) for t in parse.tokens if span.start <= t.start < span.end):
        return Reporter(_strip_article(span.text), span, None, "other")
    return None


DEFINITE = {"the", "this", "that", "these", "those", "its", "their", "данный", "этот", "тот"}


def _definite(parse: Parse, noun: Token) -> bool:
    """"the publication", "this report": a noun that points back. Russian has no articles: any noun."""
    if CYRILLIC.search(noun.text):
        return True
    return any(child.lemma in DEFINITE or child.text.lower() in DEFINITE for child in parse.children(noun, "det", "nmod:poss"))


def _named_outlet(span: Span, mentions: list[Mention]) -> Mention | None:
    """An outlet named inside the phrase: "the English publication “Financial Times”"."""
    return next((m for m in mentions if m.kind == "media" and span.start <= m.start < span.end), None)


ACRONYM = re.compile(r"\s*\(([^()]{2,12})\)")


def _with_acronym(parse: Parse, span: Span) -> Span:
    """An outlet's name with the acronym the text gives after it: "Институт изучения войны (ISW)"."""
    offset = parse.sentence.start
    found = ACRONYM.match(parse.sentence.text, span.end - offset)
    if not found:
        return span
    end = offset + found.end()
    return Span(span.start, end, parse.sentence.text[span.start - offset:end - offset])


def reporter_name(surface: str, canonical: str) -> str:
    """The words of the text, with the name they stand for when it differs: "Seoul (South Korea)"."""
    surface = _strip_article(surface)
    if canonical.lower() in surface.lower() or surface.endswith(")"):
        return surface
    return f"{surface} ({canonical})"


def _strip_article(text: str) -> str:
    return re.sub(r"^(the|a|an)\s+", "", text, flags=re.IGNORECASE)


def verb_reporters(parse: Parse, mentions: list[Mention], cues: Cues, history: History) -> list[tuple[int, Reporter, Token]]:
    """(depth, reporter, verb) for each reporting verb with a nameable subject."""
    found = []
    for token in parse.tokens:
        if token.pos not in ("VERB", "AUX") or token.lemma not in cues.reporting_verbs:
            continue
        subjects = parse.children(token, "nsubj") or [c for c in parse.children(token, "obl") if _names_source(c, mentions, cues)]
        reporters = [r for subject in subjects for head in [subject] + parse.children(subject, "conj")
                     if (r := reporter_for(parse, head, mentions, cues, history)) is not None]
        if not reporters:
            reporters = [r for head in _following_source(parse, token, mentions) if (r := reporter_for(parse, head, mentions, cues, history))]
        found += [(_depth(parse, token), replace(reporter, verb=token.i), token) for reporter in reporters]
    return sorted(found, key=lambda item: (item[0], item[1].span.start))


def _names_source(token: Token, mentions: list[Mention], cues: Cues) -> bool:
    """"говорится в отчете", "В ISW отметили": a place phrase that names the reporter."""
    mention = mention_at(token, mentions)
    return token.lemma in cues.source_anaphora or (mention is not None and mention.kind == "media")


def _following_source(parse: Parse, verb: Token, mentions: list[Mention]) -> list[Token]:
    """A reporting verb whose subject the parser lost ("..., отмечает в отчете институт ISW"): the
    first source named after it in the sentence."""
    if not CYRILLIC.search(verb.text):  # only Russian puts the reporter after its verb
        return []
    for token in parse.tokens:
        mention = mention_at(token, mentions) if token.i > verb.i else None
        if mention is not None and mention.kind in ("media", "unresolved", "group"):
            return [token]
    return []


def _depth(parse: Parse, token: Token) -> int:
    depth = 0
    while token.head != token.i and depth < 50:
        token, depth = parse.tokens[token.head], depth + 1
    return depth


def phrase_reporters(parse: Parse, mentions: list[Mention], cues: Cues, history: History) -> tuple[list[Reporter], list[Reporter]]:
    """Reporters named by phrases: (sentence-initial or "according to"-like, "citing"-like)."""
    text = parse.sentence.text.lower()
    leading, citing = [], []
    for phrase in cues.reporting_phrases:
        for match in re.finditer(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text):
            start = parse.sentence.start + match.end()
            head = _phrase_head(parse, start)
            reporter = head and reporter_for(parse, head, mentions, cues, history)
            if reporter:
                (citing if phrase in cues.citing_phrases else leading).append(reporter)
    return leading, citing


def _phrase_head(parse: Parse, start: int) -> Token | None:
    """The head of the noun phrase that begins at `start`: the last noun before a break."""
    head = None
    for token in parse.tokens:
        if token.start < start:
            continue
        if token.pos in ("NOUN", "PROPN"):
            head = token
        elif token.pos == "PRON" and head is None:
            return None
        elif token.pos in ("DET", "ADJ", "NUM", "PUNCT") and token.text not in ",;:" and head is None:
            continue
        elif head is not None or token.pos in ("VERB", "AUX", "ADP", "SCONJ", "CCONJ") or token.text in ",;:":
            break
    return head


def sentence_reporters(parse: Parse, mentions: list[Mention], cues: Cues, history: History, paragraph: int) -> tuple[Reporter, ...]:
    """The sentence's attribution chain, outermost first; updates the article history."""
    leading, citing = phrase_reporters(parse, mentions, cues, history)
    verbs = [reporter for _, reporter, _ in verb_reporters(parse, mentions, cues, history)]
    chain = _dedupe(leading + verbs + citing + trailing_source(parse, mentions))
    carried = not chain and paragraph == history.previous_paragraph
    if carried:
        chain = history.previous
    history.previous, history.previous_paragraph = (() if carried else chain), paragraph
    history.reporters.extend(r for r in chain if r not in history.reporters)
    history.media.extend(Reporter(m.name, Span(m.start, m.end, m.text), None, "media") for m in mentions if m.kind == "media")
    return chain


DEMONSTRATIVES = {"this", "that", "it", "это", "об этом", "этом"}


def back_reference(parse: Parse, mentions: list[Mention], cues: Cues, history: History) -> tuple[Reporter, ...]:
    """"This was conveyed by Hayashi.", "Об этом сообщил ТАСС.": a sentence that only says who
    reported the sentence before it."""
    for verb in parse.tokens:
        if verb.lemma not in cues.reporting_verbs:
            continue
        pointers = [c for c in parse.children(verb) if c.text.lower() in DEMONSTRATIVES and c.dep.split(":")[0] in ("nsubj", "obl", "obj")]
        if not pointers:
            continue
        heads = [c for c in parse.children(verb) if c.dep in ("obl:agent", "nsubj") and c.text.lower() not in DEMONSTRATIVES]
        reporters = [r for head in heads if (r := reporter_for(parse, head, mentions, cues, history))]
        if reporters:
            return tuple(reporters)
    return ()


def trailing_source(parse: Parse, mentions: list[Mention]) -> list[Reporter]:
    """A sentence that ends by naming an outlet after a comma: "..., Financial Times."."""
    text = parse.sentence.text.rstrip(" .”\"»")
    for mention in mentions:
        local = mention.start - parse.sentence.start
        if mention.kind == "media" and text.endswith(mention.text) and text[:local].rstrip().endswith(","):
            return [Reporter(mention.name, Span(mention.start, mention.end, mention.text), None, "media")]
    return []


def _dedupe(reporters: list[Reporter]) -> tuple[Reporter, ...]:
    seen, unique = set(), []
    for reporter in reporters:
        if reporter.name.lower() not in seen:
            seen.add(reporter.name.lower())
            unique.append(reporter)
    return tuple(unique)


def attribution_for(chain: tuple[Reporter, ...], speakers: set[str | None], trigger: int | None = None) -> tuple[Reporter, ...]:
    """The chain without the event's own parties speaking about their act, and without the reporting
    verb that is the event itself ("Russia and China accused the US")."""
    return tuple(r for r in chain if (r.code is None or r.code not in speakers) and (trigger is None or r.verb != trigger))


@dataclass(frozen=True)
class Modality:
    hedged: bool
    negated: bool
    mode: str


def _has_phrase(text: str, phrases) -> bool:
    return any(re.search(r"(?<!\w)" + re.escape(p) + r"(?!\w)", text) for p in phrases)


def modality(parse: Parse, trigger: Token, cues: Cues) -> Modality:
    """Hedging from the cues on the trigger's path to the root; negation and mode from its own clause."""
    path = [t for t in _path_tokens(parse, trigger) if t.i != trigger.i]  # an accusation is not hedged by itself
    hedged = _any_cue(path, cues.hedges) or _has_phrase(parse.sentence.text.lower(), [p for p in cues.hedges if " " in p])
    negated = _negated(parse, trigger, cues)
    if negated:
        mode = "denied"
    elif _any_cue(path, cues.hypothetical):
        mode = "hypothetical"
    elif _governed_by(parse, trigger, cues.planned):
        mode = "planned"
    elif hedged and _any_cue(path, cues.possible):
        mode = "possible"
    else:
        mode = "asserted"
    return Modality(hedged, negated, mode)


def _path_tokens(parse: Parse, trigger: Token) -> list[Token]:
    """The trigger, every head up to the root, and their auxiliaries, adverbs and adjectives."""
    chain, current = [trigger], trigger
    while current.head != current.i and len(chain) < 30:
        current = parse.tokens[current.head]
        chain.append(current)
    modifiers = ("aux", "advmod", "amod", "mark", "advmod:neg", "parataxis", "discourse")
    return chain + [c for t in chain for c in parse.children(t, *modifiers)]


def _any_cue(tokens: list[Token], cues) -> bool:
    return any(t.lemma in cues or t.text.lower() in cues for t in tokens)


def _clause_tokens(parse: Parse, trigger: Token) -> list[Token]:
    """The trigger, the verbs it hangs from (up to two), and their auxiliaries and adverbs."""
    chain, current = [trigger], trigger
    for _ in range(2):
        head = parse.head(current)
        if head is None or current.dep not in ("xcomp", "acl", "obj", "obl", "nmod"):
            break
        chain.append(head)
        current = head
    return chain + [c for t in chain for c in parse.children(t, "aux", "advmod", "advmod:neg", "part", "mark")]


def _negated(parse: Parse, trigger: Token, cues: Cues) -> bool:
    words = _clause_tokens(parse, trigger)
    if any(t.lemma in cues.negations or t.text.lower() in cues.negations for t in words if t.i != trigger.i):
        return True
    head = parse.head(trigger)
    return head is not None and head.lemma in cues.negation_verbs


def _governed_by(parse: Parse, trigger: Token, lemmas) -> bool:
    return any(t.lemma in lemmas or t.text.lower() in lemmas for t in _clause_tokens(parse, trigger) if t.i != trigger.i)
