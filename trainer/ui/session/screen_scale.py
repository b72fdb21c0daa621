"""Larger text on a large window: the control view on a full-HD laptop beside a projector
reads at a glance, not at the 12 pixels a desktop form uses.

The view's font is the application font (which holds the zoom) times SCALE; widgets
with a size of their own (the current phase's title, the countdown, the lists) keep
their proportion, as they do when the zoom changes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from trainer.ui.common.zoom import SIZE_RESOLVED

LARGE = (1700, 900)  # a view at least this wide and tall takes the larger text
SCALE = 1.2


def scale_for(width: int, height: int) -> float:
    return SCALE if width >= LARGE[0] and height >= LARGE[1] else 1.0


def rescale_view(view: QWidget, scale: float, current: float) -> None:
    """Give ``view`` text at ``scale`` times the application font (it was at ``current``)."""
    if abs(scale - current) < 1e-6:
        return
    ratio = scale / current
    for widget in view.findChildren(QWidget):
        if not widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
            continue
        font = widget.font()
        if font.resolveMask() & SIZE_RESOLVED and font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * ratio)
            widget.setFont(font)
    if abs(scale - 1.0) < 1e-6:
        view.setFont(QFont())  # nothing of its own: the application font again
    else:
        font = QFont(QApplication.font())
        font.setPointSizeF(QApplication.font().pointSizeF() * scale)
        view.setFont(font)
