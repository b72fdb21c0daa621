"""The session as a timeline: one segment per phase, as wide as its minutes.

Phases behind us are filled lightly, the current one in the highlight colour
(the part already run a shade deeper), those to come are outlined; a marker
shows how far the session has run. A
segment shows its phase's name when the name fits whole, else its number,
else nothing (the tooltip and the accessible description always have it all):
no name is ever cut.

Keyboard: Left/Right (Home/End) move a focus mark along the phases, Enter or
Space goes to the marked phase. A click goes to the clicked phase.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from trainer.sessions.timeline import clock_text, phase_starts

GAP = 2  # pixels between segments
PAD = 6  # pixels of room either side of a segment's text


class PhaseBar(QWidget):
    phase_activated = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.titles: list[str] = []
        self.minutes: list[int] = []
        self.current = 0
        self.mark = 0  # the phase the keyboard's focus mark is on
        self.progress = 0.0  # 0..1 of the planned minutes
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Session timeline")
        self.setMouseTracking(True)
        self._describe()

    # -- state ---------------------------------------------------------------------------
    def set_phases(self, titles: list[str], minutes: list[int]) -> None:
        self.titles, self.minutes = list(titles), [max(0, int(m)) for m in minutes]
        self.current = self.mark = 0
        self.updateGeometry()
        self._describe()
        self.update()

    def set_current(self, index: int) -> None:
        if self.titles:
            self.current = self.mark = max(0, min(index, len(self.titles) - 1))
        self._describe()
        self.update()

    def set_progress(self, fraction: float) -> None:
        fraction = max(0.0, min(1.0, fraction))
        if abs(fraction - self.progress) > 1e-4:
            self.progress = fraction
            self.update()

    def describe_phase(self, index: int) -> str:
        starts = phase_starts(self.minutes)
        where = "now" if index == self.current else "done" if index < self.current else "to come"
        return (
            f"Phase {index + 1} of {len(self.titles)}: {self.titles[index]}, {self.minutes[index]} min, "
            f"from {clock_text(starts[index])} ({where})"
        )

    def _describe(self) -> None:
        self.setAccessibleDescription(self.describe_phase(self.mark) if self.titles else "No plan")

    # -- geometry ------------------------------------------------------------------------
    def segment_rects(self) -> list[QRectF]:
        total = sum(self.minutes)
        if not self.titles or total <= 0:
            return []
        inner = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        usable = inner.width() - GAP * (len(self.minutes) - 1)
        rects, x = [], inner.left()
        for m in self.minutes:
            w = max(1.0, usable * m / total)
            rects.append(QRectF(x, inner.top(), w, inner.height()))
            x += w + GAP
        return rects

    def segment_text(self, index: int, rect: QRectF | None = None) -> str:
        """What a segment shows: the name if it fits whole, else the number if that fits, else ''."""
        rect = rect if rect is not None else self.segment_rects()[index]
        fm = QFontMetrics(self._font(index == self.current))
        room = rect.width() - 2 * PAD
        for text in (self.titles[index], str(index + 1)):
            if fm.horizontalAdvance(text) <= room:
                return text
        return ""

    def index_at(self, x: float) -> int | None:
        for i, rect in enumerate(self.segment_rects()):
            if rect.left() - GAP <= x <= rect.right() + GAP:
                return i
        return None

    def _font(self, bold: bool):
        font = self.font()
        font.setBold(bold)
        return font

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 60, self._bar_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 10, self._bar_height())

    def _bar_height(self) -> int:
        return int(self.fontMetrics().height() * 2.2)

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        pal = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        highlight = pal.color(QPalette.ColorRole.Highlight)
        done_fill = QColor(highlight)
        done_fill.setAlpha(70)
        for i, rect in enumerate(self.segment_rects()):
            current = i == self.current
            if current:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(highlight)
            elif i < self.current:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(done_fill)
            else:
                painter.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 1))
                painter.setBrush(pal.color(QPalette.ColorRole.Base))
            painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
            run_to = 1 + (self.width() - 2) * self.progress
            if current and run_to > rect.left():  # the part of this phase already run, a shade deeper
                path = QPainterPath()
                path.addRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
                painter.save()
                painter.setClipPath(path)
                painter.fillRect(
                    QRectF(rect.left(), rect.top(), min(rect.width(), run_to - rect.left()), rect.height()),
                    highlight.darker(130),
                )
                painter.restore()
            text = self.segment_text(i, rect)
            if text:
                painter.setFont(self._font(current))
                painter.setPen(
                    pal.color(QPalette.ColorRole.HighlightedText if current else QPalette.ColorRole.WindowText)
                )
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
            if i == self.mark and self.hasFocus():
                pen = QPen(pal.color(QPalette.ColorRole.WindowText), 2, Qt.PenStyle.DotLine)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(rect.adjusted(2, 2, -2, -2), 3, 3)
        if self.titles and self.progress > 0:
            x = 1 + (self.width() - 2) * self.progress
            painter.setPen(QPen(pal.color(QPalette.ColorRole.WindowText), 2))
            painter.drawLine(int(x), 0, int(x), self.height())
        painter.end()

    # -- input ---------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        key, n = event.key(), len(self.titles)
        moves = {
            Qt.Key.Key_Left: self.mark - 1,
            Qt.Key.Key_Right: self.mark + 1,
            Qt.Key.Key_Home: 0,
            Qt.Key.Key_End: n - 1,
        }
        if n and key in moves:
            self.mark = max(0, min(moves[key], n - 1))
            self._describe()
            self.update()
            event.accept()
        elif n and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.phase_activated.emit(self.mark)
            event.accept()
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:
        index = self.index_at(event.position().x())
        if index is not None and event.button() == Qt.MouseButton.LeftButton:
            self.mark = index
            self._describe()
            self.phase_activated.emit(index)
            event.accept()
        else:
            super().mousePressEvent(event)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.mark = self.current
        self._describe()
        self.update()

    def event(self, event) -> bool:
        if event.type() == event.Type.ToolTip:
            index = self.index_at(event.pos().x())  # a QHelpEvent
            if index is not None:
                QToolTip.showText(event.globalPos(), self.describe_phase(index), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
