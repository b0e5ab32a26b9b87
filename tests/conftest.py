"""Shared fixtures."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "examples" / "seeds"
sys.path.insert(0, str(ROOT / "tests" / "api"))  # api_served, api_stores: shared by the API and browser tests

from api_served import Served, start_server  # noqa: E402
from api_stores import build_test_store  # noqa: E402


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    """The five bundled sample articles, in id order."""
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def fixture_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the coded corpus of tests/fixtures.py, built once per session. Read it, never write it."""
    from fixtures import build_store

    return build_store(tmp_path_factory.mktemp("store") / "fixtures.duckdb")


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five sample articles ingested through the full default pipeline, once per session. Read it, never write it."""
    from blocwatch.ingest import ingest
    from blocwatch.settings import Settings

    path = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    ingest([str(SEEDS)], Settings(), path)
    return path


def write_warc(path: Path, pages: list[tuple[str, bytes, str]], compress: bool = True) -> Path:
    """A real WARC file of `response` records (url, body, content type), preceded by a request record."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=compress)
        for url, body, content_type in pages:
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", url.split("/")[2])], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=request))
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    return path


@pytest.fixture()
def make_warc(tmp_path: Path):
    """Factory: `make_warc(name, pages, compress=True)` writes a WARC under tmp_path."""
    return lambda name, pages, compress=True: write_warc(tmp_path / name, pages, compress)


@pytest.fixture(scope="session")
def test_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture corpus plus a hostile and a Russian article (API and browser tests). Read it, never write it."""
    return build_test_store(tmp_path_factory.mktemp("api") / "test.duckdb")


@pytest.fixture(scope="session")
def server(test_store: Path) -> Iterator[Served]:
    """`blocwatch serve` on the test store, with a known ingest token."""
    served = start_server(test_store)
    yield served
    served.stop()


@pytest.fixture(scope="session")
def seed_server(seed_store: Path) -> Iterator[Served]:
    """`blocwatch serve` on the sample articles."""
    served = start_server(seed_store)
    yield served
    served.stop()
