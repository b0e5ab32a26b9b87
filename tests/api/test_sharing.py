"""The server's shared read-only opening of the store never locks out a writer in another process."""

from __future__ import annotations

import threading

import httpx
from api_served import start_server
from api_stores import RUSSIAN, build_test_store
from fixtures import build_article

from blocwatch.api.sharing import SharedReader
from blocwatch.store.writer import write_articles


def test_sharing_writer_gets_its_turn_under_constant_reads(tmp_path):
    store = build_test_store(tmp_path / "busy.duckdb")
    served = start_server(store)
    stop = threading.Event()
    failures: list[int] = []

    def hammer() -> None:
        with httpx.Client(base_url=served.url, timeout=60) as client:
            while not stop.is_set():
                status = client.get("api/events", params={"limit": 5}).status_code
                if status != 200:
                    failures.append(status)

    readers = [threading.Thread(target=hammer) for _ in range(4)]
    try:
        for thread in readers:
            thread.start()
        for number in range(3):  # each write must find a gap between the server's openings
            spec = RUSSIAN.__class__(**{**RUSSIAN.__dict__, "id": f"busy-{number}",
                                        "sentences": (f"Россия и КНДР провели {number + 2}-й раунд переговоров.",)})
            assert write_articles(store, [build_article(spec)]) == ["written"]
    finally:
        stop.set()
        for thread in readers:
            thread.join()
        total = httpx.get(served.url + "api/summary").json()["articles"]
        served.stop()
    assert failures == []
    assert total == 12


def test_sharing_reader_reuses_one_opening_then_lets_go(tmp_path):
    store = build_test_store(tmp_path / "shared.duckdb")
    reader = SharedReader(store, hold_seconds=30)
    other = RUSSIAN.__class__(**{**RUSSIAN.__dict__, "id": "written-meanwhile", "sentences": ("Москва и Пхеньян обменялись письмами.",)})
    assert reader.frame("SELECT count(*) AS n FROM articles")["n"].iloc[0] == 9
    first = id(reader._base)
    assert reader.frame("SELECT 1 AS one")["one"].iloc[0] == 1
    assert id(reader._base) == first, "a second query within the hold reuses the opening"
    with reader.writing():
        assert reader._base is None
        assert write_articles(store, [build_article(other)]) == ["written"]
    assert reader.frame("SELECT count(*) AS n FROM articles")["n"].iloc[0] == 10
    reader.close()
