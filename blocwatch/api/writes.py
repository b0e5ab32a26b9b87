"""`POST /api/articles`: ingest over HTTP, behind the token `blocwatch serve` printed.

The body is either JSON (one article object, a list of them, or `{"articles": [...]}`, with the
fields of a JSONL input line: `text` or `html`, and optionally `id`, `title`, `url`, `published`,
`source`, `author`) or a multipart upload with a `file` field (text, HTML, JSONL, a feed: sniffed
like `blocwatch ingest -`). Each document runs through the whole pipeline and is written in one
transaction; writes from this server are serialised, and between them the file is closed.
"""

from __future__ import annotations

import io
import json
import threading
from pathlib import Path
from typing import Any, Iterator

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from ..errors import InputError
from ..model import Article, RawDocument, Rejection
from ..settings import from_environment
from ..sources.jsonl import record_document
from ..sources.sniff import read_sniffed_stream
from .routes import reader
from .security import check_token
from .sharing import SharedReader

router = APIRouter(prefix="/api")
WRITE_LOCK = threading.Lock()
MAX_BODY = 20_000_000

REQUEST_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": {"oneOf": [
            {"$ref": "#/components/schemas/ArticleInput"},
            {"type": "array", "items": {"$ref": "#/components/schemas/ArticleInput"}},
            {"type": "object", "properties": {"articles": {"type": "array", "items": {"$ref": "#/components/schemas/ArticleInput"}}}},
        ]}},
        "multipart/form-data": {"schema": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}, "required": ["file"]}},
    },
}
ARTICLE_INPUT = {
    "type": "object",
    "properties": {name: {"type": "string"} for name in ("id", "text", "html", "title", "url", "published", "source", "author")},
    "description": "One article: `text` or `html` is required; `published` is an ISO date; `source` is the site.",
}


def documents_from_json(payload: Any) -> Iterator[RawDocument | Rejection]:
    """The documents of a JSON body; a bad object becomes a Rejection with its position."""
    if isinstance(payload, dict) and isinstance(payload.get("articles"), list):
        payload = payload["articles"]
    items = payload if isinstance(payload, list) else [payload]
    for number, item in enumerate(items, start=1):
        origin = f"http:{number}"
        if not isinstance(item, dict):
            yield Rejection(origin, f"a JSON {type(item).__name__}, not an article object with 'text' or 'html'")
            continue
        try:
            yield record_document(item, origin, f"http-{number}")
        except InputError as error:
            yield Rejection(origin, str(error))


def documents_from_upload(data: bytes, filename: str) -> list[RawDocument | Rejection]:
    """The documents of an uploaded file, sniffed like standard input."""
    origin = f"upload:{filename}"
    try:
        return list(read_sniffed_stream(io.BytesIO(data), origin, Path(filename).stem or "upload", from_environment()))
    except InputError as error:
        return [Rejection(origin, str(error))]


async def read_documents(request: Request) -> list[RawDocument | Rejection]:
    """The documents of the request body, JSON or multipart."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "multipart/form-data":
        form = await request.form()
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise HTTPException(422, "the multipart body needs a 'file' field holding the article (text, HTML, JSONL or a feed)")
        return await run_in_threadpool(documents_from_upload, await upload.read(), upload.filename or "upload")
    if kind != "application/json":
        raise HTTPException(415, "send the article as JSON (Content-Type: application/json) or upload it as multipart/form-data with a 'file' field")
    body = await request.body()
    if len(body) > MAX_BODY:
        raise HTTPException(413, f"the body has {len(body)} bytes; send at most {MAX_BODY} per request")
    try:
        payload = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise HTTPException(422, f"the body is not valid JSON ({error}); send an object with 'text' or 'html'") from None
    return list(documents_from_json(payload))


def pipeline_of(request: Request) -> Any:
    """The app's pipeline, built on first use (loading the language models takes a few seconds)."""
    state = request.app.state
    if getattr(state, "pipeline", None) is None:
        from ..pipeline import build

        state.pipeline = build(from_environment())
    return state.pipeline


def ingest_documents(reader: SharedReader, pipeline: Any, documents: list[RawDocument | Rejection]) -> list[dict[str, Any]]:
    """Run the pipeline over the documents and write them; one result per document."""
    from ..ingest import input_hash
    from ..store.writer import StoreWriter

    items = [item if isinstance(item, Rejection) else pipeline(item) for item in documents]
    hashes = {document.id: input_hash(document) for document in documents if isinstance(document, RawDocument)}
    with WRITE_LOCK, reader.writing():
        with StoreWriter(reader.path) as writer:
            outcomes = writer.write(items, hashes)
    return [outcome_record(item, outcome) for item, outcome in zip(items, outcomes)]


def outcome_record(item: Article | Rejection, outcome: str) -> dict[str, Any]:
    if isinstance(item, Rejection):
        return {"origin": item.origin, "outcome": outcome, "reason": item.reason}
    return {"id": item.id, "origin": item.origin, "outcome": outcome, "events": len(item.events),
            "href": f"/#/article/{item.id}"}


@router.post("/articles", summary="Ingest articles (needs the token that `blocwatch serve` printed)",
             openapi_extra={"requestBody": REQUEST_BODY}, status_code=201)
async def post_articles(request: Request) -> JSONResponse:
    check_token(request, request.app.state.access)
    documents = await read_documents(request)
    if not documents:
        raise HTTPException(422, "the body holds no article; send an object with 'text' or 'html'")
    results = await run_in_threadpool(lambda: ingest_documents(reader(request), pipeline_of(request), documents))
    stored = [result for result in results if result["outcome"] != "rejected"]
    if not stored:
        reasons = "; ".join(f"{r['origin']}: {r['reason']}" for r in results)
        return JSONResponse({"error": f"nothing was ingested: {reasons}", "results": results}, status_code=422)
    return JSONResponse({"results": results}, status_code=201)


def add_schemas(openapi: dict[str, Any]) -> dict[str, Any]:
    """Add the ArticleInput schema that the request body refers to."""
    openapi.setdefault("components", {}).setdefault("schemas", {})["ArticleInput"] = ARTICLE_INPUT
    return openapi
