"""The Journal's two quiet pages: nothing chosen yet, and a reflection in the bin."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from trainer.ui.common.empty_state import EmptyState


def empty_page() -> QLabel:
    """What the right-hand side says before a reflection is chosen."""
    page = QLabel()
    page.setAlignment(Qt.AlignmentFlag.AlignCenter)
    page.setWordWrap(True)
    page.setMargin(24)
    page.setText(
        "<p style='font-size:large'><b>Your reflective journal</b></p>"
        "<p>Write a reflection after a practice round or a real consultation, or an NMC "
        "reflective account for revalidation. Everything is saved as you type and stays on "
        "this computer.</p><p>Choose <b>New reflection</b> (Ctrl+N) to begin, or pick one "
        "from the list.</p>"
    )
    return page


class BinPage(QWidget):
    """A reflection in the bin: read-only, with Restore and Delete for good."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.preview = QTextBrowser()
        self.preview.setAccessibleName("Reflection in the bin")
        self.preview.document().setDocumentMargin(16)
        self.restore_button = QPushButton("R&estore")
        self.restore_button.setAccessibleName("Restore from the bin")
        self.purge_button = QPushButton("&Delete for good\u2026")
        self.purge_button.setAccessibleName("Delete for good")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.purge_button)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("This reflection is in the bin. Restore it to edit it again."))
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)


def no_reflections_state(layout, on_action):
    """Where the list stands while the journal has no reflection at all (added to ``layout``,
    shown in the list's place): a sentence and the one action, ``on_action`` (New reflection)."""
    state = EmptyState(
        "No reflections yet",
        "It is saved as you type.",  # short: the page beside says more, and this pane is narrow
        "&Write a reflection",
    )
    state.action_requested.connect(on_action)
    layout.addWidget(state, 1)
    return state
