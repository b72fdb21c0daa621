"""Comfortable list rows: a title over a muted subtitle, painted from the tokens.

Not at start-up: Home gives its list these rows when it first has rows to show.
Nothing here touches PySide's ``Qt`` namespace or ``QStyle`` (flags by value).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QRectF, QSize
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate

from trainer.domain import tokens
from trainer.ui.common.style import token

WRAP = 0x0001 | 0x0020 | 0x1000  # Qt.AlignLeft | Qt.AlignTop | Qt.TextWordWrap, by value
# Between the row's edges and its words: the row's inset, then the text's padding left and right.
SIDES = 2 * tokens.SPACE_HALF + (tokens.SPACE_2 - tokens.SPACE_HALF) + tokens.SPACE_1


class RowDelegate(QStyledItemDelegate):
    """A list row with room: the first line of the item's text as a title (medium weight),
    the rest as a muted subtitle, on a 56-px-or-more row with the grid's padding.

    Title and subtitle wrap to as many lines as the view's width needs (never cut short
    with an ellipsis, at any zoom), and the rows are laid out again when the view's width
    or font changes.

    Items keep their plain "title\\nsubtitle" text, so screen readers and tests read
    the same words as before.
    """

    def __init__(self, view: QAbstractItemView, parent=None):
        super().__init__(parent or view)
        self.view = view
        self.laid_out_width = -1
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.view:  # an editor's events: the delegate's own handling
            return super().eventFilter(watched, event)
        kind = event.type()  # the view's events: never hand them on as an editor's
        if kind in (QEvent.Type.Resize, QEvent.Type.FontChange):
            width = self.text_width()
            if width != self.laid_out_width or kind == QEvent.Type.FontChange:
                self.laid_out_width = width
                model = self.view.model()
                if model is not None and model.rowCount():
                    self.sizeHintChanged.emit(model.index(0, 0))  # the view lays out every row again
        return False

    def text_width(self) -> int:
        """The width the words of a row wrap to: the view's inside, less room for a vertical
        scroll bar (so rows that grow and bring one in still fit), less the row's padding.
        Measured on the view itself, not its viewport (see docs/ARCHITECTURE.md, start-up)."""
        view = self.view
        inside = view.width() - 2 * view.frameWidth() - view.verticalScrollBar().sizeHint().width()
        return max(1, inside - SIDES)

    @staticmethod
    def parts(text: str) -> tuple[str, str]:
        title, _, rest = (text or "").partition("\n")
        return title, rest.replace("\n", " \u00b7 ")

    @staticmethod
    def fonts(option) -> tuple[QFont, QFont]:
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        return bold, option.font

    @staticmethod
    def text_height(font: QFont, text: str, width: int) -> int:
        return QFontMetrics(font).boundingRect(QRect(0, 0, width, 1 << 20), WRAP, text).height()

    def sizeHint(self, option, index) -> QSize:
        title, subtitle = self.parts(str(index.data() or ""))
        bold, plain = self.fonts(option)
        width = self.text_width()
        height = self.text_height(bold, title, width) + 2 * tokens.SPACE_1 + tokens.SPACE_HALF
        if subtitle:
            height += tokens.SPACE_HALF + self.text_height(plain, subtitle, width)
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
        bold, plain = self.fonts(option)
        inner = rect.adjusted(tokens.SPACE_2 - tokens.SPACE_HALF, tokens.SPACE_1, -tokens.SPACE_1, -tokens.SPACE_1)
        width = int(inner.width())
        top = self.text_height(bold, title, width)
        painter.setFont(bold)
        painter.setPen(text_colour)
        painter.drawText(QRectF(inner.left(), inner.top(), width, top), WRAP, title)
        if subtitle:
            painter.setFont(plain)
            painter.setPen(muted)
            y = inner.top() + top + tokens.SPACE_HALF
            painter.drawText(QRectF(inner.left(), y, width, self.text_height(plain, subtitle, width)), WRAP, subtitle)
        painter.restore()


def use_rows(view) -> RowDelegate:
    """Give a list view comfortable two-line rows (title, muted subtitle)."""
    delegate = RowDelegate(view)
    view.setItemDelegate(delegate)
    view.setProperty("spacing", tokens.SPACE_HALF // 2)
    return delegate
