"""Ingest over HTTP behind the token, read-only servers, and reading while another process writes."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx
import pytest
from api_served import TOKEN, start_server
from api_stores import RUSSIAN, build_test_store
from fixtures import build_article

from blocwatch.store.connection import connect

SEED = Path(__file__).resolve().parent.parent.parent / "examples" / "seeds" / "000_7160d0badd2f3691.txt"
ARTICLE = {
    "id": "http-test",
    "title": "Moscow and Pyongyang sign a treaty",
    "published": "2024-06-19",
    "source": "Example Wire",
    "text": "Russia and North Korea signed a comprehensive strategic partnership treaty in Pyongyang on Wednesday. "
            "The United States condemned the agreement.",
}


@pytest.fixture(scope="module")
def empty_server(tmp_path_factory: pytest.TempPathFactory):
    """A server on a store that does not exist yet (serve creates it); the ingest tests write into it."""
    served = start_server(tmp_path_factory.mktemp("writes") / "new.duckdb")
    yield served
    served.stop()


def post(served, token: str | None = TOKEN, headers: dict[str, str] | None = None, **kwargs) -> httpx.Response:
    sent = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.post(served.url + "api/articles", headers={**sent, **(headers or {})}, timeout=300, **kwargs)


def test_api_post_needs_the_token(server):
    missing = post(server, token=None, json=ARTICLE)
    assert missing.status_code == 401 and "Authorization: Bearer" in missing.json()["error"]
    wrong = post(server, token="not-the-token", json=ARTICLE)
    assert wrong.status_code == 403 and "wrong ingest token" in wrong.json()["error"]
    assert httpx.get(server.url + "api/articles/http-test").status_code == 404


def test_api_read_only_server_refuses_writes(test_store):
    served = start_server(test_store, "--read-only", token=None)
    try:
        refused = post(served, token=TOKEN, json=ARTICLE)
        assert refused.status_code == 403 and "read-only" in refused.json()["error"]
        assert any("read-only" in line for line in served.lines)
    finally:
        served.stop()


def test_api_serve_prints_a_generated_token_that_works(tmp_path):
    served = start_server(tmp_path / "store.duckdb", token=None)
    try:
        line = next(line for line in served.lines if "ingest token" in line)
        token = line.rsplit(" ", 1)[-1]
        assert len(token) >= 24
        assert post(served, token=token, content=b"{", headers={"Content-Type": "application/json"}).status_code == 422
    finally:
        served.stop()


def test_api_post_json_article_runs_the_pipeline_into_the_store(empty_server):
    response = post(empty_server, json=ARTICLE)
    assert response.status_code == 201, response.text
    [result] = response.json()["results"]
    assert result["id"] == "http-test" and result["outcome"] == "written"
    article = httpx.get(empty_server.url + "api/articles/http-test").json()
    assert "Russia and North Korea signed a comprehensive" in article["text"]
    assert {m["code"] for m in article["mentions"]} >= {"RUS", "PRK"}
    count = httpx.get(empty_server.url + "api/summary").json()["articles"]
    again = post(empty_server, json=ARTICLE).json()["results"][0]
    assert again["outcome"] in ("unchanged", "replaced")
    assert httpx.get(empty_server.url + "api/summary").json()["articles"] == count


def test_api_post_uploaded_file(empty_server):
    with SEED.open("rb") as handle:
        response = post(empty_server, files={"file": (SEED.name, handle, "text/plain")})
    assert response.status_code == 201, response.text
    [result] = response.json()["results"]
    assert result["id"] == SEED.stem and result["outcome"] == "written"
    assert httpx.get(empty_server.url + f"api/articles/{SEED.stem}").json()["text"]


def test_api_post_unusable_articles_are_explained(empty_server):
    response = post(empty_server, json=[{"title": "no text"}, 42])
    assert response.status_code == 422
    body = response.json()
    assert "nothing was ingested" in body["error"]
    assert [r["outcome"] for r in body["results"]] == ["rejected", "rejected"]
    assert "'text' or 'html'" in body["results"][0]["reason"]
    wrong_type = post(empty_server, content=b"plain words", headers={"Content-Type": "text/plain"})
    assert wrong_type.status_code == 415 and "multipart/form-data" in wrong_type.json()["error"]


def test_api_reads_what_another_process_writes_meanwhile(tmp_path):
    store = build_test_store(tmp_path / "shared.duckdb")
    served = start_server(store)
    try:
        before = httpx.get(served.url + "api/graph").json()
        from blocwatch.store.writer import write_articles

        extra = build_article(RUSSIAN.__class__(**{**RUSSIAN.__dict__, "id": "ru-treaty-2", "site": "ТАСС",
                                                    "sentences": ("Россия и КНДР провели переговоры в Москве.",)}))
        write_articles(store, [extra])
        after = httpx.get(served.url + "api/summary").json()
        assert after["articles"] == 10
        graph = httpx.get(served.url + "api/graph").json()
        edge = lambda g: next(e for e in g["edges"] if (e["source"], e["target"]) == ("PRK", "RUS"))  # noqa: E731
        assert edge(graph)["events"] == edge(before)["events"] + 1, "the cached graph must follow the store"
    finally:
        served.stop()


def test_api_waits_while_a_writer_holds_the_store(tmp_path):
    store = build_test_store(tmp_path / "held.duckdb")
    served = start_server(store)
    try:
        holder = connect(store)  # a writer in this process locks the file (waiting for the server's turn to end)
        answers: list[httpx.Response] = []
        reader = threading.Thread(target=lambda: answers.append(httpx.get(served.url + "api/events", params={"limit": 3}, timeout=60)))
        reader.start()
        time.sleep(0.8)
        assert not answers, "the server should wait for the writer, not fail"
        holder.close()
        reader.join(timeout=60)
        assert answers[0].status_code == 200 and answers[0].json()["total"] == 35
    finally:
        served.stop()
