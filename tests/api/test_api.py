"""The read API against a real `blocwatch serve` on a free loopback port (store: tests/fixtures.py
corpus plus a hostile and a Russian article, see api_stores.py)."""

from __future__ import annotations

import csv
import io
import json
import re

import httpx
import pytest


def get(server, path: str, **params) -> httpx.Response:
    return httpx.get(server.url + path.lstrip("/"), params=params, timeout=30)


def test_api_summary_counts_articles_events_and_actors(server):
    summary = get(server, "api/summary").json()
    assert summary["articles"] == 9
    assert summary["events"] == 35
    assert summary["first_date"] == "2023-03-21"


def test_api_events_filter_by_pair_either_direction(server):
    page = get(server, "api/events", pair="RUS-PRK", limit=100).json()
    assert page["total"] == 7
    assert {(e["source"], e["target"]) for e in page["items"]} == {("RUS", "PRK"), ("PRK", "RUS")}


def test_api_events_filter_by_quad_class_list(server):
    page = get(server, "api/events", actor="RUS", quad_class="3,4", limit=100).json()
    assert page["total"] > 0
    assert {e["quad_class"] for e in page["items"]} <= {3, 4}
    single = get(server, "api/events", actor="RUS", quad_class="3", limit=100).json()
    assert {e["quad_class"] for e in single["items"]} == {3}
    cooperation = get(server, "api/events", actor="RUS", quad_class="1,2", limit=100).json()
    assert cooperation["total"] + page["total"] == get(server, "api/events", actor="RUS").json()["total"]


def test_api_events_filter_by_date_range_of_months(server):
    page = get(server, "api/events", date_from="2024-03", date_to="2024-06", limit=100).json()
    dates = sorted(e["event_date"] for e in page["items"])
    assert dates[0] >= "2024-03-01" and dates[-1] <= "2024-06-30"
    assert "2024-06-19" in dates and "2024-03-19" in dates


def test_api_events_filter_hedged_and_source(server):
    hedged = get(server, "api/events", hedged="true", limit=100).json()
    assert hedged["total"] == 4 and all(e["hedged"] for e in hedged["items"])
    cited = get(server, "api/events", source="financial times").json()
    assert cited["total"] == 2 and all(e["attribution"] == ["Financial Times"] for e in cited["items"])


def test_api_events_language_and_article_filters(server):
    russian = get(server, "api/events", language="ru").json()
    assert [e["article_id"] for e in russian["items"]] == ["ru-treaty"]
    one = get(server, "api/events", article="fsb-memo").json()
    assert one["total"] == 3


def test_api_events_pages_with_total(server):
    first = get(server, "api/events", limit=10, offset=0).json()
    last = get(server, "api/events", limit=10, offset=30).json()
    assert first["total"] == last["total"] == 35
    assert len(first["items"]) == 10 and len(last["items"]) == 5
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in last["items"]}
    beyond = get(server, "api/events", limit=10, offset=100).json()
    assert beyond == {"total": 35, "limit": 10, "offset": 100, "items": []}


def test_api_events_csv_download(server):
    response = get(server, "api/events", pair="RUS-CHN", format="csv", limit=1000)
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == get(server, "api/events", pair="RUS-CHN").json()["total"]
    assert {row["source"] for row in rows} <= {"RUS", "CHN"}
    assert any(row["attribution"] == "The New York Times" for row in rows)


def test_api_events_jsonl_download_keeps_cyrillic(server):
    response = get(server, "api/events", language="ru", format="jsonl")
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert lines[0]["sentence"].startswith("Россия и КНДР")
    assert "Россия" in response.text  # UTF-8, not \u escapes


def test_api_event_by_id_carries_evidence(server):
    event = get(server, "api/events/fsb-memo:1").json()
    assert event["sentence"].startswith("According to The New York Times")
    assert event["attribution"] == ["The New York Times"]
    assert event["label"] == "Accuse, not specified below"
    assert event["source_name"] == "Russia" and event["target_name"] == "China"
    article = get(server, f"api/articles/{event['article_id']}").json()
    assert article["text"][event["start"]:event["end"]] == event["sentence"]


def test_api_article_has_text_mentions_events_and_cleaning_record(server):
    article = get(server, "api/articles/isw-coalition-copy").json()
    assert article["text"].startswith("Republished from Interfax.")
    assert {m["code"] for m in article["mentions"]} >= {"RUS", "PRK", "CHN", "IRN"}
    assert all(article["text"][m["start"]:m["end"]] == m["text"] for m in article["mentions"])
    assert len(article["events"]) == 6
    assert article["removals"] == []


def test_api_articles_list_with_story_clusters(server):
    page = get(server, "api/articles").json()
    assert page["total"] == 9
    copies = [a for a in page["items"] if a["cluster"] == "isw-coalition"]
    assert len(copies) == 2 and all(a["cluster_size"] == 2 for a in copies)
    clusters = get(server, "api/clusters").json()["items"]
    shared = [c for c in clusters if len(c["articles"]) > 1]
    assert [sorted(a["id"] for a in c["articles"]) for c in shared] == [["isw-coalition", "isw-coalition-copy"]]


def test_api_actors_with_names_and_counts(server):
    actors = {a["code"]: a for a in get(server, "api/actors").json()["items"]}
    assert actors["PRK"]["name"] == "North Korea"
    assert actors["RUS"]["events"] > actors["IRN"]["events"] > 0


def test_api_unknown_things_are_json_errors(server):
    missing = get(server, "api/articles/no-such-article")
    assert missing.status_code == 404 and "no article 'no-such-article'" in missing.json()["error"]
    assert get(server, "api/events/no-such:9").status_code == 404
    malformed = get(server, "api/events/not-an-event-id")
    assert malformed.status_code == 422 and "ARTICLE_ID:INDEX" in malformed.json()["error"]
    route = get(server, "api/nothing-here")
    assert route.status_code == 404 and "/docs" in route.json()["error"]


