"""The event coder on real sentences from the sample articles, in English and Russian."""

from __future__ import annotations

import pytest

from blocwatch.model import Event, RawDocument
from blocwatch.pipeline import build
from blocwatch.settings import Settings


@pytest.fixture(scope="module")
def pipeline():
    return build(Settings())


def code(pipeline, text: str, published: str = "2024-11-29") -> list[Event]:
    article = pipeline(RawDocument(id="t", origin="test", text="Headline\n\n" + text, published=published))
    return list(article.events)


def pairs(events: list[Event]) -> set[tuple[str, str | None, str]]:
    return {(e.source, e.target, e.root) for e in events}


def find(events: list[Event], source: str, target: str) -> Event:
    matching = [e for e in events if {e.source, e.target} == {source, target}]
    assert matching, f"no {source}-{target} event in {pairs(events)}"
    return matching[0]


def test_events_compound_subject_signs_symmetric_treaty(pipeline):
    events = code(pipeline, "In this regard, North Korean leader Kim Jong-un and Putin signed a mutual defense treaty at a meeting in June.")
    treaty = find(events, "PRK", "RUS")
    assert treaty.code == "057" and treaty.symmetric
    assert treaty.attribution == () and not treaty.hedged and not treaty.negated
    assert treaty.date == "2024-06" and treaty.date_precision == "month"
    assert treaty.quad_class == 1 and treaty.goldstein > 0


def test_events_passive_voice_keeps_the_giver_as_source(pipeline):
    events = code(pipeline, "Ballistic missiles were received from North Korea by Russia.")
    assert ("PRK", "RUS", "07") in pairs(events)


def test_events_possessive_nominal_attack(pipeline):
    events = code(pipeline, "Hayashi called Russia’s attack on Ukraine last year an event that had ramifications far beyond Europe’s borders.", "2023-09-26")
    attack = find(events, "RUS", "UKR")
    assert attack.root == "19" and attack.source == "RUS"
    assert attack.quad_class == 4


def test_events_prepositional_target_of_talks(pipeline):
    events = code(pipeline, "Japanese Prime Minister Fumio Kishida held talks with Pyongyang on Tuesday.", "2023-10-05")
    assert find(events, "JPN", "PRK").root == "04"


def test_events_nominal_summit_as_object_of_condemnation(pipeline):
    events = code(pipeline, 'The G7 countries joined in "condemning" the Russian-Korean summit.', "2023-09-25")
    assert ("G7", "RUS", "11") in pairs(events)


def test_events_no_actor_pair_no_event(pipeline):
    assert code(pipeline, "Russia is a large country with long borders.") == []


def test_events_negation_and_denied_mode(pipeline):
    event = find(code(pipeline, "Russia did not attack Japan."), "RUS", "JPN")
    assert event.negated and event.mode == "denied"


def test_events_hedged_by_alleged_report_and_attributed(pipeline):
    text = ("In this regard, the English publication “Financial Times” has claimed in an alleged report, citing documents "
            "seen by itself, that Russia wants to attack “strategic targets” in Japan and South Korea.")
    events = code(pipeline, text)
    attack = find(events, "RUS", "JPN")
    assert attack.hedged
    assert any("Financial Times" in name for name in attack.attribution)
    assert find(events, "RUS", "KOR").root == "13"  # wanting to attack is a threat of force (138)


def test_events_attribution_chain_across_sentences(pipeline, seed_paths):
    from blocwatch.extracting import extract_paths

    article = next(iter(extract_paths([str(seed_paths[0])], Settings())))
    attacks = [e for e in article.events if e.source == "RUS" and e.target in ("JPN", "KOR")]
    assert attacks and all(any("Financial Times" in name for name in e.attribution) for e in attacks)
    treaty = [e for e in article.events if {e.source, e.target} == {"PRK", "RUS"} and e.root == "05"]
    assert treaty and treaty[0].attribution == ()


def test_events_statement_about_another_actor(pipeline):
    text = ("Russian Foreign Minister Sergei Lavrov stated earlier this month that NATO was seeking to base its troops "
            "and military infrastructure in the Asia-Pacific in an effort to deter regional powers.")
    statement = find(code(pipeline, text, "2023-09-26"), "RUS", "NATO")
    assert statement.root == "01" and statement.source == "RUS" and statement.attribution == ()


def test_events_russian_accusation_with_coordinated_subjects(pipeline):
    events = code(pipeline, "Министр иностранных дел России Сергей Лавров и министр иностранных дел Китая Ван И обвинили США и их союзников в угрозе военной ситуации в северо-восточной Азии.", "2024-03-20")
    assert ("RUS", "USA", "11") in pairs(events)
    assert ("CHN", "USA", "11") in pairs(events)


