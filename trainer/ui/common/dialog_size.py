"""Dialogs that fit: never larger than the window they belong to.

Several dialogs ask for a size that grows with the zoom (``em * 45`` wide, say).
At 175% in an 800x600 window that is wider and taller than the window itself,
and on a small screen its buttons would be off the edge. ``fit_to_window``
shrinks such a dialog to its window (or, with none, the screen's free area),
never below what its layout needs; its lists and text then scroll or wrap.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget


def room_for(dialog: QWidget) -> QSize | None:
    """The most a dialog may take: its window's size, else its screen's free area."""
    parent = dialog.parentWidget()
    if parent is not None:
        return parent.window().size()
    screen = dialog.screen()
    return screen.availableGeometry().size() if screen is not None else None


def fit_to_window(dialog: QWidget) -> None:
    """Shrink ``dialog`` (after it chose its size) to fit ``room_for`` it."""
    room = room_for(dialog)
    if room is None:
        return
    fitted = dialog.size().boundedTo(room).expandedTo(dialog.minimumSizeHint())
    if fitted != dialog.size():
        dialog.resize(fitted)
