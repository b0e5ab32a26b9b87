"""The CAMEO coder: from a parsed sentence and its actor mentions to who-did-what-to-whom.

For each token that a pattern of the lexicon names (a verb such as "condemn", a noun such as
"summit"), the coder looks for the actors in the pattern's argument roles (subject, object,
prepositional objects, possessives, adjectives), follows control and coordination when a role is
empty ("X wants to attack Y", "X and Y signed"), turns passives around, and pairs every source
with every target. A sentence without an actor on both sides yields nothing: no guessing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

from .lexicon import Lexicon, Pattern
from .model import Mention
from .syntax import Parse, Token

SUBTYPES = {"agent", "poss", "pass", "relcl", "neg", "npmod"}
NAME_DEPS = {"compound", "amod", "flat", "flat:name", "flat:foreign", "appos", "nmod:poss", "fixed", "conj"}
LIST_CASES = {"of", "as", "including", "like", "such", "between", "among"}
INVOLVING = {"involve", "include", "feature", "target", "direct", "aim", "направить", "направленный"}
CONTROL_DEPS = {"xcomp", "conj", "advcl", "ccomp"}
CLIMB_DEPS = CONTROL_DEPS | {"acl", "nmod", "obj"}


@dataclass(frozen=True)
class Coded:
    """One coded act: the pattern that fired, its trigger, and one source-target pair."""

    pattern: Pattern
    trigger: Token
    source: Mention
    target: Mention | None
    source_token: Token
    target_token: Token | None


@dataclass
class Context:
    """What earlier sentences of the article leave for later ones: the last actor in subject position
    and the last actor quoted as speaking (who "we" is in a quote)."""

    last_subject: Mention | None = None
    last_speaker: Mention | None = None
    last_parties: list[Mention] = field(default_factory=list)  # two or more subject actors: "the two countries"


class ActorIndex:
    """Which actor mention (state or organisation) covers each token of a parse; tokens inside a
    source's name (media, groups) block the actors nested in them ("the American Institute")."""

    def __init__(self, parse: Parse, mentions: list[Mention], lexicon: Lexicon, context: Context,
                 speech_verbs: frozenset[str] = frozenset()):
        self.by_token: dict[int, Mention] = {}
        self.groups: dict[int, list[Mention]] = {}  # "the allies", "обе страны": the last parties named together
        self.blocked: set[int] = set()
        for mention in mentions:
            for token in parse.tokens:
                if token.start < mention.end and token.end > mention.start:
                    if mention.code is not None and mention.kind in ("state", "organisation"):
                        self.by_token.setdefault(token.i, mention)
                    elif mention.kind in ("media", "group"):
                        self.blocked.add(token.i)
        self._resolve_pronouns(parse, lexicon, context)
        self._resolve_first_person(parse, lexicon, context, speech_verbs)
        self._resolve_parties(parse, lexicon, context)

    def _resolve_pronouns(self, parse: Parse, lexicon: Lexicon, context: Context) -> None:
        """"he signed", "it said": the nearest earlier subject actor, in this sentence or the last one;
        "its invasion" (a possessive on an act): the nearest earlier actor of the sentence."""
        for token in parse.tokens:
            if token.pos not in ("PRON", "DET") or token.text.lower() not in lexicon.pronouns or token.i in self.by_token:
                continue
            possessive = token.dep == "nmod:poss" or token.pos == "DET"
            if possessive and not lexicon.lookup("noun", parse.tokens[token.head].lemma):
                continue
            earlier = [self.by_token[t.i] for t in parse.tokens[:token.i]
                       if t.i in self.by_token and (possessive or t.dep.startswith("nsubj"))]
            antecedent = earlier[-1] if earlier else (None if possessive else context.last_subject)
            if antecedent is not None:
                self.by_token[token.i] = antecedent

    def _resolve_first_person(self, parse: Parse, lexicon: Lexicon, context: Context, speech_verbs: frozenset[str]) -> None:
        """"«We warned Tehran», Blinken said": "we" in a quote is its speaker, or the last one quoted."""
        speakers = [self.by_token[t.i] for verb in parse.tokens if verb.lemma in speech_verbs
                    for t in parse.children(verb, "nsubj") if t.i in self.by_token]
        speaker = speakers[0] if speakers else context.last_speaker
        context.last_speaker = speaker
        for token in parse.tokens:
            if speaker is not None and token.pos == "PRON" and token.text.lower() in lexicon.first_person:
                self.by_token.setdefault(token.i, speaker)

    def _resolve_parties(self, parse: Parse, lexicon: Lexicon, context: Context) -> None:
        """"The allies also carried out a patrol": a plural noun for parties, as subject, names the
        actors that were subjects together before."""
        for token in parse.tokens:
            if token.dep.startswith("nsubj") and token.lemma in lexicon.party_nouns and len(context.last_parties) > 1:
                if not any(t.i in self.by_token for t in parse.subtree(token)):
                    self.groups[token.i] = list(context.last_parties)

    def at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)