def test_events_russian_receipt_from_supplier(pipeline):
    events = code(pipeline, "Россия получила баллистические ракеты и артиллерийские боеприпасы от КНДР.", "2024-03-20")
    assert ("PRK", "RUS", "07") in pairs(events)


def test_events_russian_meeting_with_day_date(pipeline):
    text = ("19 марта в Москве замминистра иностранных дел России Андрей Руденко встретился со специальным представителем "
            "Китая по делам Корейского полуострова Лю Сяомином.")
    meeting = find(code(pipeline, text, "2024-03-25"), "RUS", "CHN")
    assert meeting.root == "04" and meeting.date == "2024-03-19"


def test_events_russian_hedge_and_negation(pipeline):
    hedged = find(code(pipeline, "Иран якобы передал России баллистические ракеты."), "IRN", "RUS")
    assert hedged.hedged and hedged.root == "07"
    negated = find(code(pipeline, "Китай не осудил Россию."), "CHN", "RUS")
    assert negated.negated


def test_events_russian_report_attributed_across_sentences(seed_paths):
    from blocwatch.extracting import extract_paths

    article = next(iter(extract_paths([str(seed_paths[4])], Settings())))
    assert article.language == "ru"
    pairs_seen = {(e.source, e.target) for e in article.events}
    assert ("RUS", "IRN") in pairs_seen and ("RUS", "CHN") in pairs_seen
    assert all(any("ISW" in name for name in e.attribution) for e in article.events)


def test_events_english_citing_and_according_to_order(pipeline):
    text = "According to a report by Reuters, Japan's foreign minister Yoko Kamikawa said Russian troops shelled Ukraine."
    attack = find(code(pipeline, text, "2024-02-20"), "RUS", "UKR")
    assert attack.attribution[0].startswith("Reuters") and "Kamikawa" in attack.attribution[-1]


def test_events_announced_acts_are_intents_and_threats(pipeline):
    threat = find(code(pipeline, "Russia plans to attack Japan."), "RUS", "JPN")
    assert threat.mode == "planned" and threat.code == "138" and threat.root == "13"
    intent = find(code(pipeline, "China will send weapons to Russia."), "CHN", "RUS")
    assert intent.mode == "planned" and intent.root == "03"


def test_events_demand_addresses_the_clause_subject(pipeline):
    events = code(pipeline, "Japan demanded that Russia withdraw its troops from the islands.")
    assert ("JPN", "RUS", "10") in pairs(events)
    assert not any(e.source == "RUS" for e in events)  # what is demanded did not happen


def test_events_no_agreement_no_event(pipeline):
    events = code(pipeline, "Talks between Russia and Ukraine ended without an agreement.")
    assert ("RUS", "UKR", "04") in pairs(events) or ("UKR", "RUS", "04") in pairs(events)
    assert all(e.root != "05" for e in events)


def test_events_first_person_in_a_quote_is_its_speaker(pipeline):
    events = code(pipeline, "«Мы предупреждали Тегеран публично», – отметил министр иностранных дел Великобритании Дэвид Лэмми.", "2024-09-10")
    assert ("GBR", "IRN", "13") in pairs(events)


def test_events_addressed_statement(pipeline):
    events = code(pipeline, "Germany told Ukraine that it would deliver more air defence systems.", "2024-06-01")
    assert ("DEU", "UKR", "01") in pairs(events) or ("DEU", "UKR", "03") in pairs(events)


def test_events_the_allies_are_the_parties_named_before(pipeline):
    text = ("Four Chinese and Russian bombers jointly flew above waters near Japan on Tuesday.\n\n"
            "The allies also carried out a joint aerial patrol over the East China Sea.")
    patrol = [e for e in code(pipeline, text, "2023-06-07") if e.root == "06"]
    assert patrol and {patrol[0].source, patrol[0].target} == {"CHN", "RUS"}


def test_events_russian_pronoun_subject_across_sentences(pipeline):
    text = ("Си Цзиньпин заявил, что Китай готов к диалогу. "
            "Он также отметил, что ценит «приверженность России принципу одного Китая».")
    praise = find(code(pipeline, text, "2022-09-15"), "CHN", "RUS")
    assert praise.source == "CHN" and praise.root == "05"
    assert praise.source_span.text == "Он"


def test_events_readiness_is_an_intent(pipeline):
    intent = find(code(pipeline, "China is ready to cooperate with Russia on energy.", "2024-05-16"), "CHN", "RUS")
    assert intent.mode == "planned" and intent.root == "03"
    threat = find(code(pipeline, "Северная Корея готова атаковать Южную Корею.", "2024-05-16"), "PRK", "KOR")
    assert threat.mode == "planned" and threat.root == "13"
