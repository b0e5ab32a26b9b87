"""Language of each paragraph and of the article, with lingua limited to `settings.languages`.

The detector is built once per process for each tuple of languages (loading every lingua model
costs over a gigabyte, so only the configured languages are loaded). The article's language is the
one that covers most letters over its paragraphs. With a single configured language there is
nothing to choose: every paragraph gets it.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator

from ..errors import PipelineError
from ..model import Article, ParagraphLanguage
from ..pipeline import stage
from ..settings import Settings

if TYPE_CHECKING:
    from lingua import LanguageDetector

PARAGRAPH_SEPARATOR = "\n\n"
# lingua is sure long before this many characters; longer paragraphs are judged by their start.
DETECTION_CHARACTERS = 2000


@lru_cache(maxsize=8)
def detector(languages: tuple[str, ...]) -> "LanguageDetector":
    """A lingua detector for exactly these ISO 639-1 codes (built once per tuple)."""
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = []
    for language in languages:
        try:
            codes.append(IsoCode639_1.from_str(language))
        except ValueError as error:
            raise PipelineError(f"unknown language {language!r} in the languages setting; use ISO 639-1 codes such as en,ru") from error
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Start and end offsets of each paragraph (separated by a blank line) of `text`."""
    start = 0
    while start <= len(text):
        end = text.find(PARAGRAPH_SEPARATOR, start)
        end = len(text) if end < 0 else end
        if end > start:
            yield start, end
        start = end + len(PARAGRAPH_SEPARATOR)


def letter_count(text: str) -> int:
    return sum(1 for character in text if character.isalpha())


def detect(text: str, languages: tuple[str, ...]) -> str | None:
    """ISO 639-1 code of `text` among `languages`, or None when it has no letters."""
    if not languages or letter_count(text) == 0:
        return None
    if len(languages) == 1:
        return languages[0]
    found = detector(languages).detect_language_of(text[:DETECTION_CHARACTERS])
    return found.iso_code_639_1.name.lower() if found is not None else None


def main_language(spans: tuple[ParagraphLanguage, ...], text: str) -> str | None:
    """The language that covers most letters over the paragraphs."""
    weights: dict[str, int] = {}
    for span in spans:
        if span.language is not None:
            weights[span.language] = weights.get(span.language, 0) + letter_count(text[span.start:span.end])
    return max(weights, key=weights.__getitem__) if weights else None


@stage("language", requires=("text",), provides=("language", "paragraph_languages"))
def detect_language(article: Article, settings: Settings) -> Article:
    """The article with its language and the language of each paragraph."""
    languages = tuple(settings.languages)
    spans = tuple(ParagraphLanguage(start, end, detect(article.text[start:end], languages)) for start, end in paragraphs(article.text))
    return replace(article, language=main_language(spans, article.text), paragraph_languages=spans)
