"""The privacy check shown before a reflection is finished."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

from trainer.journal import privacy


class PrivacyDialog(QDialog):
    """Lists what may identify a patient; returns True for "Finish anyway"."""

    def __init__(
        self, findings: dict[str, list[privacy.Finding]], field_titles: dict[str, str], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setWindowTitle("Check for identifying details")
        everything = [f for found in findings.values() for f in found]
        intro = QLabel(
            f"<p><b>This reflection may identify someone.</b> We found "
            f"{privacy.summary(everything)}. Reflective notes must not contain anything that "
            "could identify a patient. The highlighted text is listed below.</p>"
            "<p>This check runs only on this computer; nothing is sent anywhere.</p>"
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        self.list = QListWidget()
        self.list.setAccessibleName("Possible identifying details")
        for key, found in findings.items():
            for f in found:
                self.list.addItem(f"{field_titles.get(key, key)}: {f.label} \u201c{f.text}\u201d \u2014 {f.advice}")
        self.list.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.reword_button = buttons.addButton("&Go back and reword", QDialogButtonBox.ButtonRole.RejectRole)
        self.finish_button = buttons.addButton("&Finish anyway", QDialogButtonBox.ButtonRole.AcceptRole)
        self.reword_button.setDefault(True)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(560, 340)

    @classmethod
    def ask(
        cls, parent: QWidget | None, findings: dict[str, list[privacy.Finding]], field_titles: dict[str, str]
    ) -> bool:
        dialog = cls(findings, field_titles, parent)
        return dialog.exec() == QDialog.DialogCode.Accepted
