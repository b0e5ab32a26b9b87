"""Event dates resolved from a sentence and the publication date."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from blocwatch.lang import LanguageDataError
from blocwatch.dates import EventDate, find_expressions, publication_date, resolve_event_date

PUBLISHED = "2024-11-29"  # a Friday


@pytest.mark.parametrize(
    ("language", "text", "published", "value", "precision", "expression"),
    [
        ("en", "Meanwhile, in June, the two leaders met.", "2024-11-29", "2024-06", "month", "in June"),
        ("en", "Meanwhile, in June, the two leaders met.", "2024-03-01", "2023-06", "month", "in June"),
        ("en", "It was reported by Russia Today, Tuesday (26/9/2023).", "2023-09-27", "2023-09-26", "day", "Tuesday (26/9/2023)"),
        ("en", "They met on Aug. 27 in Moscow.", PUBLISHED, "2024-08-27", "day", "on Aug. 27"),
        ("en", "The summit on August 27, 2023 ended.", PUBLISHED, "2023-08-27", "day", "on August 27, 2023"),
        ("en", "Secret files between 2013 and 2014 detail plans.", PUBLISHED, "2013", "year", "between 2013 and 2014"),
        ("en", "Russia attacked Ukraine last year.", PUBLISHED, "2023", "year", "last year"),
        ("en", "Lavrov stated earlier this month that NATO was seeking bases.", PUBLISHED, "2024-11", "month", "earlier this month"),
        ("en", "In late June, Putin visited Pyongyang.", PUBLISHED, "2024-06", "month", "In late June"),
        ("en", "They signed it last December.", PUBLISHED, "2023-12", "month", "last December"),
        ("en", "The pact was announced in 2021.", PUBLISHED, "2021", "year", "in 2021"),
        ("en", "China protested yesterday.", PUBLISHED, "2024-11-28", "day", "yesterday"),
        ("en", "Seoul protested on Monday.", PUBLISHED, "2024-11-25", "day", "on Monday"),
        ("en", "Seoul protested on Friday.", PUBLISHED, "2024-11-29", "day", "on Friday"),
        ("en", "They met in June last year.", PUBLISHED, "2023-06", "month", "in June last year"),
        ("en", "Troops arrived in February 2022.", PUBLISHED, "2022-02", "month", "in February 2022"),
        ("en", "The talks collapsed two years ago.", PUBLISHED, "2022", "year", "two years ago"),
        ("en", "Shipments have run since mid-2022.", PUBLISHED, "2022", "year", "since mid-2022"),
        ("en", "Drills took place in the summer of 2023.", PUBLISHED, "2023", "year", "in the summer of 2023"),
        ("en", "Ministers will meet next month.", PUBLISHED, "2024-12", "month", "next month"),
        ("ru", "В конце января стороны встретились.", PUBLISHED, "2024-01", "month", "В конце января"),
        ("ru", "Аналитики упомянули, что 19 марта в Москве замминистра встретился с Лю.", "2024-04-02", "2024-03-19", "day", "19 марта"),
        ("ru", "Осенью 2023 г. Ким посетил Россию.", PUBLISHED, "2023", "year", "Осенью 2023 г."),
        ("ru", "В прошлом году Россия получила ракеты.", PUBLISHED, "2023", "year", "В прошлом году"),
        ("ru", "В понедельник Сеул выразил протест.", PUBLISHED, "2024-11-25", "day", "В понедельник"),
        ("ru", "В 2022 году Россия вторглась в Украину.", PUBLISHED, "2022", "year", "В 2022 году"),
        ("ru", "В июне лидеры подписали договор.", PUBLISHED, "2024-06", "month", "В июне"),
        ("ru", "Переговоры прошли между 2013 и 2014 годами.", PUBLISHED, "2013", "year", "между 2013 и 2014 годами"),
        ("ru", "Летом прошлого года прошли учения.", PUBLISHED, "2023", "year", "Летом прошлого года"),
        ("ru", "В марте этого года МИД заявил протест.", PUBLISHED, "2024-03", "month", "В марте этого года"),
        ("ru", "Вчера Пекин осудил учения.", PUBLISHED, "2024-11-28", "day", "Вчера"),
        ("ru", "Договор подписан 1 декабря 2022 года.", PUBLISHED, "2022-12-01", "day", "1 декабря 2022 года"),
        ("ru", "Во вторник, 18 июля, ЕС ввёл санкции.", "2023-07-20", "2023-07-18", "day", "Во вторник, 18 июля"),
        ("ru", "Документ датирован 19.03.2024.", PUBLISHED, "2024-03-19", "day", "19.03.2024"),
        ("ru", "Встреча прошла в минувшую пятницу.", PUBLISHED, "2024-11-22", "day", "в минувшую пятницу"),
        ("ru", "Учения завершатся к концу 2025 года.", PUBLISHED, "2025", "year", "к концу 2025 года"),
        ("ru", "На прошлой неделе Пекин осудил учения.", PUBLISHED, "2024-11", "month", "На прошлой неделе"),
        ("ru", "Ракеты переданы в декабре прошлого года.", PUBLISHED, "2023-12", "month", "в декабре прошлого года"),
        ("en", "Talks began in early December last year.", PUBLISHED, "2023-12", "month", "in early December last year"),
        ("en", "Drills ended on 24 February 2022.", PUBLISHED, "2022-02-24", "day", "on 24 February 2022"),
    ],
)
def test_dates_resolves_expression(language: str, text: str, published: str, value: str, precision: str, expression: str) -> None:
    found = resolve_event_date(text, language, published)
    assert (found.value, found.precision, found.from_publication) == (value, precision, False)
    assert found.span is not None and text[found.span[0] : found.span[1]] == expression


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The plans focus on 82 key military and civilian targets."),
        ("en", "The two countries share a 2,615-mile border."),
        ("en", "Scenarios for Kh-101 missile attacks used 2 Tupolev 95 bombers (Tu 95-9)."),
        ("en", "The border was drawn in the 19th century."),
        ("en", "China could rival the US by the 2030s."),
        ("en", "Russia sent 2000 troops to the border."),
        ("en", "Britain and May agreed on a plan."),
        ("en", "Officials may 2 weeks from now decide."),
        ("en", "The Sunday Times reported that Russia was rearming."),
        ("en", "The talks resumed after the fall of Kabul."),
        ("en", "It was reported by Russia Today that talks failed."),
        ("en", "Ties have grown over the last year."),
        ("ru", "Учения «Миссия справедливости 2025» пройдут у границы."),
        ("ru", "Граница проведена в XIX веке."),
        ("ru", "Это началось в 90-х годах."),
        ("ru", "Это началось в 1990-е годы."),
        ("ru", "Так было в 2000-х."),
    ],
)
def test_dates_ignores_non_dates(language: str, text: str) -> None:
    assert find_expressions(text, language) == []
    assert resolve_event_date(text, language, PUBLISHED) == EventDate(PUBLISHED, "day", True, None)


@pytest.mark.parametrize(("language", "text"), [("ru", "Это случилось несколько лет назад."), ("en", "It happened several years ago.")])
def test_dates_vague_expression_falls_back_to_publication(language: str, text: str) -> None:
    assert resolve_event_date(text, language, PUBLISHED) == EventDate(PUBLISHED, "day", True, None)


def test_dates_no_expression_uses_publication_date() -> None:
    assert resolve_event_date("Russia and China held talks.", "en", PUBLISHED) == EventDate("2024-11-29", "day", True, None)


def test_dates_no_expression_and_no_publication_is_none() -> None:
    assert resolve_event_date("Russia and China held talks.", "en", None) == EventDate(None, None, False, None)


def test_dates_relative_expression_without_publication_is_none() -> None:
    assert resolve_event_date("They met last year.", "en", None) == EventDate(None, None, False, None)


def test_dates_absolute_expression_without_publication() -> None:
    found = resolve_event_date("The pact was signed in 2021.", "en", None)
    assert (found.value, found.precision, found.from_publication) == ("2021", "year", False)


def test_dates_publication_datetime_accepted() -> None:
    assert resolve_event_date("They met yesterday.", "en", "2024-11-29T08:30:00+00:00").value == "2024-11-28"


@pytest.mark.parametrize(("published", "expected"), [("2024-11-29", "2024-11-29"), ("2024-11-29T08:30:00Z", "2024-11-29"), ("2024-11", None), ("", None), (None, None), ("yesterday", None)])
def test_dates_publication_date_parsing(published: str | None, expected: str | None) -> None:
    parsed = publication_date(published)
    assert (parsed.isoformat() if parsed else None) == expected


def test_dates_first_expression_wins_without_anchor() -> None:
    text = "Last week, the US approved the sale, the second since he took office in January."
    assert resolve_event_date(text, "en", "2025-12-26").value == "2025-12"


def test_dates_anchor_picks_nearest_expression() -> None:
    text = "On Tuesday, Lavrov said the treaty was signed in 2021."
    assert resolve_event_date(text, "en", PUBLISHED).value == "2024-11-26"
    assert resolve_event_date(text, "en", PUBLISHED, anchor=text.index("signed")).value == "2021"


@pytest.mark.parametrize(("text", "value"), [("They will meet next Monday.", "2024-12-02"), ("They met last Friday.", "2024-11-22")])
def test_dates_weekday_qualifiers(text: str, value: str) -> None:
    assert resolve_event_date(text, "en", PUBLISHED).value == value


def test_dates_unknown_language_says_what_to_add() -> None:
    with pytest.raises(LanguageDataError, match="add blocwatch/lang/xx/dates.yaml"):
        resolve_event_date("in June", "xx", PUBLISHED)


TOKENS = ["in", "on", "last", "next", "this", "June", "May", "марта", "в", "прошлом", "году", "2021", "19", "27", "Aug.",
          "between", "and", "2013", "-", "2014", "(26/9/2023)", "yesterday", "вчера", "Monday", "понедельник", "ago", "two",
          "years", "лет", "назад", "осенью", "г.", "of", "the", "2030s", "Kh-101", "2,615-mile", "early", "конце", "января", ","]


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(TOKENS), max_size=12), language=st.sampled_from(["en", "ru"]), published=st.sampled_from([PUBLISHED, "2024-01-01", None]))
def test_dates_any_text_gives_a_well_formed_date(words: list[str], language: str, published: str | None) -> None:
    text = " ".join(words)
    found = resolve_event_date(text, language, published)
    shapes = {"year": r"\d{4}", "month": r"\d{4}-\d{2}", "day": r"\d{4}-\d{2}-\d{2}"}
    if found.value is None:
        assert found.precision is None and published is None
    else:
        assert found.precision is not None and re.fullmatch(shapes[found.precision], found.value)
    if found.span is not None:
        assert 0 <= found.span[0] < found.span[1] <= len(text) and not found.from_publication
