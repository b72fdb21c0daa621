"""Rows of the phase list, drawn in three columns: the start time, the title (wrapping
onto a second line rather than being cut), the minutes on the right.

Phases already run are muted; the current one is selected and bold. The item's own
text stays the whole row ("0:32  Round 1: set the agenda together · 8 min") for
screen readers, copying and tests.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from trainer.ui.common.item_paint import paint_row_frame

Index = QModelIndex | QPersistentModelIndex
ROW = Qt.ItemDataRole.UserRole + 1  # (clock text, title, minutes text)
PAD = 6
FLAGS = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)


class PhaseRowDelegate(QStyledItemDelegate):
    def __init__(self, view: QListWidget):
        super().__init__(view)
        self.view = view

    # -- columns -------------------------------------------------------------------------
    def columns(self, rect: QRect, fm: QFontMetrics) -> tuple[QRect, QRect, QRect]:
        """The time, title and minutes rectangles of a row."""
        time_w = fm.horizontalAdvance("0:00") + 2 * PAD
        mins_w = fm.horizontalAdvance("00 min") + PAD
        inner = rect.adjusted(PAD, PAD // 2, -PAD, -PAD // 2)
        time = QRect(inner.left(), inner.top(), time_w, inner.height())
        mins = QRect(inner.right() - mins_w + 1, inner.top(), mins_w, inner.height())
        title = QRect(time.right() + 1, inner.top(), max(10, mins.left() - time.right() - PAD), inner.height())
        return time, title, mins

    def title_height(self, title: str, width: int, fm: QFontMetrics) -> int:
        return fm.boundingRect(QRect(0, 0, width, 10_000), FLAGS, title).height()

    def _parts(self, index: Index) -> tuple[str, str, str]:
        parts = index.data(ROW)
        if parts:
            clock, title, minutes = parts
            return str(clock), str(title), str(minutes)
        return "", str(index.data() or ""), ""

    def _bold_metrics(self, option: QStyleOptionViewItem) -> QFontMetrics:
        font = option.font
        font.setBold(True)
        return QFontMetrics(font)

    # -- QStyledItemDelegate -------------------------------------------------------------
    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        # the current row is bold (the list is laid out again when the current row moves)
        fm = self._bold_metrics(option) if index.row() == self.view.currentRow() else QFontMetrics(option.font)
        width = self.view.viewport().width()
        _time, title_rect, _mins = self.columns(QRect(0, 0, width, 100), self._bold_metrics(option))
        _clock, title, _minutes = self._parts(index)
        height = max(fm.height(), self.title_height(title, title_rect.width(), fm))
        return QSize(width, height + PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt, _text = paint_row_frame(self, painter, option, index, self.view)
        clock, title, minutes = self._parts(index)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        done = index.row() < self.view.currentRow()
        pal = opt.palette
        strong = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = strong if selected else pal.color(QPalette.ColorRole.PlaceholderText)
        font = opt.font
        font.setBold(selected)
        time_rect, title_rect, mins_rect = self.columns(opt.rect, self._bold_metrics(option))
        painter.save()
        painter.setFont(font)
        painter.setPen(muted)
        painter.drawText(time_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), clock)
        painter.drawText(mins_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), minutes)
        painter.setPen(muted if done else strong)
        painter.drawText(title_rect, FLAGS, title)
        painter.restore()


def set_up_phase_list(view: QListWidget) -> PhaseRowDelegate:
    """Rows that wrap and re-measure when the list is resized."""
    delegate = PhaseRowDelegate(view)
    view.setItemDelegate(delegate)
    view.setResizeMode(QListWidget.ResizeMode.Adjust)
    view.setUniformItemSizes(False)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    return delegate


def fit_height(
    view: QAbstractItemView, min_rows: int = 4, rows: int | None = None, line: int | None = None
) -> tuple[int, int]:
    """(minimum, maximum) heights for a list or tree that shows all its rows when it
    can and never shows a large empty box: at least ``min_rows`` rows, at most all.
    ``rows`` counts a tree's shown rows (its model counts only the top level), ``line``
    is their height when the first row's is not the tallest."""
    model = view.model()
    top = model.rowCount() if model is not None else 0
    if line is None:
        line = view.sizeHintForRow(0) if top else view.fontMetrics().height() + PAD
    frame = 2 * view.frameWidth()
    header = getattr(view, "header", None)
    head = header().sizeHint().height() if header is not None and not header().isHidden() else 0
    if rows is None:
        every = sum(view.sizeHintForRow(r) for r in range(top))
    else:
        every = line * rows
    return frame + head + line * min_rows, frame + head + max(every, line * min_rows) + PAD
