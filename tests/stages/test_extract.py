"""Extraction: RawDocument -> Article with normalised text and a title."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings as hypothesis_settings, strategies as st

from blocwatch.errors import InputError
from blocwatch.model import Article, RawDocument
from blocwatch.pipeline import build
from blocwatch.settings import Settings
from blocwatch.stages.extract import extract, normalise_text


def document(text: str | None = None, html: str | None = None, **fields: str) -> RawDocument:
    return RawDocument(id="t", origin="t.txt", text=text, html=html, **fields)


def test_extract_title_is_the_first_non_empty_line_and_stays_in_the_text(seed_paths: list[Path]) -> None:
    article = extract(document(seed_paths[0].read_text(encoding="utf-8")), Settings())
    assert article.title == "The Financial Times claimed that Russia is planning an attack on East Asia"
    assert article.text.startswith(article.title + "\n")
    assert article.raw_text == article.text


def test_extract_normalises_newlines_and_trailing_spaces() -> None:
    article = extract(document("\n\n  Title \r\nBody line.\u00a0 \rNext line.\t\n\n"), Settings())
    assert article.text == "  Title\nBody line.\nNext line."
    assert article.title == "Title"


def test_extract_removes_control_characters_and_composes_unicode() -> None:
    assert normalise_text("Nul\x00 byte and e\u0301 and \x1bescape") == "Nul byte and \u00e9 and escape"


def test_extract_makes_spaces_plain_and_drops_invisible_characters() -> None:
    assert normalise_text("South\u00a0Korea and Rus\u00adsia\u200b met\u202fin\u2009Seoul.") == "South Korea and Russia met in Seoul."


def test_extract_puts_a_separate_title_in_front_of_the_text() -> None:
    article = extract(document("Japan and Korea met in Tokyo.", title="  Talks  in Tokyo "), Settings())
    assert article.text == "Talks in Tokyo\nJapan and Korea met in Tokyo."
    assert article.title == "Talks in Tokyo"


def test_extract_does_not_repeat_a_title_the_text_starts_with() -> None:
    article = extract(document("Talks in Tokyo\nJapan and Korea met.", title="Talks in Tokyo"), Settings())
    assert article.text == "Talks in Tokyo\nJapan and Korea met."


def test_extract_keeps_reader_metadata() -> None:
    raw = document("Body.", url="https://x.example/1", published="2024-01-02", site="X", author="Y")
    article = extract(raw, Settings())
    assert (article.url, article.published, article.site, article.author) == ("https://x.example/1", "2024-01-02", "X", "Y")


def test_extract_html_fragment_falls_back_to_paragraph_text() -> None:
    article = extract(document(html="<p>Russia and China held naval drills.</p>", title="Drills"), Settings())
    assert article.text == "Drills\nRussia and China held naval drills."


@pytest.mark.parametrize(
    "raw",
    [document("   \n\t\n"), document(html="<html><body><script>var x = 1;</script></body></html>"), document(html=""), document()],
)
def test_extract_rejects_documents_without_text(raw: RawDocument) -> None:
    with pytest.raises(InputError):
        extract(raw, Settings())


@hypothesis_settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.booleans())
def test_extract_and_first_stages_only_ever_reject_arbitrary_input(text: str, as_html: bool) -> None:
    pipeline = build(Settings(), ("clean", "language", "sentences"))
    raw = RawDocument(id="h", origin="h", html=text) if as_html else RawDocument(id="h", origin="h", text=text)
    result = pipeline(raw)  # an InputError becomes a Rejection; anything else would raise here
    if isinstance(result, Article):
        assert all(result.text[s.start:s.end] == s.text for s in result.sentences)


@pytest.mark.parametrize(
    ("found", "iso"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T10:00:00+03:00", "2024-03-05"),
        ("2024-03", "2024-03"),
        ("Tue, 12 Mar 2024 10:15:00 GMT", "2024-03-12"),
        ("12.03.2024", "2024-03-12"),
        ("2024-13-45", None),
        ("last Tuesday", None),
        ("", None),
    ],
)
def test_extract_publication_dates_become_iso_dates(found: str, iso: str | None) -> None:
    assert extract(document("Body.", published=found), Settings()).published == iso
