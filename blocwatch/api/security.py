"""The ingest token and the security headers of every response.

Reading is open to whoever reaches the server (it binds to loopback unless told otherwise);
writing (`POST /api/articles`) needs `Authorization: Bearer TOKEN`. The token comes from
`BLOCWATCH_TOKEN`, or `blocwatch serve` makes a random one and prints it; a server started
with `--read-only` accepts no writes at all.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
from dataclasses import dataclass

from fastapi import HTTPException, Request

TOKEN_VARIABLE = "BLOCWATCH_TOKEN"

# The dashboard loads only its own files and talks only to its own API; no inline script.
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
])
# Swagger UI sets style attributes on its own elements: the docs page alone may use inline styles.
DOCS_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


@dataclass(frozen=True)
class Access:
    """Who may write: `token` is None when the server is read-only."""

    token: str | None

    @property
    def read_only(self) -> bool:
        return self.token is None


def resolve_token(read_only: bool, environ: dict[str, str] | None = None) -> tuple[str | None, bool]:
    """The ingest token and whether it was generated (True) or read from the environment."""
    if read_only:
        return None, False
    environ = os.environ if environ is None else environ
    given = environ.get(TOKEN_VARIABLE, "").strip()
    if given:
        return given, False
    return secrets.token_urlsafe(24), True


def check_token(request: Request, access: Access) -> None:
    """Raise 403/401 unless the request carries the ingest token."""
    if access.read_only:
        raise HTTPException(403, "this server is read-only: restart `blocwatch serve` without --read-only to ingest over HTTP")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise HTTPException(401, "ingesting needs the token that `blocwatch serve` printed: send the header 'Authorization: Bearer TOKEN'")
    if not secrets.compare_digest(given.strip().encode(), access.token.encode()):
        raise HTTPException(403, "wrong ingest token: use the one `blocwatch serve` printed, or the value of BLOCWATCH_TOKEN it was started with")


def is_loopback(host: str) -> bool:
    """Whether `host` only accepts connections from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def headers_for(path: str) -> dict[str, str]:
    """The security headers for a response to `path`."""
    policy = DOCS_CONTENT_SECURITY_POLICY if path.rstrip("/") == "/docs" else CONTENT_SECURITY_POLICY
    return {"Content-Security-Policy": policy, **SECURITY_HEADERS}