def main_subject(parse: Parse, index: ActorIndex) -> Mention | None:
    """The first actor in subject position of a sentence: what "he", "it", "they" may refer to next."""
    for token in parse.tokens:
        if token.dep.startswith("nsubj") and token.pos != "PRON":
            found = actors_in(parse, token, index)
            if found:
                return found[0][0]
    return None


def subject_parties(parse: Parse, index: ActorIndex) -> list[Mention]:
    """The actors named together in the first subject that names two or more ("Chinese and Russian bombers")."""
    for token in parse.tokens:
        if token.dep.startswith("nsubj"):
            found = [mention for mention, _ in actors_in(parse, token, index)]
            if len(found) > 1:
                return found
    return []


def actors_in(parse: Parse, token: Token, index: ActorIndex, depth: int = 0) -> list[tuple[Mention, Token]]:
    """The actors a noun phrase names: its head, modifiers and coordinated heads; `of` phrases when nothing closer."""
    found = _name_actors(parse, token, index, set())
    if not found and depth < 2 and token.i not in index.blocked:
        for child in parse.children(token, "nmod", "iobj"):  # a noun's "iobj" is a misparsed complement
            if child.case in LIST_CASES | {"from"} or (child.case is None and child.feats.get("Case") in ("Gen", "Dat")):
                found += actors_in(parse, child, index, depth + 1)
        for clause in parse.children(token, "acl"):
            if clause.lemma in INVOLVING:
                found += [pair for obj in parse.children(clause, "obj") for pair in actors_in(parse, obj, index, depth + 1)]
    return _unique(found)


def _name_actors(parse: Parse, token: Token, index: ActorIndex, seen: set[int]) -> list[tuple[Mention, Token]]:
    if token.i in seen:
        return []
    seen.add(token.i)
    if token.i in index.blocked:  # a source's name: only its coordinated neighbours may be actors
        return [pair for child in parse.children(token, "conj") for pair in _name_actors(parse, child, index, seen)]
    mention = index.at(token)
    found = [(mention, token)] if mention else []
    found += [(party, token) for party in index.groups.get(token.i, ())]
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
    """Children of `trigger` filling `role` ("nsubj", "obj", "obl:to", "nmod:poss", "amod").

    A prepositional role also takes the object's prepositional phrase ("received missiles from X",
    "develop relations with X"), and a predicative adjective takes its copula's subject.
    """
    dep, _, prep = role.partition(":")
    if prep in SUBTYPES:
        dep, prep = role, ""
    if trigger.pos in ("VERB", "AUX", "ADJ") and is_passive(parse, trigger):
        dep = {"nsubj": "obl:agent", "obj": "nsubj:pass"}.get(dep, dep)
    holders = [trigger]
    if prep:
        objects = parse.children(trigger, "obj", "nsubj:pass") + [c for c in parse.children(trigger, "nmod") if c.case is None]
        holders += objects + [c for o in objects for c in parse.children(o, "conj")]
    tokens = []
    for holder in holders:
        for child in parse.children(holder):
            if dep == "obl:agent" and _is_agent(child, trigger):
                tokens.append(child)
            elif _fills(child, dep, prep, holder is trigger):
                tokens.append(child)
    head = parse.head(trigger)
    if not tokens and dep == "nsubj" and trigger.dep == "xcomp" and head is not None and head.pos == "AUX":
        tokens = parse.children(head, "nsubj")
    return tokens


def _fills(child: Token, dep: str, prep: str, direct: bool) -> bool:
    if dep == "iobj" and child.dep == "nmod" and child.case is None and child.feats.get("Case") == "Dat":
        return True  # Russian dative complement of a noun: "передача ракет России"
    if dep == "nmod" and child.feats.get("Case") == "Dat":
        return False
    if prep:
        return child.case == prep and (child.dep == dep or (not direct and child.dep == "nmod" and dep == "obl"))
    return child.dep == dep and (dep == "nmod:poss" or not _has_case(child, dep))


