"""A page of a section as a centred column: no wider than it reads well, scrolling when the
window is small; and a row of its actions. (Review and Your turn lay out their pages so.)"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QScrollArea, QVBoxLayout, QWidget

from trainer.domain import tokens


def page_column(*widgets: QWidget, width: int = 840) -> tuple[QScrollArea, QVBoxLayout]:
    """A scrolling page holding a centred column at most ``width`` px wide; ``widgets`` go in
    it first. Returns the page and the column's layout (for what comes after)."""
    inner = QWidget()
    inner.setMaximumWidth(width)
    layout = QVBoxLayout(inner)
    layout.setContentsMargins(tokens.SPACE_3, tokens.SPACE_3, tokens.SPACE_3, tokens.SPACE_3)
    layout.setSpacing(tokens.SPACE_1 + tokens.SPACE_HALF)
    for widget in widgets:
        layout.addWidget(widget)
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


def action_row(*buttons: QPushButton) -> QHBoxLayout:
    """Buttons side by side from the left; Enter, as well as Space, presses a focused one."""
    row = QHBoxLayout()
    for button in buttons:
        button.setAutoDefault(True)
        row.addWidget(button)
    row.addStretch(1)
    return row
