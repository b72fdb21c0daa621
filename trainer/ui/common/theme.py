"""Palette and the matching page theme for rendered modules."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from trainer.modules.themes import DARK, LIGHT, Theme


def page_theme(app: QApplication | None = None) -> Theme:
    """LIGHT or DARK, following the window colour of the current palette."""
    app = app or QApplication.instance()
    if app is None:
        return LIGHT
    window = app.palette().color(QPalette.ColorRole.Window)
    return DARK if window.lightness() < 128 else LIGHT


def base_point_size(app: QApplication | None = None) -> int:
    app = app or QApplication.instance()
    size = app.font().pointSize() if app is not None else 11
    return max(11, size + 1)
