"""Sentence segmentation for English and Russian, keeping offsets into the cleaned text.

razdel splits each paragraph (a sentence never crosses a blank line); breaks razdel makes right
after an abbreviation or an initial listed in `lang/<language>/sentences.yaml` are undone
("Gen. Milley", "V. Putin", "в 2023 г. Министерство"), and a piece without letters or digits (a
stray '".' after a closing quote) joins the sentence before it. Each sentence carries its
paragraph's language.
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


@dataclass(frozen=True)
class Abbreviations:
    """Tokens after which a sentence does not end."""

    tokens: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]

    def ends_with_one(self, text: str) -> bool:
        """Whether the last token of `text` is an abbreviation or an initial."""
        parts = text.rsplit(None, 1)
        if not parts:
            return False
        last = parts[-1].lstrip("(«“\"'")
        return last in self.tokens or any(pattern.match(last) for pattern in self.patterns)


@lru_cache(maxsize=16)
def abbreviations(language: str | None, fallback: tuple[str, ...]) -> Abbreviations:
    """The abbreviations of `language`, or of every `fallback` language when it is unknown."""
    languages = (language,) if language in fallback else fallback
    tokens: set[str] = set()
    patterns: list[re.Pattern[str]] = []
    for name in languages:
        data = load_language_data(name, "sentences")
        tokens.update(str(token) for token in data.get("abbreviations", ()))
        patterns.extend(re.compile(pattern) for pattern in data.get("patterns", ()))
    return Abbreviations(frozenset(tokens), tuple(patterns))


def split_paragraph(text: str, known: Abbreviations) -> list[tuple[int, int]]:
    """Sentence offsets within one paragraph; breaks after abbreviations and before stray punctuation undone."""
    spans: list[tuple[int, int]] = []
    for piece in sentenize(text):
        stray = not any(character.isalnum() for character in piece.text)  # a lone '".' after a quote
        if spans and (stray or known.ends_with_one(text[spans[-1][0]:spans[-1][1]])):
            spans[-1] = (spans[-1][0], piece.stop)
        else:
            spans.append((piece.start, piece.stop))
    return spans


def language_at(spans: tuple[ParagraphLanguage, ...], start: int, default: str | None) -> str | None:
    """The language of the paragraph starting at `start`, else the article's."""
    for span in spans:
        if span.start == start:
            return span.language or default
    return default


@stage("sentences", requires=("text",), provides=("sentences",))
def split_sentences(article: Article, settings: Settings) -> Article:
    """The article with its sentences, each a verbatim slice of the cleaned text."""
    sentences: list[Sentence] = []
    for start, end in paragraphs(article.text):
        language = language_at(article.paragraph_languages, start, article.language)
        known = abbreviations(language, tuple(settings.languages))
        for first, last in split_paragraph(article.text[start:end], known):
            sentences.append(Sentence(start + first, start + last, article.text[start + first:start + last], language))
    return replace(article, sentences=tuple(sentences))
