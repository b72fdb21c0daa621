"""Scenario loading, scoring and the practice service stay free of Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_no_qt_imports_in_scenario_code():
    files = list((ROOT / "trainer" / "scenarios").rglob("*.py")) + [
        ROOT / "trainer" / "services" / "scenario_practice.py"]
    leaking = [f.name for f in files if "PySide6" in f.read_text(encoding="utf-8")]
    assert files and leaking == []


def test_importing_scenario_code_does_not_load_qt():
    code = ("import sys, trainer.scenarios.loader, trainer.scenarios.render, trainer.scenarios.align, "
            "trainer.scenarios.scoring, trainer.services.scenario_practice; "
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"
