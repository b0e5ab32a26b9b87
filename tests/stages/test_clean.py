"""Cleaning rules, on the seeds and on small cases for each rule; properties with hypothesis."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings as hypothesis_settings, strategies as st

from blocwatch.errors import InputError
from blocwatch.model import Article, RawDocument
from blocwatch.settings import Settings
from blocwatch.stages.clean import clean, load_rules, split_blocks
from blocwatch.stages.extract import extract


def cleaned(text: str) -> Article:
    return clean(extract(RawDocument(id="t", origin="t", text=text), Settings()), Settings())


def seed(seed_paths: list[Path], number: int) -> Article:
    return cleaned(seed_paths[number].read_text(encoding="utf-8"))


def rules_fired(article: Article) -> list[str]:
    return [removal.rule for removal in article.removals]


def test_clean_seed_002_keeps_each_repeated_paragraph_once(seed_paths: list[Path]) -> None:
    article = seed(seed_paths, 2)
    for paragraph in ("As part of this project, Australia will purchase", "Commenting on the possible integration", "NATO also reportedly intends to open an office"):
        assert article.text.count(paragraph) == 1
    assert rules_fired(article).count("repeated-paragraph") == 3


def test_clean_seed_002_breadcrumb_labels_and_trailers_go(seed_paths: list[Path]) -> None:
    article = seed(seed_paths, 2)
    assert article.title == "NATO Wants to Expand to Asia, Here’s Russia’s Response"
    assert article.text.startswith("NATO Wants to Expand to Asia, Here’s Russia’s Response\n\nThe NATO military alliance")
    for junk in ("Home »", "Asia Defense Global News News", "Source : CNBC", "Translate"):
        assert junk not in article.text


def test_clean_seed_003_credits_captions_and_widgets_go(seed_paths: list[Path]) -> None:
    article = seed(seed_paths, 3)
    assert "©" not in article.text
    for junk in ("Photo Credit", "Keep your friends close", "The memo was meant to be circulated", "Recruiting Russian spies to learn military secrets",
                 "Share on Google Plus", "About Subrato Kumar", "Biographical Info", "Blogger Comment", "Facebook Comment", "0 comments", "Post a Comment"):
        assert junk not in article.text
    assert article.text.count("Leaked document suggests China may be Russia’s newest enemy") == 1
    assert article.text.endswith("it was written sometime between 2023 and 2024.")


def test_clean_seed_003_keeps_the_story(seed_paths: list[Path]) -> None:
    article = seed(seed_paths, 3)
    assert "Beijing is trying to recruit Russian spies" in article.text
    assert "Priority recruitment is given to former employees" in article.text


def test_clean_seed_000_trailer_and_site_signature_go(seed_paths: list[Path]) -> None:
    article = seed(seed_paths, 0)
    assert article.text.endswith("is reaching a new level.")
    assert {"trailer", "breadcrumb"} <= set(rules_fired(article))


def test_clean_seed_004_mirror_notice_goes(seed_paths: list[Path]) -> None:
    article = seed(seed_paths, 4)
    assert "Роскомнадзор" not in article.text and "VPN" not in article.text
    assert rules_fired(article) == ["mirror-notice"]
    assert article.text.endswith("наряду с Ираном и Беларусью.")


def test_clean_removal_offsets_point_into_the_raw_text(seed_paths: list[Path]) -> None:
    for number in range(5):
        article = seed(seed_paths, number)
        for removal in article.removals:
            assert article.raw_text[removal.start:removal.end] == removal.text
            assert removal.reason


def test_clean_paragraphs_are_separated_by_one_blank_line(seed_paths: list[Path]) -> None:
    article = seed(seed_paths, 3)
    assert "\n\n\n" not in article.text
    assert all(paragraph == paragraph.strip() and paragraph for paragraph in article.text.split("\n\n"))


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Photo: Reuters", "photo-credit"),
        ("Image credit: NASA", "photo-credit"),
        ("Фото: РИА Новости", "photo-credit"),
        ("Share this article", "widget"),
        ("Leave a comment", "widget"),
        ("12 Comments", "widget"),
        ("Поделиться", "widget"),
        ("Read more: Japan and Korea sign a deal", "promo"),
        ("Follow us on Telegram for the latest news", "promo"),
        ("Читайте также: Россия и Китай провели учения", "promo"),
        ("Advertisement", "promo"),
        ("Source: Websites", "trailer"),
        ("Источник: ТАСС", "trailer"),
        ("(END)", "trailer"),
        ("© 2024 Example Media", "photo-credit"),
        ("Copyright 2024 Example Media. All rights reserved.", "trailer"),
        ("Tags: Russia, China, NATO", "tags"),
        ("World » Asia » Politics", "breadcrumb"),
        ("https://example.org/article/1", "url-line"),
        ("The site is blocked in Russia; read us through our mirror or a VPN.", "mirror-notice"),
        ("AFP via Getty Images", "photo-credit"),
        ("Reuters/Evgenia Novozhenina", "photo-credit"),
        ("Image source, Getty Images", "photo-credit"),
        ("Telegram | VK | WhatsApp", "widget"),
        ("Нашли ошибку? Выделите текст и нажмите Ctrl+Enter", "widget"),
        ("Listen to this article 4 min", "widget"),
        ("Most read", "promo"),
        ("Самое читаемое", "promo"),
        ("(Reporting by Guy Faulconbridge; Editing by Andrew Osborn)", "trailer"),
        ("Published 12 March 2024, 10:05 GMT", "trailer"),
        ("Опубликовано: 12.03.2024 10:05", "trailer"),
        ("We use cookies to improve your experience. By continuing you accept our cookie policy.", "promo"),
        ("Click to share on Twitter (Opens in new window)", "widget"),
        ("Support independent journalism: donate today.", "promo"),
        ("This article was originally published on The Conversation.", "trailer"),
        ("ДАННОЕ СООБЩЕНИЕ (МАТЕРИАЛ) СОЗДАНО И (ИЛИ) РАСПРОСТРАНЕНО ИНОСТРАННЫМ СРЕДСТВОМ МАССОВОЙ ИНФОРМАЦИИ, ВЫПОЛНЯЮЩИМ ФУНКЦИИ ИНОСТРАННОГО АГЕНТА", "legal-label"),
        ("18+", "legal-label"),
        ("Поддержите «Медузу» — оформите ежемесячный платеж.", "promo"),
    ],
)
def test_clean_line_rule_removes(line: str, rule: str) -> None:
    article = cleaned(f"Title of the story\nRussia and China met in Beijing on Monday.\n{line}\nThe talks ended on Tuesday.")
    assert [removal.rule for removal in article.removals] == [rule]
    assert line not in article.text


@pytest.mark.parametrize(
    "line",
    [
        "About 200 people were killed in the attack.",
        "By contrast, Japan said it would not respond.",
        "Source: a senior official said the talks had failed and that both sides would meet again next month.",
        "Credit Suisse said it would leave Russia.",
        "Related talks were held in Geneva.",
        "Роскомнадзор заблокировал доступ к YouTube, сообщили в ведомстве.",
        "По теме переговоров Россия и Китай не высказались.",
        "The end of the war is not in sight, he said.",
        "Russia told Reuters the talks would go on.",
        "Reporting by state media suggested the talks had stalled.",
        "Updated figures show that trade between Russia and China grew.",
        "Главное, по словам министра, — сохранить диалог с Пекином.",
        "Telegram was blocked in Iran in 2018, officials said.",
        "Минюст признал издание иностранным агентом в пятницу.",
        "Support for the sanctions fell in Germany, a poll showed.",
        "Поддержите Украину, призвал Зеленский союзников.",
    ],
)
def test_clean_keeps_sentences_that_only_look_like_boilerplate(line: str) -> None:
    article = cleaned(f"Title of the story\nRussia and China met in Beijing on Monday.\n{line}\nThe talks ended on Tuesday.")
    assert article.removals == ()


def test_clean_caption_needs_a_credit_below_it() -> None:
    article = cleaned("Title\n\nFirst paragraph of the story.\n\nA short heading\n\nMore text of the story.")
    assert "A short heading" in article.text
    article = cleaned("Title\n\nFirst paragraph of the story.\n\nA short heading\n\nPhoto: Reuters\n\nMore text of the story.")
    assert "A short heading" not in article.text
    assert rules_fired(article) == ["caption", "photo-credit"]


def test_clean_caption_rule_never_removes_the_title() -> None:
    article = cleaned("Putin visits Pyongyang\n©Reuters\nPutin arrived in Pyongyang on Tuesday.")
    assert article.title == "Putin visits Pyongyang" and article.text.startswith("Putin visits Pyongyang")


def test_clean_author_box_takes_its_description_only_before_widgets() -> None:
    article = cleaned("Title\nStory text here.\nAbout Jane Doe\nJane writes about Asia.\nPost a Comment")
    assert rules_fired(article) == ["author-box", "author-box", "widget"]
    article = cleaned("Title\nStory text here.\nAbout Jane Doe\nThe story goes on after the box.\nAnd on.")
    assert "The story goes on after the box." in article.text


def test_clean_short_repeats_are_kept() -> None:
    article = cleaned("Title\nOne.\n***\nTwo.\n***\nThree.")
    assert article.text.count("***") == 2


def test_clean_merges_hard_wrapped_lines_into_one_paragraph() -> None:
    text = "Title\n\nRussia and China signed an agreement\non energy in Moscow on Monday.\n\nNext paragraph."
    article = cleaned(text)
    assert article.text == "Title\n\nRussia and China signed an agreement\non energy in Moscow on Monday.\n\nNext paragraph."
    assert len(split_blocks(text)) == 3


def test_clean_everything_boilerplate_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no article text left after cleaning"):
        clean(Article(id="t", origin="t", text="Share\nPost a Comment\n©Flash Express"), Settings())


def test_clean_rules_are_loaded_from_yaml_for_each_language() -> None:
    english, _ = load_rules(("en",))
    both, limits = load_rules(("en", "ru"))
    assert len(both) > len(english)
    assert limits.caption_max_words > 0


def kept_in_order(cleaned_text: str, raw: str) -> bool:
    """Every paragraph of the cleaned text is a slice of the raw text, in order."""
    position = 0
    for paragraph in cleaned_text.split("\n\n"):
        found = raw.find(paragraph, position)
        if found < 0:
            return False
        position = found + len(paragraph)
    return True


LINES = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60),
    st.sampled_from(["", "©Flash Express", "Share", "Post a Comment", "Home » News", "Source: X", "Short heading", "A sentence.", "RCO", "About Jane Doe", "\u00a0"]),
)


@hypothesis_settings(max_examples=300, deadline=None)
@given(st.lists(LINES, max_size=25))
def test_clean_never_raises_unexpectedly_and_never_adds_text(lines: list[str]) -> None:
    raw = "\n".join(lines)
    try:
        article = clean(Article(id="h", origin="h", text=raw), Settings())
    except InputError:
        return
    assert kept_in_order(article.text, raw)
    assert article.raw_text == raw
    for removal in article.removals:
        assert raw[removal.start:removal.end] == removal.text
    kept = sum(len(paragraph) for paragraph in article.text.split("\n\n"))
    assert kept + sum(len(removal.text) for removal in article.removals) <= len(raw)


def test_clean_a_long_hard_wrapped_paragraph_is_one_block() -> None:
    # Regression: merging continuation lines used to copy the growing block at every line (quadratic).
    text = "Title\n\n" + "word word\n" * 40_000
    blocks = split_blocks(text)
    assert len(blocks) == 2 and blocks[1].text == text[7:].rstrip("\n")
