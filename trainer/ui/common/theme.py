"""Palette and the matching page theme for rendered modules."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from trainer.modules.themes import DARK, LIGHT, Theme
from trainer.ui.common.application import qapp_or_none


def page_theme(app: QApplication | None = None) -> Theme:
    """LIGHT or DARK, following the window colour of the current palette."""
    app = app or qapp_or_none()
    if app is None:
        return LIGHT
    window = app.palette().color(QPalette.ColorRole.Window)
    return DARK if window.lightness() < 128 else LIGHT


def base_point_size(app: QApplication | None = None) -> int:
    app = app or qapp_or_none()
    size = app.font().pointSize() if app is not None else 11
    return max(11, size + 1)
