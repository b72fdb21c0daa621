"""The course outline: modules in order with duration and a done mark."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
)

from trainer.domain import tokens
from trainer.domain.course import Module
from trainer.ui.common.item_paint import paint_row_frame

ModuleIdRole = Qt.ItemDataRole.UserRole + 1
DoneRole = Qt.ItemDataRole.UserRole + 2


class OutlineModel(QAbstractListModel):
    def __init__(self, modules: list[Module], done: set[str] | None = None, parent=None):
        super().__init__(parent)
        self._modules = list(modules)
        self._done = set(done or ())

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._modules)

    def row_of(self, module_id: str) -> int:
        for i, m in enumerate(self._modules):
            if m.id == module_id:
                return i
        return -1

    def module_at(self, row: int) -> Module | None:
        return self._modules[row] if 0 <= row < len(self._modules) else None

    def set_done(self, done: set[str]) -> None:
        self._done = set(done)
        if self._modules:
            self.dataChanged.emit(self.index(0), self.index(len(self._modules) - 1))

    def done_count(self) -> int:
        return sum(1 for m in self._modules if m.ok and m.id in self._done)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._modules)):
            return None
        m = self._modules[index.row()]
        done = m.id in self._done
        number = index.row() + 1
        if role == Qt.ItemDataRole.DisplayRole:
            if not m.ok:
                return f"\u26a0 {number}. {m.title}\nCannot open: see details"
            details = []
            if m.duration_minutes:
                details.append(f"{m.duration_minutes} min")
            details.append("\u2713 Done" if done else "Not done yet")
            return f"{number}. {m.title}\n" + " \u00b7 ".join(details)
        if role == Qt.ItemDataRole.ToolTipRole:
            return m.error if not m.ok else (m.summary or m.title)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            state = "cannot open" if not m.ok else ("done" if done else "not done")
            mins = f", {m.duration_minutes} minutes" if m.duration_minutes else ""
            if m.duration_minutes and m.activity_minutes and m.activity_minutes < m.duration_minutes:
                mins += f" ({m.duration_minutes - m.activity_minutes} to read, {m.activity_minutes} for the activity)"
            return f"Module {number}: {m.title}{mins}, {state}"
        if role == ModuleIdRole:
            return m.id
        if role == DoneRole:
            return done
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


PAD_X, PAD_Y = 8, 7


class OutlineDelegate(QStyledItemDelegate):
    """Wraps titles to the view's real width so no line is ever cut off,
    with padding drawn here (not in a style sheet, which would freeze the
    palette and break dark mode)."""

    def sizeHint(self, option, index):
        view = self.parent()
        # Leave room for a scroll bar that may appear after layout: a little
        # extra height is better than a title cut off with an ellipsis.
        bar = view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        width = max(80, view.viewport().width() - 2 * PAD_X - bar - 6)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        rect = option.fontMetrics.boundingRect(0, 0, width, 10_000, int(Qt.TextFlag.TextWordWrap), text)
        return QSize(width, rect.height() + 2 * PAD_Y)

    def paint(self, painter, option, index):
        opt, text = paint_row_frame(self, painter, option, index)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(opt.palette.color(role))
        painter.setFont(opt.font)
        painter.drawText(
            opt.rect.adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y),
            int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
            text,
        )
        painter.restore()


class OutlineView(QListView):
    def __init__(self, model: OutlineModel, parent=None):
        super().__init__(parent)
        self.setModel(model)
        self.setObjectName("outline")
        self.setAccessibleName("Course outline")
        self.setAccessibleDescription("Modules in course order. Use the arrow keys to choose a module.")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setSpacing(tokens.SPACE_HALF)
        self.setUniformItemSizes(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setItemDelegate(OutlineDelegate(self))

    def select_module(self, module_id: str) -> None:
        model = cast(OutlineModel, self.model())
        row = model.row_of(module_id)
        if row >= 0:
            idx = model.index(row)
            if self.currentIndex() != idx:
                self.setCurrentIndex(idx)
            self.scrollTo(idx)
