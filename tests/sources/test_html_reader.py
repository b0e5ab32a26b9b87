"""The HTML reader and extraction of a real page wrapping a seed in navigation and a footer."""

from __future__ import annotations

from pathlib import Path

import pytest

from blocwatch.model import Article, RawDocument
from blocwatch.settings import Settings
from blocwatch.sources import read_paths
from blocwatch.stages.extract import extract

PAGE = Path(__file__).resolve().parent.parent / "data" / "html" / "rconews.example.russia-east-asia.html"


@pytest.fixture(scope="module")
def page_article() -> Article:
    (document,) = read_paths([str(PAGE)], Settings())
    return extract(document, Settings())


def test_html_reader_yields_the_page_markup() -> None:
    (document,) = read_paths([str(PAGE)], Settings())
    assert isinstance(document, RawDocument)
    assert document.id == "rconews.example.russia-east-asia"
    assert document.html is not None and document.html.startswith("<!DOCTYPE html>")


def test_html_extract_keeps_the_article_text(page_article: Article) -> None:
    assert "Kim Jong-un and Putin signed a mutual defense treaty" in page_article.text
    assert page_article.text.startswith("The Financial Times claimed that Russia is planning an attack on East Asia\n")


def test_html_extract_drops_navigation_aside_footer_and_script(page_article: Article) -> None:
    for boilerplate in ("Contact us", "Most read", "Oil prices rise", "All rights reserved", "Privacy policy", "analytics", "Newsletter"):
        assert boilerplate not in page_article.text


def test_html_extract_reads_the_metadata(page_article: Article) -> None:
    assert page_article.title == "The Financial Times claimed that Russia is planning an attack on East Asia"
    assert page_article.published == "2025-01-02"
    assert page_article.site == "RCO News"
    assert page_article.author == "RCO News Desk"
    assert page_article.url == "https://rconews.example/en/news/russia-east-asia-plan"


def test_html_reader_decodes_a_declared_legacy_charset(tmp_path: Path) -> None:
    path = tmp_path / "cp1251.html"
    body = "<html><head><meta charset='windows-1251'></head><body><p>Россия и Китай провели переговоры.</p></body></html>"
    path.write_bytes(body.encode("cp1251"))
    (document,) = read_paths([str(path)], Settings())
    assert "Россия и Китай" in document.html
