"""Story clusters with MinHash LSH."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from fixtures import CORPUS, E, Spec, build_article

from blocwatch.clusters import StoryIndex, shingles, signature, similarity
from blocwatch.store.reader import EventFilter, StoreReader
from blocwatch.store.writer import write_articles

STORY = (
    "Russia and North Korea signed a treaty on comprehensive strategic partnership in Pyongyang on Wednesday, "
    "pledging mutual military assistance if either is attacked. The leaders met for several hours and toured "
    "a new hospital before the signing ceremony. Analysts in Seoul and Tokyo called the pact the strongest "
    "link between the two countries since the end of the Cold War."
)


def test_clusters_shingles_ignore_case_and_punctuation() -> None:
    assert shingles("Russia, and North Korea!") == shingles("russia and north korea")


def test_clusters_syndicated_copy_is_similar_and_other_story_is_not() -> None:
    copy = "Reuters | Seoul\n" + STORY + "\nRead more: our coverage of Asia."
    other = build_article(CORPUS[3]).text
    assert similarity(signature(STORY), signature(copy)) >= 0.5
    assert similarity(signature(STORY), signature(other)) < 0.2


def test_clusters_index_assigns_copies_to_the_first_article_cluster() -> None:
    index = StoryIndex()
    index.add("original", signature(STORY), index.assign("original", signature(STORY)))
    assert index.assign("copy", signature("By a staff writer. " + STORY)) == "original"
    assert index.assign("other", signature(build_article(CORPUS[3]).text)) == "other"


def test_clusters_two_syndicated_copies_form_one_story_and_count_once(tmp_path: Path) -> None:
    path = tmp_path / "syndicated.duckdb"
    original = Spec("wire", tuple(STORY.split(". ")), (E(0, "RUS", "PRK", "057", symmetric=True),), published="2024-06-19", site="Wire")
    copy = replace(original, id="wire-copy", site="Daily", published="2024-06-20", extra=("Published under licence from Wire.",))
    write_articles(path, [build_article(original), build_article(copy), build_article(CORPUS[3])])
    reader = StoreReader(path)
    clusters = reader.clusters()
    assert len(clusters) == 2
    assert list(clusters.iloc[0]["article_ids"]) == ["wire", "wire-copy"] and clusters.iloc[0]["sources"] == 2
    stories = reader.story_events(EventFilter(pair=("RUS", "PRK")))
    assert len(stories) == 1 and (stories.iloc[0]["articles"], stories.iloc[0]["sources"]) == (2, 2)
