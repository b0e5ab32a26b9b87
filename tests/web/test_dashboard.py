"""The dashboard in real headless Chromium against a real `blocwatch serve`.

Each test saves a screenshot of the view it checks under test-output/screenshots/.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import httpx
import pytest

pytestmark = pytest.mark.browser


def open_view(page, server, route: str = "") -> None:
    """Load a dashboard route and wait until its view has rendered."""
    page.goto(server.url + route)
    wait_rendered(page)


def wait_rendered(page) -> None:
    """Wait until the view of the current route has finished rendering.

    (No wait_for_function: its predicate is evaluated with eval, which the dashboard's CSP forbids.)
    """
    route = page.evaluate("location.hash").replace("\\", "\\\\").replace('"', '\\"')
    page.wait_for_selector(f'body[data-loading="false"][data-route="{route}"]', state="attached")


FIND_EDGE_POINT = """key => {
  const edge = document.querySelector(`[data-edge="${key}"]`);
  const line = edge.querySelector(".edge-hit");
  const matrix = line.getScreenCTM();
  const [x1, y1, x2, y2] = ["x1", "y1", "x2", "y2"].map(name => Number(line.getAttribute(name)));
  for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8]) {
    const point = new DOMPoint(x1 + (x2 - x1) * t, y1 + (y2 - y1) * t).matrixTransform(matrix);
    if (edge.contains(document.elementFromPoint(point.x, point.y))) return [point.x, point.y];
  }
  return null;
}"""


def click_edge(page, key: str) -> None:
    """Click a graph edge where it is on top (other edges may cross its middle), as a person would."""
    page.locator(f'[data-edge="{key}"]').scroll_into_view_if_needed()
    point = page.evaluate(FIND_EDGE_POINT, key)
    assert point, f"edge {key} is hidden under other edges everywhere"
    page.mouse.click(*point)


def test_dashboard_graph_edge_opens_the_evidence_sentence(page, server, shot):
    open_view(page, server)
    assert page.locator("svg.graph .node").count() == 8
    assert page.locator(".legend").first.inner_text().count("cooperation") >= 2
    shot(page, "graph")
    click_edge(page, "PRK-RUS")
    page.wait_for_selector(".evidence-list .event-card")
    assert page.locator(".pair-title").inner_text() == "PRK – RUS"
    sentences = page.locator(".evidence-list .event-card .sentence").all_inner_texts()
    assert any("North Korea" in s for s in sentences)
    shot(page, "graph-edge")
    page.locator(".evidence-list .event-card .sentence").first.click()
    wait_rendered(page)
    highlighted = page.locator(".article-text mark.in-sentence").all_inner_texts()
    assert "".join(highlighted) == sentences[0]
    assert page.locator(".event-facts .quote").inner_text() == sentences[0]
    shot(page, "evidence")


def test_dashboard_counts_link_to_their_events(page, server, shot):
    open_view(page, server)
    click_edge(page, "PRK-RUS")
    page.wait_for_selector(".facts a.count")
    expected = page.locator(".facts a.count").first.inner_text()
    page.locator(".facts a.count").first.click()
    wait_rendered(page)
    assert page.locator(".total").inner_text() == f"{expected} events"
    assert "pair=PRK-RUS" in page.url
    shot(page, "events-of-a-count")


def test_dashboard_evidence_highlights_actor_verb_and_attribution(page, server, shot):
    event = httpx.get(server.url + "api/events", params={"article": "ru-treaty"}).json()["items"][0]
    open_view(page, server, "#/event/" + quote(event["id"]))
    assert page.locator("mark.hl-verb").count() >= 1
    assert page.locator(".chain li").first.inner_text().startswith("РИА Новости")
    text = page.locator(".article-text").inner_text()
    assert "Россия и КНДР подписали договор" in text
    shot(page, "evidence-russian")


def test_dashboard_events_filter_by_date(page, server, shot):
    open_view(page, server, "#/events")
    page.fill("#filter-date_from", "2024-03-01")
    page.fill("#filter-date_to", "2024-06-30")
    page.click(".event-filters button[type=submit]")
    page.wait_for_url(re.compile(r".*date_from=2024-03-01.*"))
    wait_rendered(page)
    dates = page.locator("table.events tbody tr td:first-child").all_inner_texts()
    assert dates and all("2024-03-01" <= d <= "2024-06-30" for d in dates)
    expected = httpx.get(server.url + "api/events", params={"date_from": "2024-03-01", "date_to": "2024-06-30"}).json()["total"]
    assert page.locator(".total").inner_text() == f"{expected} events"
    assert page.locator("#filter-date_from").input_value() == "2024-03-01"
    shot(page, "events-by-date")


def test_dashboard_hostile_article_renders_as_text(page, server, shot):
    open_view(page, server, "#/article/" + quote("hostile-<script>"))
    title = page.locator("h1").inner_text()
    assert title.startswith("<script>document.body.dataset.pwned")
    text = page.locator(".article-text").inner_text()
    assert "<img src=x onerror=" in text
    assert page.locator(".article-text img, h1 script, .article-text script, .article-meta img").count() == 0
    assert page.locator(".article-meta").inner_text().count("<img src=x onerror=alert(1)>") == 1
    shot(page, "hostile-article")
    open_view(page, server, "#/events?article=" + quote("hostile-<script>"))
    assert "<b>Bold Agency</b>" in page.locator("table.events").inner_text()
    assert page.evaluate("document.body.dataset.pwned") is None, "article text ran as script"


def test_dashboard_pair_timeline_bars_link_to_events(page, server, shot):
    open_view(page, server, "#/pair/PRK/RUS")
    bars = page.locator("svg.timeline a.bar")
    assert bars.count() >= 4
    shot(page, "pair-timeline")
    bars.first.click()
    wait_rendered(page)
    assert re.search(r"pair=PRK-RUS.*date_from=", page.url)
    assert int(page.locator(".total").get_attribute("data-total")) >= 1


def test_dashboard_contradictions_side_by_side(page, server, shot):
    open_view(page, server, "#/contradictions")
    first = page.locator(".contradiction").first
    assert "cooperation vs conflict" in first.inner_text()
    assert first.locator(".side-a .event-card").count() >= 1 and first.locator(".side-b .event-card").count() >= 1
    shot(page, "contradictions")


def test_dashboard_shifts_and_articles(page, server, shot):
    open_view(page, server, "#/shifts")
    assert page.locator("table.shifts tbody tr").count() >= 1
    shot(page, "shifts")
    open_view(page, server, "#/articles")
    assert page.locator("table.articles tbody tr").count() == 9
    assert "story isw-coalition (2 copies)" in page.locator("table.articles").inner_text()
    shot(page, "articles")


def test_dashboard_header_numbers_are_links(page, server):
    open_view(page, server)
    links = page.locator("#stats a")
    assert links.all_inner_texts()[:3] == ["9 articles", "35 events", "8 actors"]
    links.nth(2).click()
    wait_rendered(page)
    row = page.locator('table.actors tr[data-actor="PRK"]')
    assert "North Korea" in row.inner_text()
    row.locator("a.count").click()
    wait_rendered(page)
    assert "actor=PRK" in page.url and int(page.locator(".total").get_attribute("data-total")) > 0


def test_dashboard_unknown_event_shows_a_readable_error(page, server, page_problems):
    open_view(page, server, "#/event/nothing:1")
    banner = page.locator("#banner")
    assert banner.is_visible() and "no event 'nothing:1'" in banner.inner_text()
    assert page_problems == ["console: Failed to load resource: the server responded with a status of 404 (Not Found)"]
    page_problems.clear()


def test_docs_page_served_locally(page, server, shot):
    outside: list[str] = []
    page.on("request", lambda request: outside.append(request.url) if not request.url.startswith(server.url) else None)
    page.goto(server.url + "docs")
    page.get_by_text("/api/events/{event_id}").wait_for()
    assert outside == []
    shot(page, "docs")


def test_dashboard_sample_articles_graph_and_drill_down(page, seed_server, shot):
    open_view(page, seed_server)
    assert page.locator('svg.graph [data-node="RUS"]').count() == 1
    shot(page, "samples-graph")
    click_edge(page, "PRK-RUS")
    page.wait_for_selector(".evidence-list .event-card")
    shot(page, "samples-graph-edge")
    first = page.locator(".evidence-list .event-card .sentence").first
    sentence = first.inner_text()
    first.click()
    wait_rendered(page)
    assert "".join(page.locator(".article-text mark.in-sentence").all_inner_texts()) == sentence
    shot(page, "samples-evidence")


def test_dashboard_graph_of_a_date_window(page, server, shot):
    open_view(page, server)
    page.fill("#graph-date_from", "2024-06")
    page.fill("#graph-date_to", "2024-12")
    page.click(".filters.window button[type=submit]")
    page.wait_for_url(re.compile(r".*#/graph\?date_from=2024-06&date_to=2024-12$"))
    wait_rendered(page)
    assert "2024-06-01 to 2024-12-31" in page.locator(".graph-area").inner_text()
    assert page.locator('svg.graph [data-node="IRN"]').count() == 0, "Iran's only events are from March 2024"
    shot(page, "graph-window")
    click_edge(page, "PRK-RUS")
    page.wait_for_selector(".evidence-list .event-card")
    dates = page.locator(".evidence-list .event-card .date").all_inner_texts()
    assert dates and all("2024-06" <= d <= "2024-12-31" for d in dates)


def test_dashboard_pair_without_dated_events_still_lists_them(page, seed_server, shot):
    dated = httpx.get(seed_server.url + "api/dyads/PRK/RUS").json()["rows"]
    total = httpx.get(seed_server.url + "api/events", params={"pair": "PRK-RUS"}).json()["total"]
    open_view(page, seed_server, "#/pair/PRK/RUS")
    assert page.locator("svg.timeline").count() == (1 if dated else 0)
    assert page.locator(".evidence-list .event-card").count() == min(total, 50) > 0
    shot(page, "samples-pair")
