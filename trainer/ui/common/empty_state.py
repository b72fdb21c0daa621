"""Empty states (a headline, one sentence, the one action) and status chips."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Signal
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from trainer.domain import tokens
from trainer.ui.common.style import token
from trainer.ui.common.widgets import ALIGN_CENTER, button_row, heading, make_button, muted_label

CHIP_KINDS = {"neutral": "chip", "success": "chip_success", "warning": "chip_warning"}


class Chip(QWidget):
    """A small rounded label for a status ('Done', '3 due'); its text is its accessible name."""

    def __init__(self, text: str = "", kind: str = "neutral", parent: QWidget | None = None):
        super().__init__(parent)
        if kind not in CHIP_KINDS:
            raise ValueError(f"unknown chip kind {kind!r}; expected one of {', '.join(CHIP_KINDS)}")
        self.kind = kind
        self._text = ""
        self.setText(text)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        self._text = text
        self.setAccessibleName(text)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        return QSize(metrics.horizontalAdvance(self._text) + 2 * tokens.SPACE_1 + 2, metrics.height() + tokens.SPACE_1)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(token(CHIP_KINDS[self.kind]))
        painter.setBrush(token(CHIP_KINDS[self.kind]))
        radius = self.height() / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
        painter.setPen(token("chip_text" if self.kind == "neutral" else "text"))
        painter.drawText(self.rect(), ALIGN_CENTER, self._text)


class EmptyState(QWidget):
    """What an empty list shows instead: a friendly headline, one sentence, and the one
    action that fills it (optional)."""

    action_requested = Signal()

    def __init__(self, headline: str, sentence: str, action: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.headline = heading(headline, "subtitle")
        self.headline.setProperty("alignment", ALIGN_CENTER)
        self.sentence = muted_label(sentence)
        self.sentence.setProperty("alignment", ALIGN_CENTER)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(tokens.SPACE_2, tokens.SPACE_2, tokens.SPACE_2, tokens.SPACE_2)
        layout.setSpacing(tokens.SPACE_1)
        layout.addStretch(1)
        layout.addWidget(self.headline)
        # straight in the column, the text centred in it: a wrapped label keeps the height
        # its width needs only as a plain item of a box layout (not one with an alignment)
        layout.addWidget(self.sentence)
        self.button: QPushButton | None = None
        if action:
            self.button = make_button(action, "primary")
            self.button.setAutoDefault(True)
            self.button.clicked.connect(self.action_requested)
            layout.addSpacing(tokens.SPACE_1)
            row = button_row(self.button)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addStretch(2)
        self.setAccessibleName(headline)
        self.setAccessibleDescription(sentence)
