"""The course as a path on Home: one stop a module, filled when done, a ring when only marked
done by hand, the module to carry on with larger. A click or Enter on a stop opens its module.

Home is built at start-up, so this module never touches PySide's ``Qt`` namespace on the way
there (see ``trainer/ui/home/view.py``): enum values are plain ints, and the key names are
looked up only when a key is pressed."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

STRONG_FOCUS = 0x0B  # Qt.FocusPolicy.StrongFocus
LEFT_BUTTON = 0x01  # Qt.MouseButton.LeftButton
STATE_WORDS = {"done": "done", "hand": "marked done by hand, check not passed", "todo": "not done yet"}


class ModulePath(QWidget):
    """``set_modules`` takes ``(id, title, state)`` tuples and the id to carry on with."""

    module_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.modules: tuple[tuple[str, str, str], ...] = ()
        self.current: str | None = None
        self.selected = 0  # the stop the keyboard is on
        self.setProperty("focusPolicy", STRONG_FOCUS)
        self.setAccessibleName("Course progress")
        self.setMouseTracking(True)

    def set_modules(self, modules: tuple[tuple[str, str, str], ...], current: str | None) -> None:
        self.modules, self.current = tuple(modules), current
        ids = [m[0] for m in self.modules]
        self.selected = ids.index(current) if current in ids else 0
        self._describe()
        self.updateGeometry()
        self.update()

    def _describe(self) -> None:
        done = sum(1 for m in self.modules if m[2] == "done")
        text = f"{done} of {len(self.modules)} modules done"
        if self.modules:
            mid, title, state = self.modules[self.selected]
            text += f". Module {self.selected + 1}, {title}: {STATE_WORDS[state]}. Left and Right move, Enter opens it"
        self.setAccessibleDescription(text)

    # -- geometry ----------------------------------------------------------------------
    def _radius(self) -> float:
        return max(5.0, self.fontMetrics().height() * 0.42)

    def _centres(self) -> list[QPointF]:
        n = len(self.modules)
        r = self._radius() * 1.6
        if n == 0:
            return []
        step = (self.width() - 2 * r) / max(1, n - 1)
        y = self.height() / 2
        return [QPointF(r + i * step, y) for i in range(n)]

    def sizeHint(self):
        size = super().sizeHint()
        size.setHeight(int(self._radius() * 4.4))
        size.setWidth(int(max(1, len(self.modules)) * self._radius() * 3.2))
        return size

    def minimumSizeHint(self):
        size = self.sizeHint()
        size.setWidth(int(max(1, len(self.modules)) * self._radius() * 2.4))
        return size

    def stop_at(self, x: float, y: float) -> int | None:
        r = self._radius() * 1.5
        for i, c in enumerate(self._centres()):
            if abs(c.x() - x) <= r and abs(c.y() - y) <= r * 1.5:
                return i
        return None

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        if not self.modules:
            return
        pal = self.palette()
        accent = pal.color(QPalette.ColorRole.Highlight)
        muted = pal.color(QPalette.ColorRole.Mid)
        base = pal.color(QPalette.ColorRole.Base)
        text = pal.color(QPalette.ColorRole.WindowText)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        centres = self._centres()
        r = self._radius()
        line = max(2.0, r / 3)
        for a, b, module in zip(centres, centres[1:], self.modules):
            painter.setPen(QPen(accent if module[2] == "done" else muted, line))
            painter.drawLine(a, b)
        for i, (c, (mid, _title, state)) in enumerate(zip(centres, self.modules)):
            radius = r * 1.35 if mid == self.current else r
            fill = accent if state == "done" else base
            painter.setPen(QPen(accent if state != "todo" or mid == self.current else muted, line))
            painter.setBrush(QBrush(fill))
            painter.drawEllipse(c, radius, radius)
            if mid == self.current and state != "done":
                painter.setBrush(QBrush(accent))
                painter.drawEllipse(c, radius / 3, radius / 3)
            if i == self.selected and self.hasFocus():
                painter.setPen(QPen(text, 1.5))
                painter.setBrush(QBrush(QColor(0, 0, 0, 0)))
                painter.drawRect(QRectF(c.x() - radius - 4, c.y() - radius - 4, 2 * radius + 8, 2 * radius + 8))
        painter.end()

    # -- input ---------------------------------------------------------------------------
    def _tooltip(self, i: int) -> str:
        _mid, title, state = self.modules[i]
        return f"{i + 1}. {title}: {STATE_WORDS[state]}"

    def mouseMoveEvent(self, event) -> None:
        """The tooltip names the stop under the pointer (set here: no ``event()`` override)."""
        i = self.stop_at(event.position().x(), event.position().y())
        self.setToolTip("" if i is None else self._tooltip(i))
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if int(event.button().value) == LEFT_BUTTON:
            i = self.stop_at(event.position().x(), event.position().y())
            if i is not None:
                self.selected = i
                self.module_chosen.emit(self.modules[i][0])
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:
        from PySide6.QtCore import Qt

        key = event.key()
        n = len(self.modules)
        moves = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Home: -n, Qt.Key.Key_End: n}
        if n and key in moves:
            self.selected = max(0, min(n - 1, self.selected + moves[key]))
            self._describe()
            self.update()
            self.setToolTip(self._tooltip(self.selected))
            return
        if n and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.module_chosen.emit(self.modules[self.selected][0])
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.update()
