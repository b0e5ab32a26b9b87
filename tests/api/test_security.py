"""The ingest token, loopback detection and what `blocwatch serve` prints."""

from __future__ import annotations

from pathlib import Path

import pytest

from blocwatch.api.security import headers_for, is_loopback, resolve_token
from blocwatch.api.server import address_of, announce, bind


def test_security_token_from_the_environment_or_generated():
    assert resolve_token(False, {"BLOCWATCH_TOKEN": " secret "}) == ("secret", False)
    token, generated = resolve_token(False, {})
    assert generated and len(token) >= 24 and token != resolve_token(False, {})[0]
    assert resolve_token(True, {"BLOCWATCH_TOKEN": "secret"}) == (None, False)


@pytest.mark.parametrize("host, loopback", [
    ("127.0.0.1", True), ("127.0.0.2", True), ("::1", True), ("localhost", True),
    ("0.0.0.0", False), ("::", False), ("192.168.1.20", False), ("example.org", False),
])
def test_security_loopback_hosts(host, loopback):
    assert is_loopback(host) is loopback


def test_security_docs_page_alone_may_use_inline_styles():
    assert "'unsafe-inline'" in headers_for("/docs")["Content-Security-Policy"]
    for path in ("/", "/api/events", "/static/js/main.js"):
        policy = headers_for(path)["Content-Security-Policy"]
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
        assert "frame-ancestors 'none'" in policy


def test_security_serve_warns_when_reachable_from_other_machines():
    lines: list[str] = []
    announce(lines.append, "http://127.0.0.1:8000/", Path("x.duckdb"), "tok", True, "0.0.0.0", False)
    assert any("WARNING" in line and "0.0.0.0" in line for line in lines)
    assert lines[-1] == "blocwatch: dashboard at http://127.0.0.1:8000/", "the address comes last, for scripts"
    quiet: list[str] = []
    announce(quiet.append, "http://127.0.0.1:8000/", Path("x.duckdb"), None, False, "127.0.0.1", False)
    assert not any("WARNING" in line for line in quiet) and any("read-only" in line for line in quiet)


def test_security_port_zero_binds_a_free_loopback_port():
    sock = bind("127.0.0.1", 0)
    try:
        url = address_of(sock, "127.0.0.1")
        assert url.startswith("http://127.0.0.1:") and not url.endswith(":0/")
        assert sock.getsockname()[0] == "127.0.0.1"
    finally:
        sock.close()
