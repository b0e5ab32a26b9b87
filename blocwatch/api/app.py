"""The FastAPI application behind `blocwatch serve`: JSON API, dashboard and API docs.

Every route reads the store through `blocwatch.api.queries`, which opens the DuckDB file
read-only for one request and closes it at once (see `blocwatch.store.connection`), so
`blocwatch ingest` can write to the same file between requests.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, AsyncIterator

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from ..errors import BlocwatchError, InputError
from .security import Access, headers_for

WEB = Path(__file__).resolve().parent.parent / "web"

# What a person should send instead, per query parameter: used in validation errors.
HINTS = {
    "actor": "an actor code such as RUS, USA or NATO",
    "pair": "two actor codes joined by a dash, such as RUS-PRK",
    "code": "a CAMEO code such as 057, or several separated by commas",
    "root": "a two-digit CAMEO root such as 05",
    "quad_class": "1, 2, 3 or 4, or a comma-separated list such as 1,2",
    "plover": "a PLOVER event type such as AGREE",
    "date_from": "an ISO date such as 2024-06-01 (2024-06 and 2024 also work)",
    "date_to": "an ISO date such as 2024-06-30 (2024-06 and 2024 also work)",
    "language": "a two-letter language code such as en or ru",
    "hedged": "true or false",
    "negated": "true or false",
    "limit": "a whole number from 1 to the maximum shown in the API documentation",
    "offset": "a whole number, 0 or more",
    "format": "json, csv or jsonl",
    "period": "day, week or month",
    "span": "auto, month, quarter or year",
    "a": "an actor code such as RUS",
    "b": "an actor code such as PRK",
}


def create_app(db: str | Path, access: Access | None = None) -> FastAPI:
    """The application serving the store at `db`; `access` says who may ingest."""
    from .analysis_routes import router as analysis_router
    from .routes import router
    from .writes import add_schemas, router as write_router

    app = FastAPI(
        lifespan=_close_store_at_exit,
        title="blocwatch",
        summary="Who did what to whom in the news, who says so, and how the blocs move.",
        description="Read-only routes are open; POST /api/articles needs the token `blocwatch serve` printed.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.db = str(db)
    app.state.access = access or Access(token=None)
    app.include_router(router)
    app.include_router(analysis_router)
    app.include_router(write_router)
    generate = app.openapi
    app.openapi = lambda: add_schemas(generate())  # type: ignore[method-assign]
    app.mount("/static", StaticFiles(directory=WEB), name="static")
    _add_pages(app)
    _add_error_handlers(app)
    _add_headers(app)
    return app


@asynccontextmanager
async def _close_store_at_exit(app: FastAPI) -> AsyncIterator[None]:
    """Close the reader's shared opening of the store when the server stops."""
    yield
    reader = getattr(app.state, "reader", None)
    if reader is not None:
        reader.close()


def _add_pages(app: FastAPI) -> None:
    """The dashboard at / and the API documentation at /docs, both from the package's files."""

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(WEB / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(WEB / "docs.html", media_type="text/html; charset=utf-8")


def error_body(message: str, **extra: Any) -> dict[str, Any]:
    return {"error": message, **extra}


def validation_message(error: RequestValidationError) -> str:
    """One sentence per bad parameter, saying what to send instead."""
    parts = []
    for problem in error.errors():
        location = [str(part) for part in problem.get("loc", ()) if part not in ("query", "path", "body")]
        name = location[-1] if location else "request"
        hint = HINTS.get(name)
        given = problem.get("input")
        got = f" (got {given!r})" if given is not None and not isinstance(given, (dict, list)) else ""
        parts.append(f"{name} must be {hint}{got}" if hint else f"{name}: {problem.get('msg', 'invalid')}{got}")
    return "; ".join(parts) or "the request is not valid"


def _add_error_handlers(app: FastAPI) -> None:
    """Every error is JSON with a message a person understands."""

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        return JSONResponse(error_body(validation_message(error)), status_code=422)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> JSONResponse:
        message = error.detail if isinstance(error.detail, str) else "request failed"
        if error.status_code == 404 and error.detail == "Not Found":
            message = f"nothing at {request.url.path}: the API's routes are listed at /docs"
        return JSONResponse(error_body(message), status_code=error.status_code, headers=getattr(error, "headers", None))

    @app.exception_handler(InputError)
    async def bad_input(request: Request, error: InputError) -> JSONResponse:
        return JSONResponse(error_body(str(error)), status_code=422)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> JSONResponse:
        return JSONResponse(error_body(f"internal error ({type(error).__name__}: {error}); the server's log has the details"), status_code=500)

    @app.exception_handler(BlocwatchError)
    async def store_error(request: Request, error: BlocwatchError) -> JSONResponse:
        return JSONResponse(error_body(str(error)), status_code=503, headers={"Retry-After": "2"})


def _add_headers(app: FastAPI) -> None:
    """The Content-Security-Policy and other security headers on every response."""

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        for name, value in headers_for(request.url.path).items():
            response.headers.setdefault(name, value)
        if request.url.path.startswith("/api/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response
