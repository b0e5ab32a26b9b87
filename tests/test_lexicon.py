"""The event lexicons (lang/en/verbs.yaml, lang/ru/verbs.yaml): well-formed data, and new patterns
through the real pipeline."""

from __future__ import annotations

import pytest
import yaml

from blocwatch.cameo import lookup
from blocwatch.lexicon import LANG_DIR, load_lexicon
from blocwatch.model import Event, RawDocument
from blocwatch.pipeline import build
from blocwatch.settings import Settings

LANGUAGES = ("en", "ru")
ROOTS = [f"{n:02d}" for n in range(1, 21)]


def entries(language: str) -> list[dict]:
    """The raw pattern entries of one language, as written in the file."""
    data = yaml.safe_load((LANG_DIR / language / "verbs.yaml").read_text(encoding="utf-8"))
    return data["patterns"]


def key(entry: dict) -> tuple:
    """What makes two entries the same pattern: part of speech, lemma, object and particle."""
    return (entry.get("pos", "verb"), entry["lemma"], frozenset(entry.get("object", ())), frozenset(entry.get("particle", ())))


@pytest.mark.parametrize("language", LANGUAGES)
def test_lexicon_every_code_is_in_the_cameo_table(language):
    for entry in entries(language):
        assert lookup(str(entry["code"])).code == str(entry["code"]), entry


@pytest.mark.parametrize("language", LANGUAGES)
def test_lexicon_codes_are_quoted_three_digit_strings(language):
    bad = [e for e in entries(language) if not (isinstance(e["code"], str) and len(e["code"]) == 3)]
    assert bad == [], "write codes as quoted three-digit strings (\"020\"), or YAML reads 020 as a number"


@pytest.mark.parametrize("language", LANGUAGES)
def test_lexicon_no_duplicate_entries(language):
    seen: dict[tuple, dict] = {}
    for entry in entries(language):
        assert key(entry) not in seen, f"{entry} repeats {seen[key(entry)]}"
        seen[key(entry)] = entry


@pytest.mark.parametrize("language", LANGUAGES)
def test_lexicon_object_and_particle_lists_are_non_empty_strings(language):
    for entry in entries(language):
        for field in ("object", "particle", "light", "source", "target"):
            if field in entry:
                values = entry[field]
                assert values, f"{entry}: an empty {field} list; leave the field out instead"
                # YAML 1.1 reads a bare `on`, `off`, `yes`, `no` as booleans: quote them
                assert all(isinstance(v, str) for v in values), f"{entry}: quote the non-string {field} values"


@pytest.mark.parametrize("language", LANGUAGES)
def test_lexicon_lemmas_are_lower_case_single_words(language):
    for entry in entries(language):
        lemma = entry["lemma"]
        assert lemma == lemma.lower() and " " not in lemma, f"{lemma}: the coder matches one token's lower-case lemma"
        assert all(word == word.lower() for word in entry.get("object", ())), entry


@pytest.mark.parametrize("language", LANGUAGES)
def test_lexicon_unconstrained_pattern_comes_last(language):
    """The coder stops at the first pattern of a lemma that finds actors: a pattern without an object
    or particle constraint placed before constrained ones would shadow them."""
    order: dict[tuple, list[dict]] = {}
    for entry in entries(language):
        order.setdefault((entry.get("pos", "verb"), entry["lemma"]), []).append(entry)
    for (pos, lemma), patterns in order.items():
        free = [k for k, e in enumerate(patterns) if "object" not in e and "particle" not in e]
        assert not free or free == [len(patterns) - 1], f"{pos}:{lemma}: the unconstrained pattern must be the last"


@pytest.mark.parametrize("language", LANGUAGES)
def test_lexicon_covers_every_cameo_root(language):
    roots = {str(e["code"])[:2] for e in entries(language)}
    assert [root for root in ROOTS if root not in roots] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_lexicon_loads_every_entry(language):
    lexicon = load_lexicon(language)
    assert sum(len(patterns) for patterns in lexicon.patterns.values()) == len(entries(language))


@pytest.fixture(scope="module")
def pipeline():
    return build(Settings())


def code(pipeline, text: str) -> set[tuple[str, str | None, str]]:
    article = pipeline(RawDocument(id="t", origin="test", text="Headline\n\n" + text, published="2024-05-01"))
    events: tuple[Event, ...] = article.events
    return {(e.source, e.target, e.code) for e in events}


@pytest.mark.parametrize("text, expected", [
    ("Poland recalled its ambassador to Russia on Monday.", ("POL", "RUS", "161")),
    ("France expelled two Russian diplomats.", ("FRA", "RUS", "161")),
    ("The United States halted military aid to Egypt.", ("USA", "EGY", "162")),
    ("Sweden summoned the Chinese ambassador.", ("SWE", "CHN", "114")),
    ("China threatened Taiwan with military force.", ("CHN", "TWN", "138")),
    ("Germany lifted sanctions on Iran.", ("DEU", "IRN", "085")),
    ("Turkish forces clashed with Syrian troops near the border.", ("TUR", "SYR", "190")),
    ("India extradited a suspect to Britain.", ("IND", "GBR", "063")),
    ("Canada granted asylum to two Iranian dissidents.", ("CAN", "IRN", "075")),
    ("Vietnam insisted on China's withdrawal from the disputed islands.", ("VNM", "CHN", "100")),
    ("The European Union called on Russia to release the journalists.", ("EU", "RUS", "020")),
    ("Russia seized a Ukrainian village.", ("RUS", "UKR", "192")),
    ("India bought Russian oil at a discount.", ("RUS", "IND", "061")),
    ("Israeli airstrikes hit Lebanon on Sunday.", ("ISR", "LBN", "190")),
    ("Belarus hosted Russian nuclear weapons.", ("BLR", "RUS", "062")),
])
def test_lexicon_english_patterns_code_through_the_pipeline(pipeline, text, expected):
    assert expected in code(pipeline, text)


@pytest.mark.parametrize("text, expected", [
    ("Литва выслала российских дипломатов.", ("LTU", "RUS", "161")),
    ("Япония приостановила переговоры с Китаем.", ("JPN", "CHN", "164")),
    ("Иран открыл огонь по израильским беспилотникам.", ("IRN", "ISR", "190")),
    ("Франция выразила солидарность с Украиной.", ("FRA", "UKR", "051")),
    ("Германия выделила Украине кредит.", ("DEU", "UKR", "071")),
    ("Китай ввел пошлины на американские товары.", ("CHN", "USA", "163")),
    ("Индия закупила российскую нефть.", ("RUS", "IND", "061")),
    ("Израиль нанес удар по Ливану.", ("ISR", "LBN", "190")),
    ("Турция выступила посредником между Россией и Украиной.", ("TUR", "UKR", "045")),
])
def test_lexicon_russian_patterns_code_through_the_pipeline(pipeline, text, expected):
    assert expected in code(pipeline, text)


def test_lexicon_relations_verb_needs_its_object(pipeline):
    """"cut" is a reduction of relations only with ties, aid or the like as its object."""
    assert code(pipeline, "Japan cut the price of rice exported to Korea.") == set()
