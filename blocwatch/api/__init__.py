"""The HTTP API and dashboard: `create_app(db)` builds the FastAPI app, `serve(db)` runs it."""

from .app import create_app
from .server import serve

__all__ = ["create_app", "serve"]
