"""Small widgets for Your turn: wrapped plain-text labels, a page column, response rows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
)

from trainer.domain import tokens
from trainer.ui.common.page import action_row, page_column

COLUMN_MAX = 860


def wrapped(text: str = "", name: str = "") -> QLabel:
    """A label that wraps and always shows its text as typed (content is never HTML here)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


def heading(text: str, scale: float = 1.5) -> QLabel:
    label = wrapped(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


def column() -> tuple[QScrollArea, QVBoxLayout]:
    """A page: a column no wider than COLUMN_MAX, scrolling when the window is small."""
    return page_column(width=COLUMN_MAX)


button_row = action_row


class ResponseWords(QLabel):
    """A response's words beside its number button, wrapped; a click on them chooses it."""

    def __init__(self, text: str, button: QPushButton):
        super().__init__(text)
        self.button = button
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event) -> None:
        if self.button.isEnabled() and event.button() == Qt.MouseButton.LeftButton:
            self.button.setFocus(Qt.FocusReason.MouseFocusReason)
            self.button.click()
        super().mouseReleaseEvent(event)


class Box(QFrame):
    """A framed block (the feedback, the person's line) drawn with the palette's own colours."""

    def __init__(self, name: str):
        super().__init__()
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(tokens.SPACE_2, tokens.SPACE_1, tokens.SPACE_2, tokens.SPACE_1)
        self.layout_.setSpacing(tokens.SPACE_1)