@pytest.mark.parametrize("params, expected", [
    ({"quad_class": "5"}, "quad_class must be 1, 2, 3 or 4"),
    ({"date_from": "06/01/2024"}, "date_from must be an ISO date"),
    ({"pair": "RUS"}, "pair must be two actor codes"),
    ({"limit": "0"}, "limit must be a whole number"),
    ({"limit": "5000"}, "use format=csv or format=jsonl"),
    ({"hedged": "maybe"}, "hedged must be true or false"),
    ({"format": "xml"}, "format must be json, csv or jsonl"),
])
def test_api_invalid_parameters_explain_what_to_send(server, params, expected):
    response = get(server, "api/events", **params)
    assert response.status_code == 422
    assert expected in response.json()["error"]


def test_api_graph_puts_russia_and_the_us_in_opposite_blocs(server):
    graph = get(server, "api/graph").json()
    bloc = {node["id"]: node["bloc"] for node in graph["nodes"]}
    assert bloc["RUS"] == bloc["PRK"] == bloc["CHN"]
    assert bloc["USA"] == bloc["JPN"] == bloc["KOR"] != bloc["RUS"]
    edge = next(e for e in graph["edges"] if (e["source"], e["target"]) == ("PRK", "RUS"))
    assert edge["score"] > 0 and edge["cooperation"] == edge["events"] and edge["conflict"] == 0


def test_api_blocs_link_their_evidence_to_stored_events(server):
    blocs = get(server, "api/blocs").json()
    tie = blocs["items"][0]["ties"][0]
    for event in tie["evidence"]:
        stored = get(server, f"api/events/{event['id']}").json()
        assert stored["sentence"] == event["sentence"]
        assert {stored["source"], stored["target"]} == {tie["source"], tie["target"]}
    assert blocs["oppositions"] and all(t["score"] < 0 for t in blocs["oppositions"])


def test_api_dyad_timeline_by_month(server):
    timeline = get(server, "api/dyads/RUS/PRK").json()
    rows = {row["period"]: row for row in timeline["rows"]}
    assert rows["2024-06"]["events"] == 2 and rows["2024-06"]["q1"] == 2
    assert rows["2024-06"]["start"] == "2024-06-01" and rows["2024-06"]["end"] == "2024-06-30"
    assert sum(row["q1"] + row["q2"] + row["q3"] + row["q4"] for row in timeline["rows"]) == sum(r["events"] for r in timeline["rows"])
    weekly = get(server, "api/dyads/RUS/PRK", period="week").json()
    assert weekly["rows"][0]["period"].startswith("week of ")


def test_api_contradictions_put_the_memo_against_cooperation(server):
    items = get(server, "api/contradictions").json()["items"]
    memo = [c for c in items if any(e["article_id"] == "fsb-memo" and e["code"] == "111" for e in c["right"])]
    assert memo, "the leaked memo's 'adversary' claim should contradict the cooperative RUS-CHN claims"
    assert all((c["a"], c["b"]) == ("CHN", "RUS") for c in memo)
    assert all(e["goldstein"] > 0 for c in memo for e in c["left"])


def test_api_shifts_name_their_periods_and_events(server):
    answer = get(server, "api/shifts").json()
    assert answer["periods"]["after"].startswith("2024-10-01")
    assert answer["items"] and all(item["evidence"] for item in answer["items"])
    top = answer["items"][0]
    assert top["change"] == pytest.approx(top["after"] - top["before"])


def test_api_security_headers_on_every_response(server):
    for path in ("", "api/summary", "static/js/main.js", "api/nothing"):
        headers = get(server, path).headers
        assert "default-src 'self'" in headers["content-security-policy"]
        assert "'unsafe-inline'" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
    docs = get(server, "docs").headers["content-security-policy"]
    assert "script-src 'self';" in docs and "style-src 'self' 'unsafe-inline'" in docs


def test_api_dashboard_and_docs_load_nothing_from_elsewhere(server):
    for page in ("", "docs"):
        html = get(server, page).text
        assert not re.search(r"(src|href)=\"(https?:)?//", html), "every asset must come from blocwatch itself"
        assert "<script>" not in html, "no inline script: the CSP forbids it"
        for asset in re.findall(r"(?:src|href)=\"(/static/[^\"]+)\"", html):
            assert get(server, asset).status_code == 200, asset


def test_api_openapi_schema_documents_routes_and_filters(server):
    schema = get(server, "openapi.json").json()
    assert {"/api/events", "/api/articles", "/api/graph", "/api/dyads/{a}/{b}", "/api/contradictions"} <= set(schema["paths"])
    names = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "pair", "code", "root", "quad_class", "plover", "date_from", "date_to", "language",
            "source", "hedged", "negated", "limit", "offset", "format"} <= names
    assert "multipart/form-data" in schema["paths"]["/api/articles"]["post"]["requestBody"]["content"]


def test_api_serves_loopback_by_default(server):
    assert server.url.startswith("http://127.0.0.1:")
    assert any("ingest token: the value of BLOCWATCH_TOKEN" in line for line in server.lines)


def test_api_several_worker_processes_serve_the_same_store(test_store):
    from api_served import start_server

    served = start_server(test_store, "--workers", "2")
    try:
        with httpx.Client(base_url=served.url, timeout=60) as client:
            totals = {client.get("api/events", params={"pair": "RUS-PRK"}).json()["total"] for _ in range(8)}
            assert totals == {7}
            assert client.post("api/articles", json={"text": "x"}).status_code == 401
    finally:
        served.stop()
