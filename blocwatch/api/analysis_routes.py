"""The analysis routes: alignment graph, blocs, pair timelines, shifts and contradictions."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from . import figures
from .queries import parse_day
from .routes import CODE, DAY, Reader, answer

router = APIRouter(prefix="/api")

Since = Annotated[str | None, Query(pattern=DAY, description="Only events from this day on (2024-06-01, 2024-06 or 2024)")]
Until = Annotated[str | None, Query(pattern=DAY, description="Only events up to this day, inclusive")]


def window(date_from: str | None, date_to: str | None) -> tuple[Any, Any]:
    return (parse_day(date_from) if date_from else None, parse_day(date_to, end=True) if date_to else None)


@router.get("/graph", summary="The signed alignment graph: actors, scored pairs and blocs")
def get_graph(store: Reader, date_from: Since = None, date_to: Until = None) -> Response:
    return answer(figures.graph(store, *window(date_from, date_to)))


@router.get("/blocs", summary="Blocs with their members and the evidence of their strongest ties")
def get_blocs(store: Reader, date_from: Since = None, date_to: Until = None) -> Response:
    return answer(figures.graph(store, *window(date_from, date_to))["blocs"])


@router.get("/dyads/{a}/{b}", summary="Timeline of one pair (either direction): events by quad class per period")
def get_dyad(store: Reader, a: Annotated[str, Path(pattern=CODE, description="An actor code, e.g. RUS")],
             b: Annotated[str, Path(pattern=CODE, description="Another actor code, e.g. PRK")],
             period: Annotated[Literal["day", "week", "month"], Query(description="day, week or month")] = "month") -> Response:
    return answer(figures.dyad_timeline(store, a, b, period))


@router.get("/shifts", summary="Pairs whose alignment moved most between the latest period and the one before")
def get_shifts(store: Reader, span: Annotated[Literal["auto", "month", "quarter", "year"], Query(description="Length of the two periods compared")] = "auto") -> Response:
    return answer(figures.shifts(store, span))


@router.get("/contradictions", summary="Opposite claims about the same pair from different sources, side by side")
def get_contradictions(store: Reader, date_from: Since = None, date_to: Until = None) -> Response:
    return answer(figures.contradictions(store, *window(date_from, date_to)))
