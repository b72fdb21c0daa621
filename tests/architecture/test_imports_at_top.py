"""Start-up tuning lives in one place: the modules that start-up loads.

Those modules import what Home does not need inside the function that first
needs it (see docs/ARCHITECTURE.md, "Start-up"). Every other module imports
at the top, except a few marked ``# lazy: why`` (a heavy library that waits
until it is used). So a function-level import elsewhere is a mistake, or a
deferral that must say why.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.probe import run_python

PACKAGE = Path(__file__).resolve().parents[2] / "trainer"

pytestmark = pytest.mark.slow


def _module(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@pytest.fixture(scope="module")
def startup_modules(tmp_path_factory) -> set[str]:
    data = tmp_path_factory.mktemp("data")
    code = (
        "import sys\nfrom trainer.cli import main\n"
        f"main(['--smoke', '--data', {str(data)!r}])\n"  # the first start makes the data folder
        f"main(['--smoke', '--data', {str(data)!r}])\n"
        "print(' '.join(m for m in sys.modules if m.startswith('trainer')))\n"
    )
    result = run_python(code)
    loaded = set(result.stdout.split())
    assert "trainer.ui.shell.main_window" in loaded, result.stderr
    return loaded


def _function_level_imports(path: Path) -> list[tuple[int, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    found = []
    for fn in ast.walk(ast.parse("\n".join(lines))):
        if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for node in ast.walk(fn):
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    found.append((node.lineno, lines[node.lineno - 1].strip()))
    return found


def test_only_start_up_modules_defer_imports_without_saying_why(startup_modules):
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if _module(path) in startup_modules:
            continue
        for line, text in _function_level_imports(path):
            if "# lazy:" not in text:
                offenders.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {text}")
    assert offenders == [], "import at the top, or mark '# lazy: why':\n" + "\n".join(offenders)


def test_the_start_up_set_is_small(startup_modules):
    """Home, the store and the services it shows: not the other sections."""
    for later in (
        "trainer.ui.course.view",
        "trainer.ui.journal.view",
        "trainer.ui.skills.view",
        "trainer.ui.session.view",
        "trainer.ui.scenarios.view",
        "trainer.printing.a4",
        "trainer.review.schedule",  # FSRS: Home counts what is due without it
        "trainer.ui.review.view",
    ):
        assert later not in startup_modules


def test_start_up_imports_the_qt_free_layers_before_pyside(startup_modules, tmp_path):
    """PySide6's import hook reads the source of every module imported after it, so app.py
    imports every Qt-free module start-up needs first (the import sorter once undid this)."""
    data = tmp_path / "data"
    code = f"from trainer.cli import main\nmain(['--smoke', '--data', {str(data)!r}])\n"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120, env=env, check=True)
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=True,
    )
    order = [line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if "|" in line]
    qt_at = order.index("PySide6.QtCore")
    qt_free = [
        m
        for m in startup_modules
        if not m.startswith(("trainer.ui", "trainer.printing"))
        and m not in ("trainer.app", "trainer.cli", "trainer.cli_export", "trainer.__main__")
    ]
    late = [m for m in qt_free if m in order and order.index(m) > qt_at]
    assert late == [], f"imported after PySide6 (import them at the top of app.py): {late}"
