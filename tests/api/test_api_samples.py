"""The API over the five bundled sample articles, ingested with the real pipeline."""

from __future__ import annotations

import httpx


def test_api_sample_articles_graph_drills_down_to_sentences(seed_server):
    graph = httpx.get(seed_server.url + "api/graph", timeout=60).json()
    assert {"RUS", "PRK"} <= {node["id"] for node in graph["nodes"]}
    edge = next(e for e in graph["edges"] if {e["source"], e["target"]} == {"PRK", "RUS"})
    assert edge["score"] > 0, "Moscow and Pyongyang drawing together"
    events = httpx.get(seed_server.url + "api/events", params={"pair": "PRK-RUS", "limit": 100}).json()
    assert events["total"] >= edge["events"]
    for event in events["items"]:
        article = httpx.get(seed_server.url + f"api/articles/{event['article_id']}").json()
        assert article["text"][event["start"]:event["end"]] == event["sentence"]


def test_api_sample_articles_every_article_is_listed(seed_server):
    page = httpx.get(seed_server.url + "api/articles").json()
    assert page["total"] == 5
    assert all(article["title"] for article in page["items"])
