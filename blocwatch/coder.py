"""The CAMEO coder: from a parsed sentence and its actor mentions to who-did-what-to-whom.

For each token that a pattern of the lexicon names (a verb such as "condemn", a noun such as
"summit"), the coder looks for the actors in the pattern's argument roles (subject, object,
prepositional objects, possessives, adjectives), follows control and coordination when a role is
empty ("X wants to attack Y", "X and Y signed"), turns passives around, and pairs every source
with every target. A sentence without an actor on both sides yields nothing: no guessing.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from .lexicon import Lexicon, Pattern
from .model import Mention
from .syntax import Parse, Token

SUBTYPES = {"agent", "poss", "pass", "relcl", "neg", "npmod"}
NAME_DEPS = {"compound", "amod", "flat", "flat:name", "flat:foreign", "appos", "nmod:poss", "fixed", "conj"}
LIST_CASES = {"of", "as", "including", "like", "such", "between", "among"}
CONTROL_DEPS = {"xcomp", "conj", "advcl", "ccomp"}


@dataclass(frozen=True)
class Coded:
    """One coded act: the pattern that fired, its trigger, and one source-target pair."""

    pattern: Pattern
    trigger: Token
    source: Mention
    target: Mention | None
    source_token: Token
    target_token: Token | None


class ActorIndex:
    """Which actor mention (state or organisation) covers each token of a parse."""

    def __init__(self, parse: Parse, mentions: list[Mention]):
        self.by_token: dict[int, Mention] = {}
        for mention in mentions:
            for token in parse.tokens:
                if token.start < mention.end and token.end > mention.start:
                    self.by_token.setdefault(token.i, mention)

    def at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)


def actors_in(parse: Parse, token: Token, index: ActorIndex, depth: int = 0) -> list[tuple[Mention, Token]]:
    """The actors a noun phrase names: its head, modifiers and coordinated heads; `of` phrases when nothing closer."""
    found = _name_actors(parse, token, index, set())
    if not found and depth < 2:
        for child in parse.children(token, "nmod"):
            if child.case in LIST_CASES or (child.case is None and child.feats.get("Case") == "Gen"):
                found += actors_in(parse, child, index, depth + 1)
    return _unique(found)


def _name_actors(parse: Parse, token: Token, index: ActorIndex, seen: set[int]) -> list[tuple[Mention, Token]]:
    if token.i in seen:
        return []
    seen.add(token.i)
    mention = index.at(token)
    found = [(mention, token)] if mention else []
    for child in parse.children(token):
        if child.dep in NAME_DEPS or (child.dep == "nmod" and child.case in LIST_CASES - {"of"}):
            found += _name_actors(parse, child, index, seen)
    return found


def _unique(pairs: list[tuple[Mention, Token]]) -> list[tuple[Mention, Token]]:
    seen, unique = set(), []
    for mention, token in pairs:
        if mention.code not in seen:
            seen.add(mention.code)
            unique.append((mention, token))
    return unique


def is_passive(parse: Parse, trigger: Token) -> bool:
    if trigger.feats.get("Voice") == "Pass":
        return True
    return any(child.dep in ("nsubj:pass", "aux:pass") for child in parse.children(trigger))


def role_tokens(parse: Parse, trigger: Token, role: str) -> list[Token]:
    """Children of `trigger` filling `role` ("nsubj", "obj", "obl:to", "nmod:poss", "amod")."""
    dep, _, prep = role.partition(":")
    if prep in SUBTYPES:
        dep, prep = role, ""
    if trigger.pos in ("VERB", "AUX", "ADJ") and is_passive(parse, trigger):
        dep = {"nsubj": "obl:agent", "obj": "nsubj:pass"}.get(dep, dep)
    tokens = []
    for child in parse.children(trigger):
        if dep == "obl:agent" and _is_agent(child, trigger):
            tokens.append(child)
        elif child.dep == dep and (not prep or child.case == prep) and (prep or dep == "nmod:poss" or not _has_case(child, dep)):
            tokens.append(child)
    return tokens


def _is_agent(child: Token, trigger: Token) -> bool:
    if child.dep == "obl:agent":
        return True
    return child.dep == "obl" and child.case is None and child.feats.get("Case") == "Ins" and trigger.feats.get("Voice") == "Pass"


def _has_case(child: Token, dep: str) -> bool:
    """Bare roles ("obj", "nmod") take only children without a preposition."""
    return dep in ("obl", "nmod") and child.case is not None


def fill(parse: Parse, trigger: Token, roles: tuple[str, ...], index: ActorIndex) -> list[tuple[Mention, Token]]:
    found: list[tuple[Mention, Token]] = []
    for role in roles:
        for token in role_tokens(parse, trigger, role):
            found += actors_in(parse, token, index)
    return _unique(found)


def controller_sources(parse: Parse, trigger: Token, index: ActorIndex, hops: int = 3) -> list[tuple[Mention, Token]]:
    """Subject of the governing verb ("X wants to attack", "X met ... and signed") or owner of the governing noun."""
    current = trigger
    for _ in range(hops):
        head = parse.head(current)
        if head is None:
            return []
        if current.dep in CONTROL_DEPS and head.pos in ("VERB", "AUX", "ADJ"):
            found = fill(parse, head, ("nsubj", "obl:agent"), index)
            if found:
                return found
        elif current.dep == "acl" and head.pos in ("NOUN", "PROPN"):
            return fill(parse, head, ("nmod:poss", "amod", "compound"), index) or _agents_of_siblings(parse, head, current, index)
        elif current.dep not in CONTROL_DEPS:
            return []
        current = head
    return []


def _agents_of_siblings(parse: Parse, noun: Token, skip: Token, index: ActorIndex) -> list[tuple[Mention, Token]]:
    """"a resolution introduced by X ... condemning Y": the resolution's author condemns."""
    for sibling in parse.children(noun, "acl"):
        if sibling.i != skip.i:
            found = fill(parse, sibling, ("obl:agent",), index)
            if found:
                return found
    return []


