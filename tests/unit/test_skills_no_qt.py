"""The skills logic stays Qt-free: importing it must not load PySide6 or pyqtgraph."""

from __future__ import annotations

import subprocess
import sys


def test_skills_logic_does_not_import_qt():
    code = ("import sys; import trainer.competencies.coding, trainer.competencies.dashboard, "
            "trainer.tools.demo_ratings, trainer.competencies.teaching, trainer.services.ratings; "
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))]; "
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
