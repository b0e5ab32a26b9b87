"""`blocwatch report --html`: one self-contained file with the dashboard's views, opened offline."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import httpx
import pytest
from api_served import blocwatch_command
from test_dashboard import click_edge

from blocwatch.report_html import embedded_json, render_html, report_data, write_html_report
from blocwatch.store.reader import StoreReader


@pytest.fixture(scope="module")
def report_file(test_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_html_report(test_store, tmp_path_factory.mktemp("report") / "report.html")


def test_report_html_embedded_json_cannot_close_its_script():
    text = embedded_json({"title": "</script><script>alert(1)</script> & \u2028"})
    assert "</script>" not in text and "<" not in text and "&" not in text
    assert json.loads(text) == {"title": "</script><script>alert(1)</script> & \u2028"}


def test_report_html_allows_only_its_own_inline_script_and_style(report_file: Path):
    html = report_file.read_text(encoding="utf-8")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert policy.startswith("default-src 'none'; script-src 'sha256-")
    assert "unsafe-inline" not in policy and "http" not in policy
    assert not re.search(r"(src|href)=\"(https?:)?//", html)
    assert html.count("<script>") == 1 and 'type="application/json" id="blocwatch-data"' in html


def test_report_html_carries_the_evidence_of_every_view(test_store: Path):
    data = report_data(StoreReader(test_store))
    ids = {event["id"] for event in data["events"]}
    articles = {article["id"] for article in data["articles"]}
    for item in data["contradictions"]["items"]:
        assert {e["id"] for e in item["left"] + item["right"]} <= ids
    assert {e["article_id"] for e in data["events"]} <= articles
    assert set(data["dyads"]) == {"|".join(sorted((e["source"], e["target"]))) for e in data["graph"]["edges"]}


def test_report_html_keeps_evidence_when_events_are_capped(test_store: Path):
    data = report_data(StoreReader(test_store), max_events=3)
    ids = {event["id"] for event in data["events"]}
    assert 3 < len(ids) < 35, "the cap keeps the first events plus every event a view points to"
    assert {e["id"] for item in data["contradictions"]["items"] for e in item["left"] + item["right"]} <= ids
    assert "Russia and China signed new trade deals" in render_html(data)


def test_report_html_from_the_command_line(test_store: Path, tmp_path: Path):
    target = tmp_path / "mail-me.html"
    result = subprocess.run([*blocwatch_command(), "report", "--db", str(test_store), "--html", str(target)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert f"wrote the HTML report to {target}" in result.stdout
    assert "blocwatch-data" in target.read_text(encoding="utf-8")


@pytest.mark.browser
def test_report_html_works_offline_with_drill_down(browser, report_file: Path, server, shot):
    context = browser.new_context(viewport={"width": 1440, "height": 960})
    outside: list[str] = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                  else (outside.append(route.request.url), route.abort()))
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.goto(report_file.as_uri())
    page.wait_for_selector('body[data-loading="false"] svg.graph')
    assert page.locator("svg.graph .node").count() == 8
    shot(page, "report-graph")
    click_edge(page, "PRK-RUS")
    page.wait_for_selector(".evidence-list .event-card")
    first = page.locator(".evidence-list .event-card .sentence").first
    sentence = first.inner_text()
    first.click()
    page.wait_for_selector('body[data-loading="false"][data-view="event"]')
    assert "".join(page.locator(".article-text mark.in-sentence").all_inner_texts()) == sentence
    shot(page, "report-evidence")
    page.goto(report_file.as_uri() + "#/events?date_from=2024-03&date_to=2024-06")
    page.wait_for_selector('body[data-loading="false"][data-view="events"]')
    served = httpx.get(server.url + "api/events", params={"date_from": "2024-03", "date_to": "2024-06"}).json()["total"]
    assert page.locator(".total").get_attribute("data-total") == str(served)
    page.goto(report_file.as_uri() + "#/article/hostile-%3Cscript%3E")
    page.wait_for_selector('body[data-loading="false"][data-view="article"]')
    assert page.locator("h1").inner_text().startswith("<script>")
    assert page.evaluate("document.body.dataset.pwned") is None
    context.close()
    assert outside == [] and problems == []
