"""The answer widgets that checks and reviews share: an option's words beside its button, and
a list of lines to put in order."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLabel, QListWidget, QListWidgetItem

IndexRole = Qt.ItemDataRole.UserRole  # an order item's place as written, i.e. in the right order


class OptionLabel(QLabel):
    """An option's words beside its button, wrapped to the width; a click on them is a click on it."""

    def __init__(self, text: str, button: QAbstractButton):
        super().__init__(text)
        self.button = button
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleName(text)

    def mouseReleaseEvent(self, event) -> None:
        if self.button.isEnabled() and event.button() == Qt.MouseButton.LeftButton:
            self.button.click()
            self.button.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mouseReleaseEvent(event)


class OrderList(QListWidget):
    """Lines to put in order: dragged, or moved with Alt+Up and Alt+Down. As tall as its lines at
    any width, so a page never scrolls inside it. Each item keeps its index as written."""

    def __init__(self, name: str, spacing: int = 0):
        super().__init__()
        self.locked = False
        self.setAccessibleName(name)
        self.setAccessibleDescription("Alt+Up and Alt+Down move the chosen line; or drag it")
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)  # lines wrap anew at a new width
        self.setSpacing(spacing)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def fill(self, texts: Sequence[str], order: Iterable[int]) -> None:
        """Show ``texts`` in the given order of their indexes."""
        self.clear()
        for i in order:
            item = QListWidgetItem(texts[i])
            item.setData(IndexRole, i)
            self.addItem(item)
        self.setCurrentRow(0)
        self.fit()

    def given(self) -> list[int]:
        """The indexes as written, in the order the learner put them."""
        return [int(self.item(row).data(IndexRole)) for row in range(self.count())]

    def move_selected(self, step: int) -> None:
        if self.locked or not self.isEnabled():
            return
        row = self.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.count():
            return
        self.insertItem(target, self.takeItem(row))
        self.setCurrentRow(target)

    def lock(self) -> None:
        """Answered: the order stays as given."""
        self.locked = True
        self.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

    def row_height(self, row: int) -> int:
        """The row's height with its words wrapped at the list's present width (the view's own
        hint may still hold the height of one line when the width has just changed)."""
        width = max(40, self.viewport().width() - 2 * self.spacing() - 8)
        text = self.fontMetrics().boundingRect(
            QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, self.item(row).text()
        )
        return max(self.sizeHintForRow(row), text.height() + 4)

    def fit(self) -> None:
        rows = sum(self.row_height(r) + 2 * self.spacing() for r in range(self.count()))
        self.setFixedHeight(rows + 2 * self.frameWidth() + 4)

    def keyPressEvent(self, event) -> None:
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_selected(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit()  # the lines wrap anew at a new width
