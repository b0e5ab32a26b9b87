"""blocwatch: who did what to whom in the news, who says so, and how the blocs move.

    import blocwatch
    db = blocwatch.open("blocwatch.duckdb")   # see blocwatch/database.py and the README
"""

from __future__ import annotations

from typing import Any

__all__ = ["open"]


def __getattr__(name: str) -> Any:
    # Imported on first use, so that `import blocwatch.stages...` in a worker stays light.
    if name == "open":
        from .database import open

        return open
    raise AttributeError(f"module 'blocwatch' has no attribute {name!r}")
