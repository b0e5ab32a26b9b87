"""Sentence segmentation with offsets into the cleaned text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings as hypothesis_settings, strategies as st

from blocwatch.model import Article, RawDocument
from blocwatch.pipeline import build
from blocwatch.settings import Settings
from blocwatch.stages.language import detect_language
from blocwatch.stages.sentences import split_sentences


def sentences_of(text: str) -> list[str]:
    article = detect_language(Article(id="s", origin="s", text=text), Settings())
    return [sentence.text for sentence in split_sentences(article, Settings()).sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. State Department said Mr. Blinken met Gen. Milley. He left.", ["The U.S. State Department said Mr. Blinken met Gen. Milley.", "He left."]),
        ("Vladimir V. Putin met Kim Jong Un in St. Petersburg. They signed a treaty.", ["Vladimir V. Putin met Kim Jong Un in St. Petersburg.", "They signed a treaty."]),
        ("“We will respond,” Lavrov said. “Nobody wants war.”", ["“We will respond,” Lavrov said.", "“Nobody wants war.”"]),
        ("Осенью 2023 г. Министерство обороны заявило, т.е. подтвердило это. Ю. Ушаков промолчал.", ["Осенью 2023 г. Министерство обороны заявило, т.е. подтвердило это.", "Ю. Ушаков промолчал."]),
        ("«Стремление России к укреплению отношений очевидно», – говорится в отчете. Кремль молчит.", ["«Стремление России к укреплению отношений очевидно», – говорится в отчете.", "Кремль молчит."]),
        ("The meeting ended at 5 p.m. Moscow time. Lavrov spoke.", ["The meeting ended at 5 p.m. Moscow time.", "Lavrov spoke."]),
        ("He works for the U.S. His brother works for Russia.", ["He works for the U.S.", "His brother works for Russia."]),
        ("Gen. He Weidong met them. They talked.", ["Gen. He Weidong met them.", "They talked."]),
        ("Это произошло в 1990-х гг. Потом всё изменилось.", ["Это произошло в 1990-х гг.", "Потом всё изменилось."]),
    ],
)
def test_sentences_handle_abbreviations_initials_and_quotes(text: str, expected: list[str]) -> None:
    assert sentences_of(text) == expected


def test_sentences_never_cross_a_paragraph_break() -> None:
    assert sentences_of("A heading without a full stop\n\nThe story starts here. It goes on.") == [
        "A heading without a full stop", "The story starts here.", "It goes on."]


def test_sentences_are_slices_of_the_cleaned_text_with_languages(seed_paths: list[Path]) -> None:
    pipeline = build(Settings(), ("clean", "language", "sentences"))
    for path in seed_paths:
        article = pipeline(RawDocument(id=path.stem, origin=str(path), text=path.read_text(encoding="utf-8")))
        assert article.sentences
        for sentence in article.sentences:
            assert article.text[sentence.start:sentence.end] == sentence.text
            assert "\n\n" not in sentence.text
            assert sentence.language == article.language
        assert [s.start for s in article.sentences] == sorted(s.start for s in article.sentences)


def test_sentences_of_seed_002_machine_translated_prose(seed_paths: list[Path]) -> None:
    pipeline = build(Settings(), ("clean", "language", "sentences"))
    article = pipeline(RawDocument(id="002", origin="002", text=seed_paths[2].read_text(encoding="utf-8")))
    texts = [sentence.text for sentence in article.sentences]
    assert "The NATO military alliance is said to be expanding into Asia." in texts
    assert "It is known that Russia, North Korea (North Korea) and China are Washington’s rivals in this region." in texts


@hypothesis_settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["Mr.", "U.S.", "г.", "Putin", "said", "Россия", ".", "!", "?", "“", "”", "\n", "\n\n", " ", "V.", "2024.", "«", "»"]), max_size=40))
def test_sentences_are_always_slices_within_paragraphs(tokens: list[str]) -> None:
    text = " ".join(tokens).strip()
    if not text:
        return
    article = split_sentences(detect_language(Article(id="h", origin="h", text=text), Settings()), Settings())
    for sentence in article.sentences:
        assert text[sentence.start:sentence.end] == sentence.text
        assert "\n\n" not in sentence.text


def test_sentences_stray_punctuation_joins_the_sentence_before() -> None:
    assert sentences_of("They said “the policy is unchanged.” \". Next one.") == ["They said “the policy is unchanged.” \".", "Next one."]


def test_sentences_a_very_long_token_is_one_sentence() -> None:
    # Regression: the abbreviation scan used to retry a long token from every character (quadratic).
    text = "x" * 200_000 + " U.S. He left."
    assert sentences_of(text) == ["x" * 200_000 + " U.S.", "He left."]