def _is_agent(child: Token, trigger: Token) -> bool:
    if child.dep == "obl:agent":
        return True
    return child.dep == "obl" and child.case is None and child.feats.get("Case") == "Ins" and trigger.feats.get("Voice") == "Pass"


def _has_case(child: Token, dep: str) -> bool:
    """Bare roles ("obj", "nmod") take only children without a preposition."""
    return dep in ("obl", "nmod") and child.case is not None


def fill(parse: Parse, trigger: Token, roles: tuple[str, ...], index: ActorIndex, climb: bool = True,
         first: bool = False) -> list[tuple[Mention, Token]]:
    """The actors in the given roles of `trigger` (with `first`, only those of the first role that
    names any: "supply weapons to Russia for the war in Ukraine" goes to Russia); an empty subject
    falls back to its controller."""
    found: list[tuple[Mention, Token]] = []
    for role in roles:
        for token in role_tokens(parse, trigger, role):
            found += actors_in(parse, token, index)
        if first and found:
            break
    if not found and climb and "nsubj" in roles and trigger.pos in ("VERB", "AUX", "ADJ"):
        found = controller_sources(parse, trigger, index)
    return _unique(found)


def controller_sources(parse: Parse, trigger: Token, index: ActorIndex, hops: int = 4) -> list[tuple[Mention, Token]]:
    """Who performs an act whose own subject is empty: the governing verb's subject ("X wants to
    attack", "X met ... and signed", "X continues attempts to build ...") or the governing noun's owner."""
    current = trigger
    for _ in range(hops):
        head = parse.head(current)
        if head is None or current.dep not in CLIMB_DEPS:
            return []
        if head.pos in ("VERB", "AUX", "ADJ") and _object_controls(current):
            found = fill(parse, head, ("obj",), index, climb=False) or fill(parse, head, ("nsubj", "obl:agent"), index, climb=False)
        elif head.pos in ("VERB", "AUX", "ADJ"):
            found = fill(parse, head, ("nsubj", "obl:agent"), index, climb=False)
        else:
            found = fill(parse, head, ("nmod:poss", "amod", "compound"), index, climb=False)
            found = found or (_agents_of_siblings(parse, head, current, index) if current.dep == "acl" else [])
        if found:
            return found
        current = head
    return []


def _object_controls(clause: Token) -> bool:
    """"urged China to behave", "accused Moscow of trying": the object of the governing verb is the
    subject of the embedded clause."""
    return clause.dep == "xcomp" or (clause.dep == "advcl" and clause.case in ("of", "from", "into", "against", "to", "в", "от"))


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


def purpose_targets(parse: Parse, trigger: Token, index: ActorIndex, roles: tuple[str, ...]) -> list[tuple[Mention, Token]]:
    """"sent troops to support Russia", "requested to meet with Kim": the embedded clause's target."""
    for clause in parse.children(trigger, "xcomp", "advcl"):
        found = fill(parse, clause, roles, index, first=True)
        if found:
            return found
    return []


ADDRESSED_ROOTS = ("02", "10")  # appeals and demands address someone: "demanded that X ..."


def demanded_of(parse: Parse, trigger: Token, pattern: Pattern, index: ActorIndex) -> list[tuple[Mention, Token]]:
    """"demanded that Russia withdraw", "призвали, чтобы Китай ...": who is asked is the clause's subject."""
    if pattern.code[:2] not in ADDRESSED_ROOTS:
        return []
    return [pair for clause in parse.children(trigger, "ccomp") for pair in fill(parse, clause, ("nsubj",), index, climb=False)]


def nominal_sources(parse: Parse, noun: Token, pattern: Pattern, index: ActorIndex) -> list[tuple[Mention, Token]]:
    """Who performs a nominal act: the light verb's subject, the owner of the governing noun, or the
    subject of the clause the noun sits in ("within a package of sanctions, the EU ...")."""
    verb = light_verb(parse, noun, pattern)
    if verb is not None:
        return fill(parse, verb, ("nsubj", "obl:agent"), index)
    head = parse.head(noun)
    if head is not None and head.pos == "NOUN" and noun.dep.startswith("nmod"):
        found = [pair for pair in fill(parse, head, ("nmod:poss", "amod", "nmod"), index) if pair[1].i != noun.i]
        if found:
            return found
    return clause_subject(parse, noun, index)


