"""Whole-application zoom: every control's text grows from the system font.

The zoom (80-200 %) scales the application font. Widgets that set their own
font (bold headings, larger titles) keep their proportion: their fonts are
scaled by the same step. The module reader keeps its own text size.
"""

from __future__ import annotations

import gc

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from trainer.ui.common.application import qapp_or_none

MIN_ZOOM, MAX_ZOOM, DEFAULT_ZOOM = 80, 200, 100
STEPS = (80, 90, 100, 110, 125, 150, 175, 200)
_BASE = "_trainer_base_point_size"
_CURRENT = "_trainer_zoom"
SIZE_RESOLVED = 0x2  # QFont::SizeResolved (the enum is not exposed by PySide6)


def clamp(percent) -> int:
    try:
        value = int(percent)
    except (TypeError, ValueError):
        return DEFAULT_ZOOM
    return max(MIN_ZOOM, min(MAX_ZOOM, value))


def step(percent: int, direction: int) -> int:
    """The next zoom step up (+1) or down (-1); 0 resets."""
    if direction == 0:
        return DEFAULT_ZOOM
    if direction > 0:
        return next((s for s in STEPS if s > percent), MAX_ZOOM)
    return next((s for s in reversed(STEPS) if s < percent), MIN_ZOOM)


def current_zoom(app: QApplication | None = None) -> int:
    app = app or qapp_or_none()
    value = app.property(_CURRENT) if app is not None else None
    return int(value) if value else DEFAULT_ZOOM


def apply_zoom(app: QApplication, percent: int) -> int:
    """Set the application font to ``percent`` of the system size; returns the zoom used."""
    percent = clamp(percent)
    base = app.property(_BASE)
    if not base:
        size = app.font().pointSizeF()
        base = size if size > 0 else 10.0
        app.setProperty(_BASE, base)
    before = current_zoom(app)
    font = QFont(app.font())
    font.setPointSizeF(float(base) * percent / 100)
    app.setFont(font)
    app.setProperty(_CURRENT, percent)
    widgets = all_widgets() if before != percent else []
    if widgets:  # none when the zoom saved last time is set at start-up: nothing to redo
        _rescale_own_fonts(widgets, percent / before)
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, _refresh_combo_sizes)  # once every widget has its new font
    return percent


def all_widgets() -> list:
    """``QApplication.allWidgets()``, made with the garbage collector held off.

    PySide makes a Python object for every widget in the list. Making thousands can
    start a collection, and one that deletes a closed window (and its widgets) leaves
    the rest of the half-made list pointing at freed memory: a crash, seen in the test
    suite about one run in two once a chart's reference cycles were in the garbage.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return QApplication.allWidgets()
    finally:
        if enabled:
            gc.enable()


def _rescale_own_fonts(widgets: list, ratio: float) -> None:
    """Widgets with a font of their own (a bold, larger heading) grow with the rest."""
    from PySide6.QtCore import Qt  # not at import: its first use is slow (see main_window)

    size_bit = SIZE_RESOLVED
    for widget in widgets:
        if not isinstance(widget, QWidget) or not widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
            continue
        font = widget.font()
        if not font.resolveMask() & size_bit or font.pointSizeF() <= 0:
            continue
        font.setPointSizeF(max(6.0, font.pointSizeF() * ratio))
        widget.setFont(font)


def _refresh_combo_sizes() -> None:
    """A QComboBox keeps the minimum size it first worked out, whatever the font does after
    (a font change clears only its preferred size): combos built at one zoom would stay too tall
    or too narrow at another. A style change clears both."""
    import shiboken6
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QComboBox

    combos = [w for w in all_widgets() if isinstance(w, QComboBox)]
    for combo in combos:  # one closing window may take others with it: skip what is gone
        if shiboken6.isValid(combo):
            QApplication.sendEvent(combo, QEvent(QEvent.Type.StyleChange))
