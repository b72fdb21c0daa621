"""The layers contract in pyproject.toml holds, and it catches an upward import.

``lint-imports`` runs in ``make test`` too; these tests show the contract has
teeth: a copy of the package with one bad import must fail it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT = Path(sys.executable).with_name("lint-imports")

pytestmark = pytest.mark.slow


def _lint(tree: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run([str(LINT), "--no-cache"], cwd=tree, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    tree = tmp_path_factory.mktemp("layers")
    shutil.copytree(ROOT / "trainer", tree / "trainer", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tree)
    return tree


def test_the_package_keeps_every_contract(tree):
    result = _lint(tree)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    "where, bad_import, contract",
    [
        ("records/bad_upward.py", "from trainer.services import profiles\n", "Layers point down"),
        ("domain/bad_upward.py", "def f():\n    from trainer.records import store\n", "Layers point down"),
        ("services/bad_qt.py", "from PySide6 import QtCore\n", "Qt only"),
        ("ui/common/bad_feature.py", "from trainer.ui.journal import editor\n", "UI: shell"),
        ("printing/bad_widgets.py", "from trainer.ui.common import zoom\n", "Printing without"),
    ],
)
def test_an_upward_import_breaks_the_contract(tree, where, bad_import, contract):
    bad = tree / "trainer" / where
    bad.write_text(bad_import)
    try:
        result = _lint(tree)
    finally:
        bad.unlink()
    assert result.returncode != 0
    broken = [line for line in result.stdout.splitlines() if line.endswith("BROKEN")]
    assert any(line.startswith(contract) for line in broken), result.stdout
