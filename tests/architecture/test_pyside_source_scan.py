"""The app's modules are spared PySide6's source scan on import (ui/common/pyside_hook.py):
PySide6 reads a module's whole source to see whether it may use ``__feature__``."""

from __future__ import annotations

import re
from pathlib import Path

from tests.probe import run_python

PACKAGE = Path(__file__).resolve().parents[2] / "trainer"

PROBE = """
import inspect
import trainer.app  # PySide6 and the hook are in place from here on
scanned = []
real = inspect.getsource
inspect.getsource = lambda module, *a, **k: scanned.append(module.__name__) or real(module, *a, **k)
import trainer.ui.journal.view, trainer.ui.skills.view  # not loaded at start-up
import csv  # another package's module: still scanned
print(" ".join(scanned))
"""


def test_app_modules_imported_after_pyside_are_not_scanned():
    done = run_python(PROBE)
    assert done.returncode == 0, done.stderr
    scanned = done.stdout.split()
    assert "csv" in scanned  # the probe sees PySide6's scan at work
    assert not [name for name in scanned if name.split(".")[0] == "trainer"]


def test_no_app_module_uses_pyside_features():
    """The hook's premise: snake_case or true_property are never switched on."""
    statement = re.compile(r"^\s*(from|import)\s+__feature__\b", re.MULTILINE)
    users = [str(p) for p in PACKAGE.rglob("*.py") if statement.search(p.read_text(encoding="utf-8"))]
    assert users == []
