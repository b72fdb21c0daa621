"""A clear focus ring: a 2-pixel frame in the highlight colour around the keyboard focus.

Fusion shows focus, but faintly on lists and in the dark theme. The ring
follows ``QApplication.focusChanged``; it is not drawn when the focus came
from a mouse click (like CSS ``:focus-visible``), and never takes focus or
mouse clicks itself.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QSplitter, QWidget

PAD = 3
_PROPERTY = "_trainer_focus_ring"


class FocusRing(QWidget):
    def __init__(self):
        super().__init__(None)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target: QWidget | None = None

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        pen = QPen(QApplication.palette().color(QPalette.ColorRole.Highlight), 2)
        painter.setPen(pen)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.drawRoundedRect(self.rect().adjusted(1, 1, -1, -1), 3, 3)

    def follow(self, widget: QWidget | None) -> None:
        if self.target is not None and shiboken6.isValid(self.target):
            self.target.removeEventFilter(self)
        self.target = widget
        host = widget.parentWidget() if widget is not None else None
        while isinstance(host, QSplitter):  # a splitter would adopt the ring as a pane
            host = host.parentWidget()
        if widget is None or host is None or widget.isWindow():
            self.hide()
            return
        if self.parentWidget() is not host:
            self.setParent(host)
        widget.installEventFilter(self)
        self.place()

    def place(self) -> None:
        target, host = self.target, self.parentWidget()
        if target is None or host is None or not shiboken6.isValid(target) or not target.isVisible():
            self.hide()
            return
        top_left = target.mapTo(host, QPoint(0, 0))
        self.setGeometry(QRect(top_left, target.size()).adjusted(-PAD, -PAD, PAD, PAD))
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self.target:
            kind = event.type()
            if kind in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show):
                self.place()
            elif kind in (QEvent.Type.Hide, QEvent.Type.FocusOut):
                self.hide()
        return False


def install_focus_ring(app: QApplication) -> None:
    """Once per application. The ring lives inside whichever widget holds the focus, so it
    is made again when that widget (a closed dialog) is deleted."""
    if app.property(_PROPERTY):
        return
    holder: dict[str, FocusRing] = {}

    def ring() -> FocusRing:
        current = holder.get("ring")
        if current is None or not shiboken6.isValid(current):
            current = holder["ring"] = FocusRing()
        return current

    def on_app_focus_changed(_old, new) -> None:
        by_mouse = QApplication.mouseButtons() != Qt.MouseButton.NoButton
        if new is None or by_mouse or new.focusPolicy() == Qt.FocusPolicy.NoFocus:
            ring().follow(None)
        else:
            ring().follow(new)

    app.focusChanged.connect(on_app_focus_changed)
    app.setProperty(_PROPERTY, True)