CLAUSE_CASES = {None, "в", "in", "within", "under", "as", "к", "toward", "towards"}


def clause_subject(parse: Parse, noun: Token, index: ActorIndex, any_case: bool = False) -> list[tuple[Mention, Token]]:
    """The subject of the verb a noun hangs from through genitive and "in/within" phrases ("в рамках
    пакета санкций ЕС ввел"); never through an object ("X condemned the sanctions on Y") nor a
    time phrase ("before the war"), except for meetings, whose participants are the clause's subject
    ("after a trilateral meeting, the ministers said")."""
    current = noun
    for _ in range(4):
        head = parse.head(current)
        dep = current.dep.split(":")[0]
        if head is None or dep not in ("nmod", "obl", "xcomp", "attr") or (not any_case and current.case not in CLAUSE_CASES):
            return []
        if head.pos in ("VERB", "AUX"):
            return fill(parse, head, ("nsubj",), index, climb=False)
        current = head
    return []


def clause_targets(parse: Parse, noun: Token, roles: tuple[str, ...], index: ActorIndex) -> list[tuple[Mention, Token]]:
    """Targets named by a participle hanging from a nominal act: "sanctions imposed on Russia"."""
    verb_roles = tuple(role.replace("nmod", "obl", 1) for role in roles)
    for clause in parse.children(noun, "acl"):
        found = fill(parse, clause, verb_roles, index, climb=False)
        if found:
            return found
    return []


def between_actors(parse: Parse, noun: Token, index: ActorIndex) -> list[tuple[Mention, Token]]:
    """The actors of "between/among ..." lists, through appositions ("consultations between A, the
    B diplomat in charge of Asia, C's envoy, and D")."""
    found = []
    stack = [c for c in parse.children(noun, "nmod") if c.case in ("between", "among", "между")]
    while stack:
        token = stack.pop()
        if index.at(token):
            found.append((index.at(token), token))
        stack += [c for c in parse.children(token) if c.dep in NAME_DEPS or (c.dep == "nmod" and c.case in ("of", "in"))]
    return sorted(found, key=lambda pair: pair[1].i)


def code_trigger(parse: Parse, trigger: Token, pattern: Pattern, index: ActorIndex, defaults: tuple[str, ...]) -> list[Coded]:
    """Every source-target pair one trigger yields under one pattern."""
    sources = fill(parse, trigger, pattern.source, index)
    targets = fill(parse, trigger, pattern.target, index, first=True)
    if pattern.pos == "noun":
        sources = sources or nominal_sources(parse, trigger, pattern, index)
        verb = light_verb(parse, trigger, pattern)
        if verb is not None and not targets:
            targets = fill(parse, verb, tuple(role.replace("nmod", "obl", 1) for role in pattern.target) + ("iobj",), index, climb=False)
        targets = targets or clause_targets(parse, trigger, pattern.target, index)
    else:
        targets = targets or purpose_targets(parse, trigger, index, defaults) or demanded_of(parse, trigger, pattern, index)
    if pattern.symmetric and pattern.pos == "noun":
        hosts = {pair[0].code for pair in fill(parse, trigger, ("nmod",), index) if pair[0].kind == "organisation"}
        everyone = _unique([p for p in sources + targets if p[0].code not in hosts] + between_actors(parse, trigger, index))
        if len(everyone) < 2:
            everyone = _unique(everyone + clause_subject(parse, trigger, index, any_case=True))
        return [_coded(pattern, trigger, a, b) for a, b in combinations(everyone, 2)]
    pairs = [(s, t) for s in sources for t in targets if s[0].code != t[0].code]
    if not pairs and pattern.symmetric and len(sources) > 1:
        pairs = list(combinations(sources, 2))
    return [_coded(pattern, trigger, s, t) for s, t in pairs]


def _coded(pattern: Pattern, trigger: Token, source: tuple[Mention, Token], target: tuple[Mention, Token]) -> Coded:
    return Coded(pattern, trigger, source[0], target[0], source[1], target[1])


def trigger_pos(token: Token) -> str | None:
    if token.pos in ("VERB", "AUX", "ADJ"):
        return "verb"
    if token.pos in ("NOUN", "PROPN"):
        return "noun"
    return None


