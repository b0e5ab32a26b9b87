"""The read-only routes of the API: articles, events, actors, story clusters and the summary.

The analysis routes (dyads, graph, blocs, shifts, contradictions) are in `analysis_routes.py`.
Every route is a plain function: FastAPI runs it in its thread pool, and each store query opens
the file read-only for that query alone.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Annotated, Any, Iterator, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from ..store.reader import StoreReader
from . import queries
from .sharing import SharedReader

router = APIRouter(prefix="/api")

CODE = r"^[A-Za-z0-9]{2,8}$"
DAY = r"^\d{4}(-\d{2}(-\d{2})?)?$"
MAX_PAGE = 1000
MAX_DOWNLOAD = 100_000


def reader(request: Request) -> StoreReader:
    """The store's reader for this app: one per app, sharing short read-only openings of the file."""
    state = request.app.state
    if getattr(state, "reader", None) is None:
        state.reader = SharedReader(state.db)
    return state.reader


Reader = Annotated[StoreReader, Depends(reader)]


class UTF8JSON(JSONResponse):
    """JSON with non-ASCII text as UTF-8 (Russian stays readable in the raw answer)."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def answer(data: Any) -> Response:
    """A JSON response of already JSON-ready data (skips FastAPI's slower generic encoder)."""
    return UTF8JSON(data)


@router.get("/summary", summary="Numbers of articles, events and actors, and the dates they span")
def get_summary(store: Reader) -> Response:
    return answer(queries.summary(store))


@router.get("/articles", summary="Stored articles, newest first (without their texts)")
def list_articles(store: Reader, limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
                  offset: Annotated[int, Query(ge=0)] = 0) -> Response:
    return answer(queries.articles_page(store, limit, offset))


@router.get("/articles/{article_id:path}", summary="One article: cleaned text, cleaning record, mentions and events")
def get_article(store: Reader, article_id: str) -> Response:
    found = queries.article_detail(store, article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r} in the store: GET /api/articles lists them")
    return answer(found)


class EventParams:
    """The filters of the event routes, validated, with a description for the API documentation."""

    def __init__(
        self,
        actor: Annotated[str | None, Query(pattern=CODE, description="Source or target, e.g. RUS")] = None,
        pair: Annotated[str | None, Query(pattern=r"^[A-Za-z0-9]{2,8}[-,][A-Za-z0-9]{2,8}$", description="Either direction, e.g. RUS-PRK")] = None,
        code: Annotated[str | None, Query(pattern=r"^\d{2,4}$", description="CAMEO code or prefix, e.g. 057")] = None,
        root: Annotated[str | None, Query(pattern=r"^\d{2}$", description="CAMEO root, e.g. 05")] = None,
        quad_class: Annotated[str | None, Query(pattern=r"^[1-4](,[1-4])*$", description="1-4, or a list such as 1,2")] = None,
        plover: Annotated[str | None, Query(pattern=r"^[A-Za-z_]{2,20}$", description="PLOVER type, e.g. AGREE")] = None,
        date_from: Annotated[str | None, Query(pattern=DAY, description="First day (2024-06-01; 2024-06 or 2024 also work)")] = None,
        date_to: Annotated[str | None, Query(pattern=DAY, description="Last day, inclusive")] = None,
        language: Annotated[str | None, Query(pattern=r"^[a-z]{2}$", description="Article language: en or ru")] = None,
        source: Annotated[str | None, Query(max_length=200, description="Outlet or a name in the attribution chain")] = None,
        hedged: Annotated[bool | None, Query(description="Only hedged (true) or unhedged (false) claims")] = None,
        negated: Annotated[bool | None, Query(description="Only negated (true) or plain (false) claims")] = None,
        article: Annotated[str | None, Query(max_length=500, description="Events of one article")] = None,
    ) -> None:
        self.query = queries.event_query(actor, pair, code, root, quad_class, plover, date_from, date_to,
                                         language, source, hedged, negated, article)


CSV_COLUMNS = ("id", "article_id", "date", "event_date", "source", "target", "code", "label", "root", "quad_class",
               "goldstein", "plover", "hedged", "negated", "mode", "attribution", "sentence", "start", "end",
               "article_title", "site", "language", "url")


def csv_lines(events: list[dict[str, Any]]) -> Iterator[str]:
    """The events as CSV text, a header first; the attribution chain joined with ' > '."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for event in events:
        row = {**event, "attribution": " > ".join(event["attribution"])}
        writer.writerow([row.get(column) for column in CSV_COLUMNS])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


@router.get("/events", summary="Events matching the filters, one page at a time, as JSON, CSV or JSONL")
def list_events(store: Reader, filters: Annotated[EventParams, Depends()],
                limit: Annotated[int, Query(ge=1, le=MAX_DOWNLOAD, description=f"At most {MAX_PAGE} for JSON, {MAX_DOWNLOAD} for CSV/JSONL")] = 50,
                offset: Annotated[int, Query(ge=0)] = 0,
                format: Annotated[Literal["json", "csv", "jsonl"], Query(description="json (a page), csv or jsonl (a download)")] = "json") -> Any:
    if format == "json":
        if limit > MAX_PAGE:
            raise HTTPException(422, f"limit must be at most {MAX_PAGE} for JSON pages; use format=csv or format=jsonl to download more")
        return answer(queries.events_page(store, filters.query, limit, offset))
    events = queries.events_page(store, filters.query, limit, offset)["items"]
    if format == "csv":
        return StreamingResponse(csv_lines(events), media_type="text/csv; charset=utf-8",
                                 headers={"Content-Disposition": 'attachment; filename="events.csv"'})
    lines = (json.dumps(event, ensure_ascii=False) + "\n" for event in events)
    return StreamingResponse(lines, media_type="application/x-ndjson; charset=utf-8",
                             headers={"Content-Disposition": 'attachment; filename="events.jsonl"'})


@router.get("/events/{event_id:path}", summary="One event, with its evidence spans; its id is ARTICLE_ID:INDEX")
def get_event(store: Reader, event_id: Annotated[str, Path(max_length=600)]) -> Response:
    if queries.split_event_id(event_id) is None:
        raise HTTPException(422, f"event ids look like ARTICLE_ID:INDEX (e.g. 000_7160d0badd2f3691:3), not {event_id!r}")
    found = queries.event_by_id(store, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id!r} in the store")
    return answer(found)


@router.get("/actors", summary="Every actor in the store with its numbers of mentions, articles and events")
def list_actors(store: Reader) -> Response:
    return answer({"items": queries.actors(store)})


@router.get("/clusters", summary="Story clusters: near-duplicate and syndicated copies of one story")
def list_clusters(store: Reader) -> Response:
    return answer({"items": queries.clusters(store)})
