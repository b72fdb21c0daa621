"""Run a short Python script in a fresh process, offscreen: for what only a new process shows
(which modules start-up or a first open loads, what PySide6 builds)."""

from __future__ import annotations

import os
import subprocess
import sys


def run_python(code: str, *args: str, timeout: int = 120, check: bool = False) -> subprocess.CompletedProcess[str]:
    """``python -c code args...`` with Qt offscreen; its output as text."""
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=check,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
