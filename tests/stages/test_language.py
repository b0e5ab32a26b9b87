"""Language detection of articles and paragraphs, limited to the configured languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from blocwatch.errors import PipelineError
from blocwatch.model import Article, RawDocument
from blocwatch.pipeline import build
from blocwatch.settings import Settings
from blocwatch.stages.language import detect, detect_language, detector, paragraphs


def test_language_of_the_seeds(seed_paths: list[Path]) -> None:
    pipeline = build(Settings(), ("clean", "language"))
    languages = [pipeline(RawDocument(id=p.stem, origin=str(p), text=p.read_text(encoding="utf-8"))).language for p in seed_paths]
    assert languages == ["en", "en", "en", "en", "ru"]


def test_language_of_each_paragraph_in_a_mixed_article() -> None:
    text = "Russia and China held talks in Moscow on Monday.\n\nПереговоры прошли в Москве в понедельник.\n\nThe talks ended."
    article = detect_language(Article(id="m", origin="m", text=text), Settings())
    assert [span.language for span in article.paragraph_languages] == ["en", "ru", "en"]
    assert [text[span.start:span.end] for span in article.paragraph_languages] == text.split("\n\n")
    assert article.language == "en"


def test_language_main_language_is_weighted_by_letters() -> None:
    text = "Short English title\n\n" + "Россия и Китай провели переговоры в Москве. " * 10
    assert detect_language(Article(id="w", origin="w", text=text), Settings()).language == "ru"


def test_language_paragraph_without_letters_has_none() -> None:
    article = detect_language(Article(id="n", origin="n", text="Talks in Moscow.\n\n2024 — 12:30"), Settings())
    assert [span.language for span in article.paragraph_languages] == ["en", None]


def test_language_single_configured_language_needs_no_detector() -> None:
    assert detect("Россия и Китай", ("en",)) == "en"


def test_language_detector_is_built_once_per_language_tuple() -> None:
    assert detector(("en", "ru")) is detector(("en", "ru"))


def test_language_unknown_code_says_what_to_use() -> None:
    with pytest.raises(PipelineError, match="ISO 639-1"):
        detector(("en", "klingon"))


def test_language_paragraphs_splits_on_blank_lines_only() -> None:
    assert list(paragraphs("a\nb\n\nc")) == [(0, 3), (5, 6)]
