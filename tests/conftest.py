"""Test set-up shared by every depth: no display needed, no user data touched."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Keep every test away from the real per-user data and settings folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("TRAINER_DATA", raising=False)
    # the app, and every 'python -m trainer' a test starts, opens the sample course
    monkeypatch.setenv("TRAINER_CONTENT", str(FIXTURES / "sample-course"))
    # a fresh data folder opens without the first-run welcome, unless a test asks for it
    monkeypatch.setenv("TRAINER_NO_WELCOME", "1")


@pytest.fixture
def sample_course() -> Path:
    """A frozen copy of the course for code tests: editing content/ never breaks them."""
    return FIXTURES / "sample-course"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
