"""Fixtures of the API tests: stores and real servers on free loopback ports."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
from api_served import Served, start_server
from api_stores import build_test_store


@pytest.fixture(scope="session")
def test_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture corpus plus a hostile and a Russian article."""
    return build_test_store(tmp_path_factory.mktemp("api") / "test.duckdb")


@pytest.fixture(scope="session")
def server(test_store: Path) -> Iterator[Served]:
    """`blocwatch serve` on the test store, with a known ingest token."""
    served = start_server(test_store)
    yield served
    served.stop()


@pytest.fixture(scope="session")
def seed_server(seed_store: Path) -> Iterator[Served]:
    """`blocwatch serve` on the sample articles (tests/conftest.py's `seed_store`)."""
    served = start_server(seed_store)
    yield served
    served.stop()
