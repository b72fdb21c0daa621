"""Small widgets for Your turn: wrapped plain-text labels, a page column, response rows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

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
    inner = QWidget()
    inner.setMaximumWidth(COLUMN_MAX)
    layout = QVBoxLayout(inner)
    layout.setContentsMargins(24, 20, 24, 24)
    layout.setSpacing(12)
    holder = QWidget()
    centre = QHBoxLayout(holder)
    centre.setContentsMargins(0, 0, 0, 0)
    centre.addWidget(inner, 1)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroll.setWidget(holder)
    return scroll, layout


def button_row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        button.setAutoDefault(True)  # Enter, as well as Space, presses a focused button
        row.addWidget(button)
    row.addStretch(1)
    return row


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
        self.layout_.setContentsMargins(14, 10, 14, 10)
        self.layout_.setSpacing(6)
