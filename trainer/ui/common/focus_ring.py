"""A clear focus ring: a 2-pixel frame in the highlight colour around the keyboard focus.

Fusion shows focus, but faintly on lists and in the dark theme. The ring
follows ``QApplication.focusChanged``; it is not drawn when the focus came
from a mouse click (like CSS ``:focus-visible``). It never takes the focus,
nor a click meant for its target: its mask is only the thin band it draws,
outside the target, and a click on that band hides it.

Start-up note: the ring appears with the first focus, as the window opens, so
nothing here touches PySide's ``Qt`` namespace on that path (no widget
attributes, no mouse state); its first use costs tens of milliseconds on
Python 3.11 (see ``main_window``).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect
from PySide6.QtGui import QPainter, QPalette, QPen, QRegion
from PySide6.QtWidgets import QApplication, QSplitter, QWidget

PAD = 3
_PROPERTY = "_trainer_focus_ring"


class FocusRing(QWidget):
    def __init__(self) -> None:
        super().__init__(None)  # a plain QWidget never takes the focus
        self.target: QWidget | None = None

    def paintEvent(self, _event) -> None:
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
        # Only the band the ring is drawn in is ours: clicks on the target reach the target.
        self.setMask(QRegion(self.rect()).subtracted(QRegion(self.rect().adjusted(PAD, PAD, -PAD, -PAD))))
        self.show()
        self.raise_()

    def mousePressEvent(self, event) -> None:
        """A click on the band itself: the mouse is in use, so the ring goes, as after any click."""
        self.hide()
        event.ignore()  # and the click goes on to the widget the ring sits in

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.target:
            kind = event.type()
            if kind in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show):
                self.place()
            elif kind in (QEvent.Type.Hide, QEvent.Type.FocusOut):
                self.hide()
        return False


_ring: list[FocusRing] = []  # the application's one ring, once made
_followers: list = []  # the slot that moves it, while it is connected


def _the_ring() -> FocusRing:
    if not _ring or not shiboken6.isValid(_ring[0]):
        _ring[:] = [FocusRing()]
    return _ring[0]


def install_focus_ring(app: QApplication) -> None:
    """Once per application. The ring lives inside whichever widget holds the focus, so it
    is made again when that widget (a closed dialog) is deleted."""
    if app.property(_PROPERTY):
        return
    first = True

    def on_app_focus_changed(_old, new) -> None:
        nonlocal first
        if new is None:
            _the_ring().follow(None)
            return
        if first:
            first = False
            # The first focus of all is the one the app gives its window as it opens: not a
            # click, and on a control that takes the focus. Nothing to ask, so the Qt
            # namespace stays unbuilt at start-up.
            _the_ring().follow(new)
            return
        from PySide6.QtCore import Qt

        by_mouse = QApplication.mouseButtons() != Qt.MouseButton.NoButton
        if by_mouse or new.focusPolicy() == Qt.FocusPolicy.NoFocus:
            _the_ring().follow(None)
        else:
            _the_ring().follow(new)

    app.focusChanged.connect(on_app_focus_changed)
    _followers.append(on_app_focus_changed)
    app.setProperty(_PROPERTY, True)


def release_focus_ring(app: QApplication) -> None:
    """Stop following the focus once the event loop has ended.

    As the app is torn down, Qt moves the focus and sends the focused widget a last
    few events. Passing them to Python (the focus slot, the ring's event filter)
    makes PySide look up, and build, every widget class it had not built yet:
    about 15 ms of quitting on Python 3.11.
    """
    while _followers:
        app.focusChanged.disconnect(_followers.pop())
    app.setProperty(_PROPERTY, False)
    if _ring and shiboken6.isValid(_ring[0]):
        _ring[0].follow(None)
