"""Idempotent, transactional writes of articles, rejections and duplicates."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pyarrow as pa
import pytest
from fixtures import CORPUS, build_article, corpus

from blocwatch.model import ParagraphLanguage, Rejection, Removal, Span
from blocwatch.store.reader import StoreReader
from blocwatch.store.writer import StoreWriter, resolve_day, write_articles


def counts(path: Path) -> dict[str, int]:
    return StoreReader(path).counts()


def test_writer_writing_the_same_articles_twice_keeps_the_row_counts(tmp_path: Path) -> None:
    path = tmp_path / "twice.duckdb"
    first = write_articles(path, corpus())
    once = counts(path)
    second = write_articles(path, corpus())
    assert set(first) == {"written"} and set(second) == {"replaced"}
    assert counts(path) == once
    assert once["articles"] == len(CORPUS) and once["events"] == sum(len(spec.events) for spec in CORPUS)


def test_writer_changed_version_of_an_id_replaces_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "changed.duckdb"
    original = build_article(CORPUS[0])
    write_articles(path, [original])
    changed = replace(original, text=original.text + "\nA correction was added.", events=original.events[:1])
    assert write_articles(path, [changed]) == ["replaced"]
    stored = StoreReader(path)
    assert stored.counts()["articles"] == 1 and stored.counts()["events"] == 1
    assert stored.article(original.id)["content_hash"] == changed.content_hash


def test_writer_same_text_under_another_id_is_recorded_as_a_duplicate(tmp_path: Path) -> None:
    path = tmp_path / "dup.duckdb"
    original = build_article(CORPUS[0])
    outcomes = write_articles(path, [original, replace(original, id="copy", origin="elsewhere/copy.txt")])
    assert outcomes == ["written", "duplicate"]
    duplicates = StoreReader(path).duplicates()
    assert duplicates[["id", "duplicate_of"]].values.tolist() == [["copy", original.id]]
    assert counts(path)["articles"] == 1


def test_writer_rejections_keep_one_row_per_origin_and_go_when_it_works(tmp_path: Path) -> None:
    path = tmp_path / "rejections.duckdb"
    article = build_article(CORPUS[0])
    write_articles(path, [Rejection(article.origin, "binary file"), Rejection("b.txt", "empty")])
    write_articles(path, [Rejection(article.origin, "binary file")])
    assert counts(path)["rejections"] == 2
    write_articles(path, [article])
    assert StoreReader(path).rejections()["origin"].tolist() == ["b.txt"]


def test_writer_stores_every_field_of_the_model(tmp_path: Path) -> None:
    path = tmp_path / "fields.duckdb"
    base = build_article(CORPUS[0])
    event = replace(base.events[0], source_role="GOV", target_role="MIL", mode="possible", date="2024-06",
                    date_precision="month", source_span=Span(0, 6, "Russia"), target_span=Span(10, 15, "Japan"),
                    attribution_spans=(Span(20, 35, "Financial Times"),), pattern="en:threaten-dobj", plover="THREATEN")
    article = replace(base, removals=(Removal(3, 9, "Share!", "share-line", "social button text"),),
                      paragraph_languages=(ParagraphLanguage(0, 40, "en"),), events=(event,), author="A. Writer",
                      url="https://www.example.com/story")
    write_articles(path, [article])
    reader = StoreReader(path)
    stored = reader.article(article.id)
    assert list(stored["removals"]) == [{"start": 3, "end": 9, "text": "Share!", "rule": "share-line", "reason": "social button text"}]
    assert list(stored["paragraph_languages"]) == [{"start": 0, "end": 40, "language": "en"}]
    assert stored["outlet"] == CORPUS[0].site and stored["author"] == "A. Writer"
    row = reader.events().iloc[0]
    assert (row["source_role"], row["target_role"], row["mode"], row["date"], row["date_precision"]) == ("GOV", "MIL", "possible", "2024-06", "month")
    assert list(row["attribution"]) == ["Financial Times"] and row["pattern"] == "en:threaten-dobj"
    assert row["source_span"] == {"start": 0, "end": 6, "text": "Russia"}
    assert list(row["attribution_spans"]) == [{"start": 20, "end": 35, "text": "Financial Times"}]
    assert str(row["event_date"].date()) == "2024-06-01"
    sentences = reader.frame("SELECT start, \"end\", text FROM sentences WHERE article_id = ? ORDER BY idx", [article.id])
    assert [article.text[s:e] for s, e in zip(sentences["start"], sentences["end"])] == sentences["text"].tolist()
    mentions = reader.frame("SELECT start, \"end\", text FROM mentions WHERE article_id = ?", [article.id])
    assert all(article.text[s:e] == t for s, e, t in mentions.itertuples(index=False))


def test_writer_failed_batch_leaves_nothing_behind_and_the_writer_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "atomic.duckdb"
    good = build_article(CORPUS[1])
    broken = build_article(CORPUS[0])
    broken = replace(broken, events=(replace(broken.events[0], quad_class="not a number"),))
    with StoreWriter(path) as writer:
        with pytest.raises((pa.ArrowInvalid, pa.ArrowTypeError)):
            writer.write([good, broken])
        assert counts(path) == dict.fromkeys(counts(path), 0)
        assert writer.write([good]) == ["written"]
    assert counts(path)["articles"] == 1


def test_writer_input_hash_marks_inputs_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "inputs.duckdb"
    article = build_article(CORPUS[0])
    with StoreWriter(path) as writer:
        writer.write([article], {article.id: "hash-1"})
    reopened = StoreWriter(path)
    assert reopened.is_unchanged(article.id, "hash-1") and not reopened.is_unchanged(article.id, "hash-2")
    reopened.close()


@pytest.mark.parametrize("value, expected", [("2024-06-19", "2024-06-19"), ("2024-06", "2024-06-01"), ("2024", "2024-01-01"),
                                             ("2024-06-19T10:00:00Z", "2024-06-19"), ("sometime", None), (None, None)])
def test_writer_resolve_day_reads_partial_dates(value: str | None, expected: str | None) -> None:
    day = resolve_day(value)
    assert (day.isoformat() if day else None) == expected


def test_writer_same_id_twice_in_one_batch_keeps_the_later_version(tmp_path: Path) -> None:
    path = tmp_path / "twice-in-batch.duckdb"
    first = build_article(CORPUS[0])
    later = replace(first, text=first.text + "\nUpdated.", events=first.events[:2])
    assert write_articles(path, [first, later]) == ["written", "replaced"]
    assert counts(path)["articles"] == 1 and counts(path)["events"] == 2
    assert StoreReader(path).article(first.id)["content_hash"] == later.content_hash
