"""Importing the Qt-free layers loads no Qt at run time.

The import-linter contract "Qt only in ui and printing" checks the imports
written in the code; this checks what really loads, indirect imports included.
"""

import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "trainer"
QT_ALLOWED = {"ui", "printing", "app.py", "__main__.py", "cli.py", "cli_export.py"}


def _qt_free_modules() -> list[str]:
    modules = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] in QT_ALLOWED:
            continue
        modules.append(".".join(("trainer", *rel.with_suffix("").parts)).removesuffix(".__init__"))
    return sorted(modules)


def test_the_qt_free_layers_are_found():
    modules = _qt_free_modules()
    assert "trainer.records.store" in modules and "trainer.services.journal" in modules
    assert not any(m.startswith(("trainer.ui", "trainer.printing")) for m in modules)


def test_importing_the_core_does_not_load_qt():
    code = (
        "import importlib, sys\n"
        f"for m in {_qt_free_modules()!r}: importlib.import_module(m)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