def embedded(parse: Parse, token: Token, pattern: Pattern) -> list[int]:
    """Tokens in the clauses a fired verb governs by control or purpose: "requested to meet" is a
    request, not a meeting; "sent troops to support Russia" is one act of sending."""
    found = []
    for child in parse.children(token, "xcomp", "advcl", "ccomp"):
        demanded = child.dep == "ccomp" and pattern.code[:2] in ADDRESSED_ROOTS
        if demanded or child.dep == "xcomp" or any(c.lemma in ("to", "in order", "чтобы") for c in parse.children(child, "aux", "mark")):
            found += [t.i for t in parse.subtree(child)]
    return found


def under_modal_noun(parse: Parse, token: Token, lexicon: Lexicon) -> bool:
    """"the possibility of cooperation", "the option of ...", "ended without agreement": not an event."""
    head = parse.head(token)
    return (head is not None and head.lemma in lexicon.modal_nouns) or token.case in ("without", "без")


STATEMENT, ACCORD, PESSIMISM = "010", "019", "012"


def statement_tone(parse: Parse, clause: Token, tone: dict[str, frozenset[str]]) -> str:
    """A statement about trust or partnership expresses accord (019); one about threats is a
    pessimistic comment (012); anything else is a plain statement (010)."""
    lemmas = {t.lemma for t in parse.subtree(clause)}
    if lemmas & tone.get("accord", frozenset()):
        return ACCORD
    if lemmas & tone.get("pessimistic", frozenset()):
        return PESSIMISM
    return STATEMENT


def statement_acts(parse: Parse, index: ActorIndex, speech_verbs: frozenset[str], matched: set[int],
                   tone: dict[str, frozenset[str]]) -> list[Coded]:
    """"X said that Y ...": X makes a statement about Y (CAMEO 010), unless the clause names an act
    of its own (coded or not: "a negative assessment was expressed" is not a mere statement)."""
    found = []
    for verb in parse.tokens:
        if verb.lemma not in speech_verbs or verb.pos not in ("VERB", "AUX"):
            continue
        everyone = fill(parse, verb, ("nsubj",), index)
        addressees = fill(parse, verb, ("obj", "iobj"), index, climb=False)
        if addressees:  # "the US told Ukraine that ...": said to someone, whoever speaks
            pattern = Pattern(verb.lemma, "verb", STATEMENT, ("nsubj",), ("obj", "iobj"))
            found += [_coded(pattern, verb, s, t) for s in everyone for t in addressees if s[0].code != t[0].code]
            continue
        speakers = [pair for pair in everyone if (pair[0].entry or "").startswith("person:")]
        for clause in parse.children(verb, "ccomp", "parataxis"):
            inside = {t.i for t in parse.subtree(clause)}
            if not speakers or inside & matched:
                continue
            targets = fill(parse, clause, ("nsubj", "nsubj:pass"), index, climb=False)
            pattern = Pattern(verb.lemma, "verb", statement_tone(parse, clause, tone), ("nsubj",), ("ccomp",))
            found += [_coded(pattern, verb, s, t) for s in speakers for t in targets if s[0].code != t[0].code]
    return found


def code_parse(parse: Parse, mentions: list[Mention], lexicon: Lexicon, speech_verbs: frozenset[str] = frozenset(),
               context: Context | None = None) -> list[Coded]:
    """All coded acts of one sentence, in trigger order; `context` carries subjects across sentences."""
    context = context if context is not None else Context()
    index = ActorIndex(parse, mentions, lexicon, context, speech_verbs)
    context.last_subject = main_subject(parse, index) or context.last_subject
    parties = subject_parties(parse, index)
    context.last_parties = parties if len(parties) > 1 else context.last_parties
    named = list(index.by_token.values()) + [m for group in index.groups.values() for m in group]
    if len({m.code for m in named}) < 2:
        return []
    coded: list[Coded] = []
    consumed: set[int] = set()
    matched: set[int] = set()  # tokens a pattern recognised, whether or not it found both actors
    for token in parse.tokens:
        pos = trigger_pos(token)
        if pos is None or token.i in index.by_token or token.i in consumed or under_modal_noun(parse, token, lexicon):
            continue
        for pattern in lexicon.lookup(pos, token.lemma):
            if object_matches(parse, token, pattern) and particle_matches(parse, token, pattern):
                matched.add(token.i)
                found = code_trigger(parse, token, pattern, index, lexicon.verb_targets)
                if found:
                    coded += found
                    consumed.update(embedded(parse, token, pattern))
                    break
    return coded + statement_acts(parse, index, speech_verbs, matched, lexicon.tone)
