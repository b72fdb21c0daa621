"""Fixtures of the phone page's tests: a room (tests/room_support.py) and Debian's chromium.

Without chromium these tests are skipped on a developer's machine but FAIL in CI
(CI=true): a run that skipped the browser tests must not pass. `.ci/run`
installs the browser with apt-get.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from room_support import course, events, room, service, session, state_at, taster  # noqa: F401

CHROMIUM = os.environ.get("TRAINER_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        message = f"the phone page tests need Debian's chromium ({CHROMIUM} not found): apt-get install chromium"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-proxy-server"])
        yield chromium
        chromium.close()


@pytest.fixture
def phone(browser):
    """A page the size of a phone, in the light; ``phone.context`` makes others."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme="light")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def shots(tmp_path) -> Path:
    """Where screenshots go: $ROOM_SHOTS to keep them and look, else a temp folder."""
    folder = Path(os.environ.get("ROOM_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder
