"""A real Chromium (Debian's ``chromium``), driven by Playwright, for the report's browser tests.

Screenshots of every page a test looks at are kept in ``test-artifacts/browser/``. Without Chromium
the tests are skipped, unless ``NMDOCTOR_REQUIRE_BROWSER`` is set (scripts/test sets it after
installing Chromium), where a missing browser fails them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"
# As root, in a closed network: no sandbox, and no background connections that would be refused.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    return os.environ.get("NMDOCTOR_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    executable = chromium_path()
    if executable is None:
        if os.environ.get("NMDOCTOR_REQUIRE_BROWSER"):
            pytest.fail("Chromium is not installed (apt-get install chromium), and NMDOCTOR_REQUIRE_BROWSER is set")
        pytest.skip("needs Chromium (Debian's chromium package)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture()
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    # Nothing may leave the file: any request other than the page itself fails the test.
    opened.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://") else route.abort())
    opened.errors = errors
    yield opened
    context.close()
    assert errors == [], errors


def shoot(page: object, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(target), full_page=True)  # type: ignore[attr-defined]
    return target
