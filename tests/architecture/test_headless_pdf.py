"""``trainer export --format pdf`` prints without loading Qt's widgets or ui/."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow

CODE = """
import sys
from trainer.cli import main
rc = main(['export', '--format', 'pdf', '-o', sys.argv[1], '--data', sys.argv[2]])
loaded = sorted(m for m in sys.modules if m == 'PySide6.QtWidgets' or m.startswith('trainer.ui'))
print(rc, loaded)
"""


def test_pdf_export_loads_no_widgets(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    out = tmp_path / "portfolio.pdf"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", CODE, str(out), str(data)], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.stdout.strip().splitlines()[-1] == "0 []", result.stdout + result.stderr
    assert out.read_bytes().startswith(b"%PDF")
