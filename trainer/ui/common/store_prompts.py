"""Start-up messages about the records: another copy running, repairs, errors.

Kept as classmethods on one class so tests can monkeypatch each question.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


class StorePrompts:
    @classmethod
    def ask_read_only(cls, parent: QWidget | None, message: str) -> bool:
        """Another copy holds the folder: True to open read-only, False to quit."""
        box, read_only = cls.read_only_box(parent, message)
        box.exec()
        return box.clickedButton() is read_only

    @staticmethod
    def read_only_box(parent: QWidget | None, message: str):
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Practitioner Trainer is already open",
            f"{message}\n\nYou can look at your records read-only (nothing you do "
            "will be saved), or quit and use the copy that is already open.",
            parent=parent,
        )
        read_only = box.addButton("Open &read-only", QMessageBox.ButtonRole.AcceptRole)
        quit_button = box.addButton("&Quit", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(quit_button)
        return box, read_only

    @classmethod
    def show_notices(cls, parent: QWidget | None, notices: list[str]) -> None:
        if notices:
            QMessageBox.warning(parent, "About your records", "\n\n".join(notices))

    @classmethod
    def show_error(cls, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.critical(parent, title, text)
