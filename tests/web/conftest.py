"""Fixtures of the browser tests: Debian's chromium driven by Playwright, and screenshots.

Playwright's own browser download does not work here: the tests launch /usr/bin/chromium, which
`scripts/install-browser.sh` installs (`make test` runs it). In CI (`CI=true`) a missing chromium
fails the tests; on a workstation they are skipped with the command to run.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOTS = ROOT / "test-output" / "screenshots"


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless Debian chromium."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: run `sudo scripts/install-browser.sh` (make test does it)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture()
def page_problems() -> list[str]:
    """What the page reported (script errors, CSP violations, failed loads); a test may remove what it expects."""
    return []


@pytest.fixture()
def page(browser, page_problems: list[str]) -> Iterator[object]:
    """A fresh page; the test fails if the page logs a script error or a CSP violation."""
    context = browser.new_context(viewport={"width": 1440, "height": 960}, locale="en-US")
    opened = context.new_page()
    problems = page_problems
    opened.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    opened.on("console", lambda message: problems.append(f"console: {message.text}") if message.type == "error" else None)
    yield opened
    context.close()
    assert problems == [], "the page reported errors"


@pytest.fixture()
def shot(request: pytest.FixtureRequest):
    """`shot(page, name)` saves a full-page screenshot under test-output/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(target, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        target.screenshot(path=str(path), full_page=True)
        return path

    return take
