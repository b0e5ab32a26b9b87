"""Sentence segmentation for English and Russian, keeping offsets into the cleaned text.

razdel splits each paragraph (a sentence never crosses a blank line); breaks razdel makes right
after an abbreviation or an initial listed in `lang/<language>/sentences.yaml` are undone
("Gen. Milley", "V. Putin", "в 2023 г. Министерство") unless the next word is one that starts
sentences ("He", "The", "Он"), after which a break is made even where razdel saw none ("... works
for the U.S. His brother ..."). A piece without letters or digits (a stray '".' after a closing
quote) joins the sentence before it. Each sentence carries its paragraph's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from razdel import sentenize

from ..lang import load_language_data
from ..model import Article, ParagraphLanguage, Sentence
from ..pipeline import stage
from ..settings import Settings
from .language import paragraphs


OPENING = "(«“\"'„"
# Only from the start of a token (the lookbehind): from anywhere, a long token would cost O(n²).
TOKEN_AND_NEXT = re.compile(r"(?<!\S)(\S+)\s+(?=(\S+))")


@dataclass(frozen=True)
class Abbreviations:
    """Tokens after which a sentence does not end, and words that start a sentence even after one.

    `titles` (and tokens matching `patterns`: initials) never end a sentence; `tokens` end one only
    when a sentence starter follows.
    """

    tokens: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]
    starters: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()

    def is_title(self, token: str) -> bool:
        """Whether `token` never ends a sentence (a title or an initial)."""
        token = token.lstrip(OPENING)
        return token in self.titles or any(pattern.match(token) for pattern in self.patterns)

    def is_abbreviation(self, token: str) -> bool:
        """Whether `token` is any listed abbreviation, title or initial."""
        return token.lstrip(OPENING) in self.tokens or self.is_title(token)

    def ends_with_one(self, text: str) -> bool:
        """Whether the last token of `text` is an abbreviation, a title or an initial."""
        parts = text.rsplit(None, 1)
        return bool(parts) and self.is_abbreviation(parts[-1])

    def ends_with_title(self, text: str) -> bool:
        parts = text.rsplit(None, 1)
        return bool(parts) and self.is_title(parts[-1])

    def starts_sentence(self, text: str) -> bool:
        """Whether `text` begins with a word that starts sentences ("He", "The", "Он")."""
        parts = text.split(None, 1)
        return bool(parts) and parts[0].lstrip(OPENING).rstrip(",:;") in self.starters


@lru_cache(maxsize=16)
def abbreviations(language: str | None, fallback: tuple[str, ...]) -> Abbreviations:
    """The abbreviations of `language`, or of every `fallback` language when it is unknown."""
    languages = (language,) if language in fallback else fallback
    found: dict[str, set[str]] = {"abbreviations": set(), "starters": set(), "titles": set()}
    patterns: list[re.Pattern[str]] = []
    for name in languages:
        data = load_language_data(name, "sentences")
        for key, values in found.items():
            values.update(str(value) for value in data.get(key, ()))
        patterns.extend(re.compile(pattern) for pattern in data.get("patterns", ()))
    return Abbreviations(frozenset(found["abbreviations"]), tuple(patterns), frozenset(found["starters"]), frozenset(found["titles"]))


def split_after_abbreviations(text: str, start: int, stop: int, known: Abbreviations) -> list[tuple[int, int]]:
    """Split `text[start:stop]` where an abbreviation ends a sentence ("... the U.S. He said")."""
    spans, begin = [], start
    for found in TOKEN_AND_NEXT.finditer(text, start, stop):
        token, following = found.group(1), found.group(2)
        if token.endswith(".") and token.lstrip(OPENING) in known.tokens and known.starts_sentence(following):
            spans.append((begin, found.start(1) + len(token)))
            begin = found.end()
    spans.append((begin, stop))
    return spans


def last_token(text: str, start: int, end: int) -> str:
    """The last whitespace-separated token of `text[start:end]`, found without copying the span."""
    while end > start and text[end - 1].isspace():
        end -= 1
    begin = end
    while begin > start and not text[begin - 1].isspace():
        begin -= 1
    return text[begin:end]


def split_paragraph(text: str, known: Abbreviations) -> list[tuple[int, int]]:
    """Sentence offsets within one paragraph.

    razdel's breaks after abbreviations and before stray punctuation are undone, unless the next
    piece starts with a sentence starter; a break razdel missed after an abbreviation followed by a
    sentence starter is made.
    """
    spans: list[tuple[int, int]] = []
    for piece in sentenize(text):
        stray = not any(character.isalnum() for character in piece.text)  # a lone '".' after a quote
        previous = last_token(text, *spans[-1]) if spans else ""
        undo = known.ends_with_title(previous) or (known.ends_with_one(previous) and not known.starts_sentence(piece.text))
        if spans and (stray or undo):
            spans[-1] = (spans[-1][0], piece.stop)
        else:
            spans.append((piece.start, piece.stop))
    return [part for begin, end in spans for part in split_after_abbreviations(text, begin, end, known)]


def paragraph_language_map(spans: tuple[ParagraphLanguage, ...]) -> dict[int, str | None]:
    """Paragraph start offset -> its language."""
    return {span.start: span.language for span in spans}


@stage("sentences", requires=("text",), provides=("sentences",))
def split_sentences(article: Article, settings: Settings) -> Article:
    """The article with its sentences, each a verbatim slice of the cleaned text."""
    sentences: list[Sentence] = []
    languages = paragraph_language_map(article.paragraph_languages)
    for start, end in paragraphs(article.text):
        language = languages.get(start) or article.language
        known = abbreviations(language, tuple(settings.languages))
        for first, last in split_paragraph(article.text[start:end], known):
            sentences.append(Sentence(start + first, start + last, article.text[start + first:start + last], language))
    return replace(article, sentences=tuple(sentences))
