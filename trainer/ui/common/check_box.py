"""A check box whose box shows in both themes (used in place of ``QCheckBox``).

Fusion draws the box's border in the window colour made 1.4 times darker (on the dark
theme, a black square on charcoal), so this one's window colour is ``outline_source``,
which that darkening turns into the ``border`` token (3:1 in both themes).
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QWidget

from trainer.ui.common.style import tint


def CheckBox(text: str = "", parent: QWidget | None = None) -> QCheckBox:
    box = QCheckBox(text, parent)
    tint(box, Window="outline_source")
    return box
