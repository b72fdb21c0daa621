"""Scroll to whatever gets the keyboard focus inside a scroll area.

QScrollArea scrolls to a control reached with Tab, but not to one reached
with an Alt+letter shortcut (a label's buddy), a menu command or a search: the
focus then sits out of sight. ``keep_focus_visible(area)`` closes that gap.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from trainer.ui.common.application import qapp

MARGIN = 24  # pixels of context kept around the control


class _FocusFollower(QObject):
    """A child of the area, so its connection ends when the area is deleted."""

    def __init__(self, area: QScrollArea):
        super().__init__(area)
        self.area = area
        qapp().focusChanged.connect(self.on_app_focus_changed)

    def on_app_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        inner = self.area.widget()
        if new is None or inner is None or not inner.isAncestorOf(new):
            return
        if QApplication.mouseButtons() != Qt.MouseButton.NoButton:
            return  # a click: what was clicked is in sight already, and the page must not jump
        self.area.ensureWidgetVisible(new, MARGIN, MARGIN)


def keep_focus_visible(area: QScrollArea) -> None:
    _FocusFollower(area)
