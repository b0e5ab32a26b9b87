"""`blocwatch serve`: run the API and dashboard with uvicorn, printing where to find them."""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Callable

from .security import TOKEN_VARIABLE, Access, is_loopback, resolve_token


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on host:port (port 0 picks a free one)."""
    family, kind, protocol, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    sock = socket.socket(family, kind, protocol)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(address)
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def address_of(sock: socket.socket, host: str) -> str:
    """The dashboard's URL for a bound socket."""
    port = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    if host in ("0.0.0.0", "::"):
        shown = "127.0.0.1"
    return f"http://{shown}:{port}/"


def ensure_store(db: Path) -> bool:
    """Create an empty store at `db` when there is none; True when one was created."""
    if db.exists():
        return False
    from ..store.writer import StoreWriter

    StoreWriter(db).close()
    return True


def announce(echo: Callable[[str], None], url: str, db: Path, token: str | None, generated: bool, host: str, created: bool) -> None:
    """Tell the person where the dashboard is and how to ingest over HTTP."""
    if created:
        echo(f"blocwatch: created an empty store at {db}; ingest with `blocwatch ingest --db {db} PATH` or POST /api/articles")
    echo(f"blocwatch: serving {db}")
    echo(f"blocwatch: API documentation at {url}docs")
    if token is None:
        echo("blocwatch: read-only: POST /api/articles is switched off")
    elif generated:
        echo(f"blocwatch: ingest token (send as 'Authorization: Bearer TOKEN'; set {TOKEN_VARIABLE} to choose it): {token}")
    else:
        echo(f"blocwatch: ingest token: the value of {TOKEN_VARIABLE}")
    if not is_loopback(host):
        echo(f"blocwatch: WARNING: listening on {host}, reachable from other machines; anyone who reaches it can read the store")
    echo(f"blocwatch: dashboard at {url}")


DB_VARIABLE = "BLOCWATCH_SERVE_DB"
READ_ONLY_VARIABLE = "BLOCWATCH_SERVE_READ_ONLY"


def app_from_environment() -> object:
    """The app of one worker process of `serve --workers N` (the parent passes db and token in the environment)."""
    from .app import create_app

    token = None if os.environ.get(READ_ONLY_VARIABLE) == "1" else os.environ.get(TOKEN_VARIABLE) or None
    return create_app(os.environ[DB_VARIABLE], Access(token))


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000, read_only: bool = False,
          echo: Callable[[str], None] = print, log_level: str = "warning", workers: int = 1) -> None:
    """Serve the store at `db` until interrupted; with workers > 1, from that many processes."""
    import uvicorn

    from .app import create_app

    db = Path(db)
    created = ensure_store(db)
    token, generated = resolve_token(read_only)
    sock = bind(host, port)
    options = {"log_level": log_level, "access_log": False, "server_header": False}
    announce(echo, address_of(sock, host), db, token, generated, host, created)
    if workers == 1:
        uvicorn.Server(uvicorn.Config(create_app(db, Access(token)), **options)).run(sockets=[sock])
        return
    from uvicorn.supervisors import Multiprocess

    # Each worker reads the store on its own (DuckDB lets several processes open a file read-only).
    os.environ.update({DB_VARIABLE: str(db), TOKEN_VARIABLE: token or "", READ_ONLY_VARIABLE: "1" if read_only else "0"})
    config = uvicorn.Config("blocwatch.api.server:app_from_environment", factory=True, workers=workers, **options)
    Multiprocess(config, sockets=[sock]).run()
