"""The relations the five sample articles show, through the real pipeline into the store (issue 5, done-when)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from blocwatch.analysis.alignment import alignment
from blocwatch.analysis.blocs import blocs
from blocwatch.analysis.contradictions import COOPERATION_VS_CONFLICT, contradictions
from blocwatch.ingest import ingest
from blocwatch.settings import Settings
from blocwatch.store.reader import StoreReader

MEMO = "003_2d1ac95ccc91975f"  # the leaked FSB memo naming China an adversary


@pytest.fixture(scope="module")
def reader(seed_store: Path) -> StoreReader:
    return StoreReader(seed_store)


def test_seed_relations_ingesting_again_leaves_the_same_rows(seed_store: Path, tmp_path: Path, seed_paths: list[Path]) -> None:
    copy = tmp_path / "again.duckdb"
    shutil.copy(seed_store, copy)
    summary = ingest([str(p) for p in seed_paths], Settings(), copy)
    assert summary.unchanged == 5 and StoreReader(copy).counts() == StoreReader(seed_store).counts()
    assert StoreReader(seed_store).counts()["articles"] == 5


def test_seed_relations_russia_and_north_korea_cooperate(reader: StoreReader) -> None:
    scores = alignment(reader).set_index(["a", "b"])
    assert scores.loc[("PRK", "RUS"), "score"] > 0.2 and scores.loc[("PRK", "RUS"), "conflict"] == 0


def test_seed_relations_memo_contradicts_the_cooperative_claims(reader: StoreReader) -> None:
    found = [c for c in contradictions(reader, limit=None, per_pair=None) if (c.a, c.b) == ("CHN", "RUS")]
    memo = [c for c in found if c.kind == COOPERATION_VS_CONFLICT and c.second.evidence.article_id == MEMO]
    assert memo, "no contradiction between the memo (China as adversary) and cooperative RUS-CHN claims"
    assert all(c.first.evidence.article_id != MEMO and c.first.evidence.sentence and c.second.evidence.sentence for c in memo)


def test_seed_relations_blocs_put_russia_and_its_partners_against_the_us_camp(reader: StoreReader) -> None:
    structure = blocs(reader)
    east, west = structure.bloc_of("RUS"), structure.bloc_of("JPN")
    assert east is not None and west is not None and east != west
    assert {"RUS", "PRK", "CHN", "IRN"} <= set(east.members)
    assert {"USA", "JPN", "KOR", "NATO"} <= set(west.members)
    assert any(tie.evidence for tie in east.ties) and all(tie.evidence for tie in structure.oppositions)
