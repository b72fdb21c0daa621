"""File > Import from a backup file…: bring records from another computer.

``RestoreController`` calls the BackupService and announces the outcome
with ``records_restored(summary)`` or ``restore_failed(message)``; the
course view refreshes through ``trainer/ui/shell/wiring.py``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction

from trainer.domain.errors import reason


class RestoreController(QObject):
    """Restores through a ``BackupService`` (or, given the store, one made at the first restore)."""

    records_restored = Signal(str)
    restore_failed = Signal(str)
    profile_moved = Signal(str)  # the open profile now has the backup's uid: reopen it under that uid

    def __init__(self, service, parent: QObject | None = None, profile_id: str | None = None):
        super().__init__(parent)
        self._service = service
        self._profile_id = profile_id

    def restore_file(self, path: Path) -> bool:
        from trainer.export.backup import BackupError
        from trainer.services.backup import BackupService

        if not isinstance(self._service, BackupService):  # the store: the backup code loads now
            self._service = BackupService(self._service)
        try:
            result = self._service.restore_into(Path(path), self._profile_id)
        except BackupError as exc:
            self.restore_failed.emit(f"Nothing was restored. {str(exc)[:1].upper()}{str(exc)[1:]}.")
            return False
        except OSError as exc:
            self.restore_failed.emit(
                f"The backup could not be restored: {reason(exc)}. "
                "Check that the data folder is writable and the disk is not full."
            )
            return False
        self.records_restored.emit(f"Restored from {Path(path).name}: {result.summary()}.")
        if self._profile_id is not None and result.profile_id not in (None, self._profile_id):
            self._profile_id = result.profile_id
            self.profile_moved.emit(result.profile_id)
        return True


def ask_backup_file(window) -> str:
    from PySide6.QtWidgets import QFileDialog

    chosen, _ = QFileDialog.getOpenFileName(
        window, "Import from a backup file", "", "Practitioner Trainer backup (*.json)"
    )
    return chosen


def install_restore(window, store, profile_id: str | None = None) -> RestoreController:
    """Add File > Import from a backup file… after Export…; report in a message box."""
    controller = RestoreController(store, window, profile_id)
    action = QAction("&Import from a backup file…", window)
    action.setStatusTip("Add the records from a backup file made with Export (JSON)")

    def on_restore_triggered() -> None:
        path = ask_backup_file(window)
        if path:
            controller.restore_file(Path(path))

    def tell(title: str, text: str, icon: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        window.statusBar().showMessage(text, 10000)
        box = QMessageBox(getattr(QMessageBox.Icon, icon), title, text, QMessageBox.StandardButton.Ok, window)
        box.setObjectName("restore_message")
        box.open()
        window.restore_message = box

    action.triggered.connect(on_restore_triggered)
    controller.records_restored.connect(lambda text: tell("Backup restored", text, "Information"))
    # what came in shows up in every section already built
    controller.records_restored.connect(lambda _summary: window.records_changed.emit())
    controller.restore_failed.connect(lambda text: tell("Could not restore", text, "Warning"))
    export = window.export_action
    actions = window.file_menu.actions()
    after = actions.index(export) + 1 if export in actions else 0
    window.file_menu.insertAction(actions[after] if after < len(actions) else None, action)
    window.restore_action = action
    window.restore_controller = controller
    return controller
