"""A real `blocwatch serve` in a subprocess on a free loopback port, for the API and browser tests."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ADDRESS = re.compile(r"dashboard at (http://\S+/)")
TOKEN = "test-token-0123456789"


@dataclass
class Served:
    """A running server: its URL, its ingest token and everything it printed."""

    url: str
    token: str | None
    db: Path
    process: subprocess.Popen
    lines: list[str] = field(default_factory=list)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def blocwatch_command() -> list[str]:
    """The installed `blocwatch` script of this interpreter's environment."""
    script = Path(sys.executable).parent / "blocwatch"
    return [str(script)] if script.exists() else [sys.executable, "-c", "from blocwatch.cli import main; main()"]


def _collect(stream, lines: list[str]) -> None:
    for line in stream:
        lines.append(line.rstrip("\n"))


def start_server(db: Path, *args: str, token: str | None = TOKEN, timeout: float = 60.0) -> Served:
    """Start `blocwatch serve --port 0` on `db`; return once it answers."""
    env = {key: value for key, value in os.environ.items() if key != "BLOCWATCH_TOKEN"}
    if token is not None:
        env["BLOCWATCH_TOKEN"] = token
    process = subprocess.Popen([*blocwatch_command(), "serve", "--db", str(db), "--port", "0", *args],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    lines: list[str] = []
    threading.Thread(target=_collect, args=(process.stdout, lines), daemon=True).start()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = next((ADDRESS.search(line) for line in lines if ADDRESS.search(line)), None)
        if found:
            served = Served(found.group(1), token, db, process, lines)
            _wait_until_answering(served, deadline)
            return served
        if process.poll() is not None:
            break
        time.sleep(0.05)
    process.kill()
    raise RuntimeError("blocwatch serve did not start:\n" + "\n".join(lines))


def _wait_until_answering(served: Served, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            if httpx.get(served.url + "api/summary", timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.05)
    served.stop()
    raise RuntimeError("blocwatch serve printed its address but does not answer:\n" + "\n".join(served.lines))
