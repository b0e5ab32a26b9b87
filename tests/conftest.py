"""Shared fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "examples" / "seeds"


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    """The five bundled sample articles, in id order."""
    return sorted(SEEDS.glob("*.txt"))
