"""Contradictions: opposite claims about one pair from different voices."""

from __future__ import annotations

from pathlib import Path

import pytest

from fixtures import E, Spec, build_article

from blocwatch.analysis.contradictions import ASSERTED_VS_DENIED, COOPERATION_VS_CONFLICT, contradictions, contradictions_frame, voice_key
from blocwatch.store.reader import StoreReader
from blocwatch.store.writer import write_articles


def test_contradictions_leaked_memo_against_cooperation(fixture_store: Path) -> None:
    found = contradictions(StoreReader(fixture_store), per_pair=None)
    memo = [c for c in found if c.second.voice == "The New York Times"]
    assert memo and all((c.a, c.b, c.kind) == ("CHN", "RUS", COOPERATION_VS_CONFLICT) for c in memo)
    assert {c.first.voice for c in memo} == {"MSN", "Interfax", "Kyodo", "Sindonews"}
    assert len(contradictions(StoreReader(fixture_store))) == 3  # at most 3 per pair by default
    assert all(c.first.evidence.goldstein > 0 > c.second.evidence.goldstein for c in memo)


def test_contradictions_need_different_voices_and_close_dates(tmp_path: Path) -> None:
    path = tmp_path / "voices.duckdb"
    same_voice = Spec("same", ("Russia and China signed a pact.", "Russia accused China of spying."),
                      (E(0, "RUS", "CHN", "057"), E(1, "RUS", "CHN", "112")), published="2024-01-10", site="A")
    far = Spec("far", ("Russia accused China of spying, years later.",), (E(0, "RUS", "CHN", "112"),), published="2027-01-10", site="B")
    write_articles(path, [build_article(same_voice), build_article(far)])
    assert contradictions(StoreReader(path)) == []


def test_contradictions_asserted_against_denied(tmp_path: Path) -> None:
    path = tmp_path / "denied.duckdb"
    claim = Spec("claim", ("North Korea sent shells to Russia, Seoul said.",), (E(0, "PRK", "RUS", "070", ("Seoul",)),), published="2024-08-27", site="A")
    denial = Spec("denial", ("Russia denied that North Korea sent it shells.",), (E(0, "PRK", "RUS", "070", negated=True),), published="2024-08-28", site="B")
    write_articles(path, [build_article(claim), build_article(denial)])
    found = contradictions(StoreReader(path))
    assert [(c.kind, c.first.voice, c.second.voice) for c in found] == [(ASSERTED_VS_DENIED, "Seoul", "B")]
    frame = contradictions_frame(found)
    assert frame.loc[0, "claim"].startswith("North Korea sent") and frame.loc[0, "other_claim"].startswith("Russia denied")


def test_contradictions_busy_pair_keeps_the_strongest_opposition(tmp_path: Path) -> None:
    path = tmp_path / "busy.duckdb"
    friendly = Spec("friendly", tuple(f"Russia and China met again, round {i}." for i in range(30)) + ("Russia and China signed a treaty.",),
                    tuple(E(i, "RUS", "CHN", "040") for i in range(30)) + (E(30, "RUS", "CHN", "057"),), published="2024-01-10", site="A")
    hostile = Spec("hostile", tuple(f"Russia accused China, count {i}." for i in range(30)),
                   tuple(E(i, "RUS", "CHN", "112") for i in range(30)), published="2024-01-11", site="B")
    write_articles(path, [build_article(friendly), build_article(hostile)])
    found = contradictions(StoreReader(path))
    assert len(found) == 1 and found[0].first.evidence.code == "057"


@pytest.mark.parametrize("first, second, same", [
    ("ISW (Institute for the Study of War)", "американский Институт изучения войны (ISW) (Institute for the Study of War)", True),
    ("The New York Times", "new york times", True),
    ("New York Times", "Financial Times", False),
])
def test_contradictions_voice_key_joins_spellings_of_one_voice(first: str, second: str, same: bool) -> None:
    assert (voice_key(first) == voice_key(second)) is same
