"""Stage `actors`: every kind of gazetteer entry, the traps of issue 3, dated offices, NER and the CLI.

Sentences marked (seed NNN) are quoted from the bundled sample articles in examples/seeds/.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from blocwatch.cli import cli
from blocwatch.interchange import to_interchange
from blocwatch.model import Article, Mention, RawDocument
from blocwatch.pipeline import build
from blocwatch.settings import Settings
from blocwatch.stages.actors import mention_table, mentions_of_text

PEOPLE = Path(__file__).resolve().parent.parent / "data" / "gazetteer_people.yaml"
SETTINGS = Settings(gazetteer=str(PEOPLE))


def found(text: str, published: str | None = None) -> list[tuple[str, str | None, str | None]]:
    """(text, code, role) of each mention that has a code."""
    return [(m.text, m.code, m.role) for m in mentions_of_text(text, SETTINGS, published) if m.code]


def mention(text: str, surface: str, published: str | None = None) -> Mention:
    """The one mention whose text is `surface`."""
    hits = [m for m in mentions_of_text(text, SETTINGS, published) if m.text == surface]
    assert len(hits) == 1, [m.text for m in mentions_of_text(text, SETTINGS, published)]
    return hits[0]


def codes(text: str, published: str | None = None) -> set[str]:
    return {code for _, code, _ in found(text, published)}


# --- kinds of entry --------------------------------------------------------------------------------


def test_actors_states_by_name_in_english() -> None:
    text = "The English publication has claimed Russia’s plan to attack countries such as Japan and South Korea, citing old documents it has seen."  # seed 000
    assert found(text) == [("Russia", "RUS", None), ("Japan", "JPN", None), ("South Korea", "KOR", None)]


@pytest.mark.parametrize("text, code", [
    ("Британия и Великобритания", "GBR"), ("Соединенные Штаты и США", "USA"), ("КНДР и Северной Кореей", "PRK"),
    ("Южной Кореи и Республики Корея", "KOR"), ("Поднебесная", "CHN"), ("Белоруссии и Беларусью", "BLR"),
    ("Молдавия и Молдовой", "MDA"), ("Киргизии", "KGZ"), ("РФ", "RUS"),
])
def test_actors_states_by_name_in_russian_in_any_case(text: str, code: str) -> None:
    assert codes(text) == {code}


@pytest.mark.parametrize("text, code", [
    ("Britain", "GBR"), ("Great Britain", "GBR"), ("the UK", "GBR"), ("U.K.", "GBR"), ("America", "USA"),
    ("the U.S.", "USA"), ("United States of America", "USA"), ("DPRK", "PRK"), ("North Korea", "PRK"),
    ("Republic of Korea", "KOR"), ("ROK", "KOR"), ("Taiwan", "TWN"), ("Kosovo", "XKX"),
])
def test_actors_curated_english_names(text: str, code: str) -> None:
    assert codes(text) == {code}


def test_actors_russian_sentence_from_seed_004() -> None:
    text = ("Россия продолжает попытки выстроить коалицию в противовес Западу, развивая двусторонние отношения "
            "с Ираном, Северной Кореей и Китаем, отмечает в своем отчете американский Институт изучения войны (ISW).")
    assert [(m.text, m.code, m.kind) for m in mentions_of_text(text, SETTINGS)] == [
        ("Россия", "RUS", "state"), ("Западу", None, "group"), ("Ираном", "IRN", "state"),
        ("Северной Кореей", "PRK", "state"), ("Китаем", "CHN", "state"), ("американский", "USA", "state"),
        ("Институт изучения войны", None, "media"), ("ISW", None, "media")]


@pytest.mark.parametrize("text, code, role", [
    ("Moscow", "RUS", "GOV"), ("the Kremlin", "RUS", "GOV"), ("the White House", "USA", "GOV"), ("Washington", "USA", "GOV"),
    ("Pyongyang", "PRK", "GOV"), ("Beijing", "CHN", "GOV"), ("Zhongnanhai", "CHN", "GOV"), ("Seoul", "KOR", "GOV"),
    ("Tokyo", "JPN", "GOV"), ("Kyiv", "UKR", "GOV"), ("Kiev", "UKR", "GOV"), ("Downing Street", "GBR", "GOV"),
    ("Whitehall", "GBR", "GOV"), ("the Pentagon", "USA", "MIL"), ("Foggy Bottom", "USA", "GOV"),
    ("Кремля", "RUS", "GOV"), ("Пекином", "CHN", "GOV"), ("в Сеуле", "KOR", "GOV"), ("Белого дома", "USA", "GOV"),
])
def test_actors_capitals_and_seats_of_power_stand_for_the_government(text: str, code: str, role: str) -> None:
    assert [(c, r) for _, c, r in found(text)] == [(code, role)]


@pytest.mark.parametrize("text, code", [
    ("NATO", "NATO"), ("НАТО", "NATO"), ("the European Union", "EU"), ("Евросоюз", "EU"), ("ЕС", "EU"),
    ("UN Security Council resolutions", "UN"), ("UNSC", "UN"), ("Совбез ООН", "UN"), ("в СБ ООН", "UN"),
    ("Совета Безопасности ООН", "UN"), ("the G7 countries", "G7"), ("«Большой семёрки»", "G7"), ("AUKUS", "AUKUS"),
    ("ASEAN", "ASEAN"), ("АСЕАН", "ASEAN"), ("ШОС", "SCO"), ("Шанхайской организации сотрудничества", "SCO"),
    ("БРИКС", "BRICS"), ("ОДКБ", "CSTO"), ("МАГАТЭ", "IAEA"), ("the IAEA", "IAEA"),
])
def test_actors_listed_organisations_keep_their_codes(text: str, code: str) -> None:
    assert codes(text) == {code}


def test_actors_other_organisations_go_to_other_actors() -> None:
    article = Article(id="a", origin="a", text="The OSCE, the Quad and ОБСЕ met the IMF and NATO.")
    result = to_interchange(Article(**{**article.__dict__, "mentions": mentions_of_text(article.text, SETTINGS)}))
    assert [a["code"] for a in result["actors"]] == ["NATO"]
    assert [a["code"] for a in result["other_actors"]] == ["OSCE", "QUAD", "IMF"]


@pytest.mark.parametrize("text, name", [
    ("According to the Financial Times, the Bank of Russia’s targets", "Financial Times"),  # seed 000
    ("According to Isna, since the start of the war", "ISNA"),  # seed 000
    ("reported by Russia Today , Tuesday", "RT"),  # seed 002
    ("According to Kyodo Tsushin News Agency, the Defense Ministry", "Kyodo"),  # seed 001
    ("first reported on by the New York Times after obtaining the memo", "New York Times"),  # seed 003
    ("Об этом сообщает ТАСС.", "TASS"), ("со ссылкой на РИА Новости", "RIA Novosti"),
    ("отметило центральное телеграфное агентство Кореи (ЦТАК)", "KCNA"),
])
def test_actors_media_are_sources_without_a_code(text: str, name: str) -> None:
    media = [m for m in mentions_of_text(text, SETTINGS) if m.kind == "media"]
    assert [m.name for m in media][:1] == [name] and all(m.code is None for m in media)
    assert not codes(text) - {"RUS"}  # "Bank of Russia" in the first


@pytest.mark.parametrize("text, surface", [
    ("The West claims that under the same treaty", "West"),  # seed 000
    ("Western countries and their media arms have always accused Moscow", "Western countries"),  # seed 000
    ("the strict sanctions imposed by the Anglo-Saxons and their allies", "Anglo-Saxons"),  # seed 001
    ("a guarantor of the security and prosperity of the international community", "international community"),  # seed 001
    ("the Global South", "Global South"), ("коалицию государств для противостояния Западу", "Западу"),  # seed 004
    ("западные страны", "западные страны"), ("англосаксы", "англосаксы"),
])
def test_actors_groups_are_recognised_without_a_code(text: str, surface: str) -> None:
    group = mention(text, surface)
    assert (group.kind, group.code) == ("group", None)


# --- matching: inflection, possessives, hyphens, longest match -----------------------------------


def test_actors_longest_match_north_korean_leader_is_prk() -> None:
    text = "In this regard, North Korean leader Kim Jong-un and Putin signed a mutual defense treaty"  # seed 000
    assert mention(text, "North Korean leader").code == "PRK"


def test_actors_south_korean_special_representative_is_one_kor_mention() -> None:
    text = "and the South Korean Special Representative for Peace and Security on the Korean Peninsula, Kim Gunn"  # seed 001
    assert found(text) == [("South Korean Special Representative", "KOR", "GOV")]


@pytest.mark.parametrize("text, expected", [
    ("Russia's and North Korea's adversaries", [("Russia", "RUS"), ("North Korea", "PRK")]),  # seed 001
    ("called Russia’s attack on Ukraine last year", [("Russia", "RUS"), ("Ukraine", "UKR")]),  # seed 002
    ("the US-led military bloc could include Japan", [("US", "USA"), ("Japan", "JPN")]),  # seed 002
    ("the U.S.-Japan-ROK tripartite military bloc", [("U.S.", "USA"), ("Japan", "JPN"), ("ROK", "KOR")]),
    ("a Japan-South Korea summit", [("Japan", "JPN"), ("South Korea", "KOR")]),
])
def test_actors_possessives_and_hyphenated_compounds(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t, c) for t, c, _ in found(text)] == expected


def test_actors_russian_korean_summit_with_both_koreas_named_leaves_korean_unresolved() -> None:
    text = ("cooperation between Russia and North Korea is troubling Japan and the United States. And South Korea. "
            "The G7 countries joined in condemning the Russian-Korean summit.")  # seed 001
    korean = mention(text, "Korean")
    assert (korean.code, korean.kind, korean.entry) == (None, "unresolved", "ambiguous:korea")
    assert mention(text, "Russian").code == "RUS"


@pytest.mark.parametrize("text, code", [
    ("North Korea fired a missile. Korea said it was a test.", "PRK"),
    ("Pyongyang protested. Korean troops crossed the line.", "PRK"),
    ("South Korea held drills. Korea said they were routine.", "KOR"),
    ("В Сеуле заявили. Корея провела учения.", "KOR"),
])
def test_actors_korea_alone_takes_the_one_korea_the_article_names(text: str, code: str) -> None:
    korea = [m for m in mentions_of_text(text, SETTINGS) if m.entry == "ambiguous:korea"]
    assert [m.code for m in korea] == [code]


@pytest.mark.parametrize("text", [
    "the Korean Peninsula", "на Корейском полуострове", "the two Koreas", "the Korean War", "Корейской войны",
])
def test_actors_korean_places_and_the_koreas_are_no_actor(text: str) -> None:
    assert codes(text) == set()


def test_actors_unresolved_korea_with_neither_korea_named() -> None:
    assert [(m.code, m.kind) for m in mentions_of_text("Korea said so.", SETTINGS)] == [(None, "unresolved")]


# --- the traps of issue 3 ---------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("Seoul and Washington have claimed that many of them have been killed", {"KOR", "USA"}),  # seed 000
    ("Officials in Washington, D.C. said so.", {"USA"}),
    ("Washington state passed a law.", set()),
    ("The University of Washington published a study.", set()),
    ("George Washington crossed the Delaware.", set()),
    ("according to the Washington Post", set()),
])
def test_actors_washington_the_capital_not_the_state_or_the_man(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Georgia and Armenia signed a border deal.", {"GEO", "ARM"}),
    ("He was born in Atlanta, Georgia.", set()),
    ("Georgia's governor signed the bill.", set()),
    ("Грузия и Армения", {"GEO", "ARM"}),
])
def test_actors_georgia_the_country_not_the_us_state(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


def test_actors_bank_of_russia_is_one_rus_mention() -> None:
    text = "According to the Financial Times, the Bank of Russia’s targets in Japan include energy infrastructure"  # seed 000
    assert [t for t, c, _ in found(text) if c == "RUS"] == ["Bank of Russia"]


def test_actors_weapon_names_are_no_actors() -> None:
    text = ("scenarios for non-nuclear missile attacks “Kh-101” (Kh-101) and air defense tests in 2014 including "
            "2 Tupolev 95 bombers (Tu 95-9) which was sent to challenge the air defenses of Japan")  # seed 000
    assert [(m.text, m.code) for m in mentions_of_text(text, SETTINGS)] == [("Japan", "JPN")]


def test_actors_the_west_is_a_group_not_a_state() -> None:
    west = mention("The West's \"double standards\" are evident", "West")  # seed 001
    assert (west.kind, west.code) == ("group", None)


def test_actors_west_bank_is_not_the_west() -> None:
    assert [m.kind for m in mentions_of_text("Israeli settlers moved into the West Bank.", SETTINGS)] == ["state", "state"]


def test_actors_chinese_academics_are_people_of_china() -> None:
    text = "Russian intelligence is concerned that Chinese academics are laying the groundwork"  # seed 003
    assert found(text) == [("Russian intelligence", "RUS", "SPY"), ("Chinese academics", "CHN", "CVL")]


@pytest.mark.parametrize("text, expected", [
    ("Turkey closed the Bosphorus.", {"TUR"}), ("They ate turkey for dinner.", set()),
    ("Chad and Niger closed the border.", {"TCD", "NER"}), ("Chad Smith plays the drums.", set()),
    ("Jordan and Egypt mediated.", {"JOR", "EGY"}), ("Michael Jordan retired.", set()),
])
def test_actors_country_names_that_are_words_or_personal_names(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Того же мнения придерживается Того.", ["TGO"]), ("В Перу и Чаде прошли выборы.", ["PER", "TCD"]),
    ("Газ подорожал, а в секторе Газа нет света.", ["PSE"]),
])
def test_actors_russian_homographs_count_only_as_names(text: str, expected: list[str]) -> None:
    assert [c for _, c, _ in found(text)] == expected


@pytest.mark.parametrize("text", [
    "in the South China Sea", "in the East China Sea", "the Sea of Japan", "the Taiwan Strait",
    "в Южно-Китайском море", "в Тайваньском проливе", "в Японском море",
])
def test_actors_geographic_features_are_no_actors(text: str) -> None:
    assert codes(text) == set()


def test_actors_taiwan_strait_in_seed_001_leaves_taiwan_itself() -> None:
    text = ("maintaining peace and stability in the Taiwan Strait as a guarantor of the security. "
            "There has been no change in the basic position of the G7 members on Taiwan")  # seed 001
    assert found(text) == [("G7", "G7", None), ("Taiwan", "TWN", None)]


def test_actors_russian_far_east_is_russian_territory() -> None:
    assert codes("Moscow has long feared Chinese encroachment in the Russian Far East.") == {"RUS", "CHN"}


@pytest.mark.parametrize("text, surface, code, role", [
    ("General Viktor Sobolev, a member of the Russian Communist Party, said", "Russian Communist Party", "RUS", "PTY"),  # seed 002
    ("the Japanese Foreign Ministry announced that cooperation", "Japanese Foreign Ministry", "JPN", "GOV"),  # seed 001
    ("as quoted by the Russian Telegram channel Taynaya Kantselyaria", "Russian Telegram channel", "RUS", "MED"),  # seed 002
    ("The eight-page internal Russian Federal Security Service (FSB) document", "Russian Federal Security Service", "RUS", "SPY"),  # seed 003
    ("the closure of the ekranoplan development program by the Russian Ministry of Defense", "Russian Ministry of Defense", "RUS", "MIL"),  # seed 003
    ("Russian President Vladimir Putin predicted that NATO could eventually join AUKUS", "Russian President", "RUS", "GOV"),  # seed 002
    ("The new foreign minister of Japan, Yoko Kamikawa, who presided", "foreign minister of Japan", "JPN", "GOV"),  # seed 001
    ("Министерство обороны Великобритании со ссылкой на данные своей разведки", "Министерство обороны Великобритании", "GBR", "MIL"),  # seed 004
    ("замминистра иностранных дел России Андрей Руденко", "замминистра иностранных дел России", "RUS", "GOV"),  # seed 004
    ("российский МИД", "российский МИД", "RUS", "GOV"),
])
def test_actors_role_nouns_give_the_state_mention_its_role(text: str, surface: str, code: str, role: str) -> None:
    hit = mention(text, surface)
    assert (hit.code, hit.role) == (code, role)


def test_actors_russian_name_is_not_widened_over_a_following_noun() -> None:
    assert found("В Китае власти объявили карантин, а в России военные провели учения.") == [("Китае", "CHN", None), ("России", "RUS", None)]


def test_actors_english_state_name_is_widened_over_a_following_title() -> None:
    assert found("US President Joe Biden said")[0] == ("US President", "USA", "GOV")


def test_actors_possessive_role_without_widening() -> None:
    hit = mention("China’s foreign ministry spokesman Wang Wenbin told reporters", "China")
    assert (hit.code, hit.role) == ("CHN", "GOV")


@pytest.mark.parametrize("text, expected", [
    ("Закон принял штат Вашингтон.", []),
    ("Вашингтон и Сеул провели переговоры.", [("Вашингтон", "USA", "GOV"), ("Сеул", "KOR", "GOV")]),
    ("ракеты Х-101 и бомбардировщики Ту-95", []),
    ("Банк России повысил ставку.", [("Банк России", "RUS", "GOV")]),  # central bank: agencies.yaml
    ("китайские учёные", [("китайские учёные", "CHN", "CVL")]),
    ("японский МИД", [("японский МИД", "JPN", "GOV")]),
    ("Турция закупила индейку.", [("Турция", "TUR", None)]),
])
def test_actors_traps_in_russian(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert found(text) == expected


# --- dated offices ------------------------------------------------------------------------------------


@pytest.mark.parametrize("published, code", [("2023-09-26", "JPN"), ("2026-01-01", None), ("2015-06-01", "JPN")])
def test_actors_kishida_counts_for_japan_only_in_office(published: str, code: str | None) -> None:
    text = "Japanese Prime Minister Fumio Kishida has requested on many occasions to meet"  # seed 001
    kishida = mention(text, "Fumio Kishida", published)
    assert kishida.code == code and kishida.name == "Fumio Kishida"
    assert kishida.kind == ("state" if code else "unresolved")


@pytest.mark.parametrize("published, code", [("2019-05-01", "USA"), ("2025-12-26", "USA"), ("2022-03-01", None)])
def test_actors_trump_counts_in_both_terms_not_between(published: str, code: str | None) -> None:
    assert mention("US President Donald Trump met reporters", "Donald Trump", published).code == code


@pytest.mark.parametrize("published, role", [("2023-09-13", "GOV"), ("2024-10-01", "GOV"), ("2023-09-12", None), ("2024-10-02", None)])
def test_actors_kamikawa_is_foreign_minister_between_her_dates(published: str, role: str | None) -> None:
    text = "The new foreign minister of Japan, Yoko Kamikawa, who presided over the G7 talks"  # seed 001
    assert mention(text, "Yoko Kamikawa", published).role == role


def test_actors_person_without_a_publication_date_takes_the_latest_office() -> None:
    assert mention("Трамп заявил", "Трамп").code == "USA"


# --- statistical NER, ordering, the stage and the command -------------------------------------------


def test_actors_unknown_names_become_unresolved_mentions() -> None:
    text = "Russian author Anatoly Koshkin claims in a paper"  # seed 001
    koshkin = mention(text, "Anatoly Koshkin")
    assert (koshkin.code, koshkin.kind, koshkin.entry) == (None, "unresolved", None)


def test_actors_mentions_are_sorted_and_do_not_overlap(seed_paths: list[Path]) -> None:
    for path in seed_paths:
        mentions = mentions_of_text(path.read_text(encoding="utf-8"), SETTINGS)
        assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:])), path.name


def test_actors_stage_fills_mentions_with_offsets_into_the_cleaned_text(seed_paths: list[Path]) -> None:
    pipeline = build(SETTINGS, ("clean", "language", "sentences", "actors"))
    path = seed_paths[0]  # seed 000
    article = pipeline(RawDocument(id=path.stem, origin=str(path), text=path.read_text(encoding="utf-8"), published="2024-11-29"))
    assert "actors" in article.done and article.mentions
    assert all(article.text[m.start:m.end] == m.text for m in article.mentions)
    listed = {actor["code"] for actor in to_interchange(article)["actors"]}
    assert {"GBR", "NATO", "PRK", "KOR", "CHN", "USA", "UKR", "RUS", "JPN"} <= listed
    assert "Financial Times" in to_interchange(article)["sources"]


def test_actors_table_lists_offsets_text_code_kind_role_entry() -> None:
    table = mention_table(mentions_of_text("the Kremlin", SETTINGS))
    assert table.splitlines() == ["start  end  text     code  kind   role  entry", "4      11   Kremlin  RUS   state  GOV   seat:RUS-kremlin"]


def test_actors_command_uses_the_gazetteer_setting() -> None:
    result = CliRunner().invoke(cli, ["--set", f"gazetteer={PEOPLE}", "actors", "-"], input="Yoko Kamikawa spoke.\n")
    assert result.exit_code == 0, result.output
    assert "person:yoko-kamikawa" in result.output


def test_actors_command_reads_standard_input() -> None:
    result = CliRunner().invoke(cli, ["actors", "-"], input="Moscow and Pyongyang signed a mutual defense treaty.\n")
    assert result.exit_code == 0, result.output
    assert "capital:RUS" in result.output and "capital:PRK" in result.output
