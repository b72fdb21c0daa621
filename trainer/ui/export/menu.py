"""File > Export… and File > Import from a backup file…, added by app.py.

Kept small so start-up does not load the export code: the dialog is
imported the first time it is opened.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence


def install_export(window, store, content, profile_id: str = "default", settings: QSettings | None = None) -> QAction:
    """Add File > Export… (Ctrl+E) and the import entry above Quit; the status
    bar reports how an export went."""
    action = QAction("&Export…", window)
    action.setShortcuts([QKeySequence("Ctrl+E")])  # not setShortcut: see main_window on start-up
    action.setStatusTip("Save a portfolio, spreadsheets, a backup or xAPI records")

    def on_export_triggered() -> None:
        from trainer.ui.export.dialog import ExportDialog

        dialog = ExportDialog(store, content, profile_id, settings, window)
        dialog.export_finished.connect(lambda text: window.statusBar().showMessage(text, 10000))
        dialog.open()
        window.export_dialog = dialog

    action.triggered.connect(on_export_triggered)
    menu = window.file_menu
    actions = menu.actions()
    menu.insertAction(actions[0] if actions else None, action)
    if actions:
        menu.insertSeparator(actions[0])
    window.addAction(action)
    window.export_action = action
    from trainer.ui.export.restore import install_restore

    install_restore(window, store, profile_id)
    return action
