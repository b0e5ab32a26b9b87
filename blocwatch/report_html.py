"""`blocwatch report --html FILE`: the dashboard's views as one self-contained HTML file.

The file carries the dashboard's own script and style inline, and the data (graph, blocs, pair
timelines, shifts, contradictions, events with their articles) as JSON in a non-executed
`<script type="application/json">` element; the same views answer from that data instead of the
HTTP API. A Content-Security-Policy meta tag allows only the inline script and style, by hash,
and no network at all, so the file can be mailed and opened anywhere.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from .api import figures, queries
from .store.reader import EventFilter, StoreReader

WEB = Path(__file__).resolve().parent / "web"
SCRIPTS = ("dom.js", "source.js", "graph.js", "timeline.js", "views.js", "tables.js", "evidence.js", "main.js")
MAX_EVENTS = 5000


def report_data(reader: StoreReader, since: date | None = None, until: date | None = None, max_events: int = MAX_EVENTS) -> dict[str, Any]:
    """Everything the report's views show, as one JSON-ready dict."""
    graph = figures.graph(reader, since, until)
    shifts = figures.shifts(reader)
    contradictions = figures.contradictions(reader, since, until)
    events = queries.events_page(reader, queries.EventQuery(EventFilter(since=since, until=until)), max_events, 0)
    included = {event["id"]: event for event in events["items"]}
    for event in _evidence(graph, shifts, contradictions):
        included.setdefault(event["id"], event)
    articles = queries.articles_with_text(reader, sorted({e["article_id"] for e in included.values()}))
    _count_events(articles, included.values())
    summary = queries.summary(reader)
    summary.update(generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), events_included=len(included),
                   events_total=events["total"])
    return {
        "summary": summary, "actors": queries.actors(reader), "graph": graph, "shifts": shifts,
        "contradictions": contradictions, "clusters": queries.clusters(reader), "articles": articles,
        "events": sorted(included.values(), key=lambda e: (e["event_date"] or "9999", e["article_id"], e["idx"])),
        "dyads": _edge_timelines(reader, graph),
    }


def _edge_timelines(reader: StoreReader, graph: dict[str, Any]) -> dict[str, Any]:
    """The timeline of every pair of the graph, keyed "A|B"; an undated pair gets an empty one."""
    timelines = figures.all_dyad_timelines(reader)
    keys = {"|".join(sorted((e["source"], e["target"]))) for e in graph["edges"]}
    return {key: timelines.get(key) or {"a": key.split("|")[0], "b": key.split("|")[1], "period": "month", "rows": []}
            for key in sorted(keys)}


def _evidence(graph: dict[str, Any], shifts: dict[str, Any], contradictions: dict[str, Any]) -> list[dict[str, Any]]:
    """Every event the graph's blocs, the shifts and the contradictions point to."""
    ties = [t for bloc in graph["blocs"]["items"] for t in bloc["ties"]] + graph["blocs"]["oppositions"]
    found = [e for tie in ties for e in tie["evidence"]] + [e for s in shifts["items"] for e in s["evidence"]]
    return found + [e for c in contradictions["items"] for e in c["left"] + c["right"]]


def _count_events(articles: list[dict[str, Any]], events: Any) -> None:
    counts: dict[str, int] = {}
    for event in events:
        counts[event["article_id"]] = counts.get(event["article_id"], 0) + 1
    sizes: dict[str, int] = {}
    for article in articles:
        sizes[article["cluster_id"]] = sizes.get(article["cluster_id"], 0) + 1
    for article in articles:
        article.update(events=counts.get(article["id"], 0), cluster=article["cluster_id"], cluster_size=sizes[article["cluster_id"]])


def embedded_json(data: dict[str, Any]) -> str:
    """JSON that cannot end its <script> element early: '<', '>' and '&' escaped as \\u sequences."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


def render_html(data: dict[str, Any]) -> str:
    """The report page: the dashboard's markup with its script, style and data inline."""
    page = (WEB / "index.html").read_text(encoding="utf-8")
    script = "\n".join((WEB / "js" / name).read_text(encoding="utf-8") for name in SCRIPTS)
    style = (WEB / "style.css").read_text(encoding="utf-8")
    if "</script" in script.lower() or "</style" in style.lower():
        raise ValueError("the dashboard's script or style contains a closing tag; it cannot be inlined")
    policy = (f"default-src 'none'; script-src {_hash(script)}; style-src {_hash(style)}; img-src data:; "
              "base-uri 'none'; form-action 'none'")
    page = re.sub(r'\s*<script src="/static/js/[^"]+"></script>', "", page)
    page = page.replace('<meta charset="utf-8">', f'<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="{policy}">')
    page = page.replace('<link rel="stylesheet" href="/static/style.css">', f"<style>{style}</style>")
    page = page.replace("<title>blocwatch</title>", f"<title>blocwatch report, {data['summary']['generated']}</title>")
    body = f'<script type="application/json" id="blocwatch-data">{embedded_json(data)}</script>\n<script>{script}</script>\n</body>'
    return page.replace("</body>", body)


def write_html_report(db: str | Path | StoreReader, path: str | Path, since: date | None = None, until: date | None = None,
                      max_events: int = MAX_EVENTS) -> Path:
    """Write the self-contained HTML report of the store `db` to `path`; return the path."""
    reader = db if isinstance(db, StoreReader) else StoreReader(db)
    path = Path(path)
    path.write_text(render_html(report_data(reader, since, until, max_events)), encoding="utf-8")
    return path