def light_verb(parse: Parse, noun: Token, pattern: Pattern) -> Token | None:
    """The verb lending a nominal trigger its subject ("impose sanctions", "использовали право вето")."""
    head = parse.head(noun)
    if head is not None and head.pos in ("NOUN",) and noun.dep.startswith("nmod"):
        head = parse.head(head)
    if head is not None and head.lemma in pattern.light and head.pos in ("VERB", "AUX"):
        return head
    return None


def object_matches(parse: Parse, trigger: Token, pattern: Pattern) -> bool:
    if not pattern.object:
        return True
    return bool(pattern.object & _object_lemmas(parse, trigger))


def _object_lemmas(parse: Parse, trigger: Token) -> set[str]:
    lemmas = set()
    frontier = [child for child in parse.children(trigger) if child.dep in ("obj", "obl", "nmod", "amod", "compound", "iobj", "nsubj:pass", "xcomp")]
    head = parse.head(trigger)
    if trigger.pos == "NOUN" and head is not None:
        frontier.append(head)  # "joint patrol": the noun itself may be the modifier
    for _ in range(2):
        next_frontier = []
        for token in frontier:
            lemmas.add(token.lemma)
            next_frontier += [c for c in parse.children(token) if c.dep in ("conj", "nmod", "compound", "amod")]
        frontier = next_frontier
    return lemmas


def particle_matches(parse: Parse, trigger: Token, pattern: Pattern) -> bool:
    if not pattern.particle:
        return True
    return any(child.case in pattern.particle or child.lemma in pattern.particle for child in parse.children(trigger))


def purpose_targets(parse: Parse, trigger: Token, index: ActorIndex) -> list[tuple[Mention, Token]]:
    """"sent troops to support Russia", "consider supplying weapons to Russia": the clause's object."""
    for clause in parse.children(trigger, "xcomp", "advcl"):
        found = fill(parse, clause, ("obj", "iobj", "obl:to", "obl:for"), index)
        if found:
            return found
    return []


def code_trigger(parse: Parse, trigger: Token, pattern: Pattern, index: ActorIndex) -> list[Coded]:
    """Every source-target pair one trigger yields under one pattern."""
    sources = fill(parse, trigger, pattern.source, index)
    targets = fill(parse, trigger, pattern.target, index)
    if pattern.pos == "noun":
        verb = light_verb(parse, trigger, pattern)
        if verb is not None and not sources:
            sources = fill(parse, verb, ("nsubj", "obl:agent"), index) or controller_sources(parse, verb, index)
        if verb is not None and not targets:
            targets = [pair for pair in fill(parse, verb, ("obl:on", "obl:against", "obl:to", "obl:with", "iobj"), index)]
    elif not sources:
        sources = controller_sources(parse, trigger, index)
    if not targets and pattern.pos == "verb":
        targets = purpose_targets(parse, trigger, index)
    if pattern.symmetric and pattern.pos == "noun":
        between = fill(parse, trigger, ("nmod:between", "nmod:among"), index)
        everyone = _unique(sources + targets + between)
        return [_coded(pattern, trigger, a, b) for a, b in combinations(everyone, 2)]
    pairs = [(s, t) for s in sources for t in targets if s[0].code != t[0].code]
    if not pairs and pattern.symmetric and len(sources) > 1:
        pairs = list(combinations(sources, 2))
    return [_coded(pattern, trigger, s, t) for s, t in pairs]


def _coded(pattern: Pattern, trigger: Token, source: tuple[Mention, Token], target: tuple[Mention, Token]) -> Coded:
    return Coded(pattern, trigger, source[0], target[0], source[1], target[1])


def trigger_pos(token: Token) -> str | None:
    if token.pos in ("VERB", "AUX"):
        return "verb"
    if token.pos in ("NOUN", "PROPN"):
        return "noun"
    return None


def code_parse(parse: Parse, mentions: list[Mention], lexicon: Lexicon) -> list[Coded]:
    """All coded acts of one sentence, in trigger order."""
    index = ActorIndex(parse, mentions)
    if len({m.code for m in index.by_token.values()}) < 2:
        return []
    coded: list[Coded] = []
    for token in parse.tokens:
        pos = trigger_pos(token)
        if pos is None or token.i in index.by_token:
            continue
        for pattern in lexicon.lookup(pos, token.lemma):
            if object_matches(parse, token, pattern) and particle_matches(parse, token, pattern):
                found = code_trigger(parse, token, pattern, index)
                coded += found
                if found:
                    break
    return coded
