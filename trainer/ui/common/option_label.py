"""The words of a choice option beside its radio button or check box (checks and reviews)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel


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
