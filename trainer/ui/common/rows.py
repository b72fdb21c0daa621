"""Comfortable list rows: a title over a muted subtitle, painted from the tokens.

Not at start-up: Home gives its list these rows when it first has rows to show.
Nothing here touches PySide's ``Qt`` namespace or ``QStyle`` (flags by value).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyledItemDelegate

from trainer.domain import tokens
from trainer.ui.common.style import token


class RowDelegate(QStyledItemDelegate):
    """A list row with room: the first line of the item's text as a title (medium weight),
    the rest as a muted subtitle, on a 56-px-or-more row with the grid's padding.

    Items keep their plain "title\\nsubtitle" text, so screen readers and tests read
    the same words as before.
    """

    def __init__(self, view, parent=None):
        super().__init__(parent or view)
        self.view = view

    @staticmethod
    def parts(text: str) -> tuple[str, str]:
        title, _, rest = (text or "").partition("\n")
        return title, rest.replace("\n", " \u00b7 ")

    def sizeHint(self, option, index) -> QSize:
        metrics = QFontMetrics(option.font)
        _title, subtitle = self.parts(str(index.data() or ""))
        lines = 2 if subtitle else 1
        height = lines * metrics.height() + (lines - 1) * tokens.SPACE_HALF + 2 * tokens.SPACE_1 + tokens.SPACE_HALF
        return QSize(max(120, option.rect.width()), height)

    def paint(self, painter: QPainter, option, index) -> None:
        view = self.view
        selected = view.selectionModel() is not None and view.selectionModel().isSelected(index)
        rect = QRectF(option.rect).adjusted(tokens.SPACE_HALF, 2, -tokens.SPACE_HALF, -2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = view.palette()
        if selected:
            painter.setPen(token("accent"))
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(rect, tokens.RADIUS, tokens.RADIUS)
        title, subtitle = self.parts(str(index.data() or ""))
        text_colour = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = text_colour if selected else token("text_muted")
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        metrics = QFontMetrics(bold)
        inner = rect.adjusted(tokens.SPACE_2 - tokens.SPACE_HALF, tokens.SPACE_1, -tokens.SPACE_1, -tokens.SPACE_1)
        width = int(inner.width())
        painter.setFont(bold)
        painter.setPen(text_colour)
        painter.drawText(QPointF(inner.left(), inner.top() + metrics.ascent()), _elide(metrics, title, width))
        if subtitle:
            plain = QFontMetrics(option.font)
            painter.setFont(option.font)
            painter.setPen(muted)
            y = inner.top() + metrics.height() + tokens.SPACE_HALF + plain.ascent()
            painter.drawText(QPointF(inner.left(), y), _elide(plain, subtitle, width))
        painter.restore()


def _elide(metrics: QFontMetrics, text: str, width: int) -> str:
    """``text`` cut with an ellipsis to fit ``width`` (without Qt's elide-mode enum)."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    while text and metrics.horizontalAdvance(text + "\u2026") > width:
        text = text[:-1]
    return text.rstrip() + "\u2026"


def use_rows(view) -> RowDelegate:
    """Give a list view comfortable two-line rows (title, muted subtitle)."""
    delegate = RowDelegate(view)
    view.setItemDelegate(delegate)
    view.setProperty("spacing", tokens.SPACE_HALF // 2)
    return delegate
