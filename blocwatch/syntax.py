"""Dependency parses in one shape for both languages.

English comes from spaCy (ClearNLP labels), Russian from natasha/slovnet (Universal Dependencies).
Both are turned into `Token`s with UD-style relations: a preposition becomes a `case` child of its
noun, and the noun hangs from the preposition's head as `obl` (under a verb) or `nmod` (under a
noun), with the preposition's lemma in `Token.case`. The event coder reads only this shape.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

from .model import Sentence
from .nlp import english_pipeline
from .settings import Settings


@dataclass
class Token:
    i: int
    text: str
    lemma: str
    pos: str  # UPOS: NOUN, PROPN, VERB, ADJ, ...
    dep: str  # UD relation: nsubj, nsubj:pass, obj, iobj, obl, obl:agent, nmod, nmod:poss, amod, ...
    head: int  # index of the head, itself for the root
    start: int  # character offsets in the article text
    end: int
    case: str | None = None  # preposition lemma for obl/nmod
    feats: dict[str, str] = field(default_factory=dict)
    children: list[int] = field(default_factory=list)


@dataclass
class Parse:
    sentence: Sentence
    tokens: list[Token]

    def children(self, token: Token, *deps: str) -> list[Token]:
        kids = [self.tokens[k] for k in token.children]
        return [kid for kid in kids if not deps or kid.dep in deps or kid.dep.split(":")[0] in deps]

    def head(self, token: Token) -> Token | None:
        return None if token.head == token.i else self.tokens[token.head]

    def subtree(self, token: Token) -> list[Token]:
        found, stack = [], [token]
        while stack:
            current = stack.pop()
            found.append(current)
            stack.extend(self.tokens[k] for k in current.children)
        return sorted(found, key=lambda t: t.i)


SPACY_DEPS = {
    "nsubj": "nsubj", "nsubjpass": "nsubj:pass", "csubj": "csubj", "dobj": "obj", "dative": "iobj",
    "attr": "attr", "poss": "nmod:poss", "compound": "compound", "amod": "amod", "conj": "conj",
    "cc": "cc", "ccomp": "ccomp", "xcomp": "xcomp", "advcl": "advcl", "relcl": "acl:relcl",
    "acl": "acl", "appos": "appos", "neg": "advmod:neg", "aux": "aux", "auxpass": "aux:pass",
    "advmod": "advmod", "det": "det", "nummod": "nummod", "npadvmod": "obl:npmod", "prep": "case",
    "agent": "case", "pcomp": "advcl", "pobj": "obl", "ROOT": "root", "mark": "mark", "punct": "punct",
    "case": "case", "nmod": "nmod", "oprd": "xcomp", "acomp": "xcomp", "parataxis": "parataxis",
}


def _spacy_tokens(doc, offset: int) -> list[Token]:
    tokens = [
        Token(t.i, t.text, t.lemma_.lower(), t.pos_, SPACY_DEPS.get(t.dep_, t.dep_), t.head.i,
              offset + t.idx, offset + t.idx + len(t.text))
        for t in doc
    ]
    for t in doc:
        if t.dep_ == "pobj" and (t.head.dep_ in ("prep", "agent") or t.head.pos_ == "ADP") and t.head.head.i != t.head.i:
            _lift_prepositional_object(tokens, t.i, t.head.i, t.head.head, agent=t.head.dep_ == "agent")
        elif t.dep_ == "pcomp" and t.head.dep_ == "prep":
            tokens[t.i].head, tokens[t.i].case = t.head.head.i, t.head.lemma_.lower()
            tokens[t.head.i].head = t.i
    return tokens


def _lift_prepositional_object(tokens: list[Token], noun: int, prep: int, governor, agent: bool) -> None:
    """Make `noun` an obl/nmod of the preposition's governor and the preposition its case marker."""
    token = tokens[noun]
    token.head = governor.i
    token.case = "by" if agent else tokens[prep].lemma
    nominal = governor.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
    token.dep = "nmod" if nominal else ("obl:agent" if agent else "obl")
    tokens[prep].head, tokens[prep].dep = noun, "case"


def _link_children(tokens: list[Token]) -> list[Token]:
    for token in tokens:
        token.children = []
    for token in tokens:
        if token.head != token.i:
            tokens[token.head].children.append(token.i)
    return tokens


def parse_sentences(sentences: Sequence[Sentence], language: str, settings: Settings) -> list[Parse]:
    """Parse each sentence, in batches; offsets refer to the article text."""
    if not sentences:
        return []
    if language == "ru":
        return _parse_russian(sentences)
    nlp = english_pipeline(settings)
    skip = [name for name in nlp.pipe_names if name == "ner"]  # the parse needs no entities
    docs = nlp.pipe((s.text for s in sentences), batch_size=64, disable=skip)
    return [Parse(s, _link_children(_spacy_tokens(doc, s.start))) for s, doc in zip(sentences, docs)]


@lru_cache(maxsize=1)
def _russian_tools():
    from natasha import MorphVocab, NewsMorphTagger, NewsSyntaxParser

    from .nlp import russian_embedding

    embedding = russian_embedding()
    return NewsMorphTagger(embedding), NewsSyntaxParser(embedding), MorphVocab()


def _parse_russian(sentences: Sequence[Sentence]) -> list[Parse]:
    """razdel tokens, then slovnet's morphology and syntax over all sentences in one batch each."""
    from razdel import tokenize

    morph, syntax, vocabulary = _russian_tools()
    words = [list(tokenize(sentence.text)) for sentence in sentences]
    chunks = [[word.text for word in sentence_words] for sentence_words in words]
    morphs, syntaxes = list(morph.map(chunks)), list(syntax.map(chunks))
    return [
        Parse(sentence, _link_children(_russian_tokens(sentence, found, tagged.tokens, parsed.tokens, vocabulary)))
        for sentence, found, tagged, parsed in zip(sentences, words, morphs, syntaxes)
    ]


def _russian_tokens(sentence: Sentence, words, tagged, parsed, vocabulary) -> list[Token]:
    tokens = []
    for k, (word, morph, syntax) in enumerate(zip(words, tagged, parsed)):
        head = int(syntax.head_id) - 1
        lemma = vocabulary.lemmatize(word.text, morph.pos, morph.feats or {}) or word.text
        tokens.append(Token(k, word.text, lemma.lower(), morph.pos, syntax.rel, head if head >= 0 else k,
                            sentence.start + word.start, sentence.start + word.stop, feats=dict(morph.feats or {})))
    for token in tokens:
        if token.dep == "case" and token.head != token.i:
            governor = tokens[token.head]
            governor.case = governor.case or token.lemma
    return tokens
