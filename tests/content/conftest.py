"""Checks of the bundled course itself (content/): it validates, every skill is
taught and practised, links resolve, it reads plainly. A clinician editing the
course runs these; code tests never read content/."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _the_bundled_course(monkeypatch):
    """Here the app opens the course it ships with, not the sample course."""
    monkeypatch.delenv("TRAINER_CONTENT", raising=False)


@pytest.fixture
def bundled_content() -> Path:
    return ROOT / "content"
