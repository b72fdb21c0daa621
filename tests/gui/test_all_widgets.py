"""Listing every widget (zoom does, to rescale fonts and combos) survives a garbage collection.

PySide makes a Python object for each widget in QApplication.allWidgets(). If making them
starts a collection that deletes closed windows still in the half-made list, the rest of the
list points at freed memory and the process crashes. It happened in the test suite about one
run in two. The script below makes that collection certain; it runs in its own process so a
regression is a failed test, not a crashed suite.
"""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
import gc
from PySide6.QtWidgets import QApplication, QComboBox, QScrollArea, QTextEdit, QVBoxLayout, QWidget
from trainer.ui.common.zoom import all_widgets

app = QApplication([])

def window(cycle):
    w = QWidget()
    layout = QVBoxLayout(w)
    for _ in range(4):  # widgets whose inner parts Qt makes: PySide wraps those when listed
        layout.addWidget(QScrollArea()); layout.addWidget(QComboBox()); layout.addWidget(QTextEdit())
    if cycle:
        w.me = w  # garbage only the collector frees, with its widgets
    return w

kept = [window(False) for _ in range(10)]
gc.disable()
for _ in range(40):
    window(True)
gc.enable()
gc.set_threshold(1)  # collect at almost every allocation
print("listed", len(all_widgets()))
"""


def test_listing_every_widget_survives_a_collection():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, f"crashed ({result.returncode}): {result.stderr[-500:]}"
    assert result.stdout.startswith("listed ")
