"""File > Settings and the profile chooser."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trainer.ui.settings.dialog import SettingsDialog
    from trainer.ui.shell.main_window import MainWindow
    from trainer.ui.shell.parts import AppParts


def install(parts: AppParts) -> None:
    """File > Settings (Ctrl+,), also opened at a page when a feature asks for it."""
    from PySide6.QtGui import QAction, QKeySequence

    window = parts.window
    action = QAction("&Settings\u2026", window)
    action.setShortcuts([QKeySequence("Ctrl+,"), QKeySequence(QKeySequence.StandardKey.Preferences)])
    action.setMenuRole(QAction.MenuRole.PreferencesRole)
    window.add_file_actions(action)
    window.addAction(action)
    window.settings_action = action

    action.triggered.connect(lambda: open_settings(window, parts))
    window.settings_requested.connect(lambda page: open_settings(window, parts, lrs=page == "lrs"))


def open_settings(window: MainWindow, parts: AppParts, lrs: bool = False) -> None:
    """File > Settings; with ``lrs`` at the Learning record store page."""
    dialog = make_settings_dialog(window, parts)
    if lrs:
        dialog.show_lrs()
    window.settings_dialog = dialog
    dialog.exec()
    if dialog.moved_to is not None:
        window.close()  # the next start reads the new folder; nothing is written to the old one


def make_settings_dialog(window: MainWindow, parts: AppParts) -> SettingsDialog:
    from trainer.services.lrs import LrsOutbox
    from trainer.services.lrs_identity import read_identity, save_identity
    from trainer.services.profiles import ProfileService
    from trainer.ui.settings.dialog import SettingsDialog

    profiles = ProfileService(parts.store).list()
    data_dir = parts.store.folder if parts.store.folder is not None else None
    pending = len(LrsOutbox(parts.store, parts.profile_id).entries("pending"))
    identity = read_identity(parts.store, parts.profile_id)

    def keep(mbox: str, account: str) -> None:
        if parts.store.read_only:
            return
        save_identity(parts.store, parts.profile_id, mbox, account)

    return SettingsDialog(
        window, parts.settings, data_dir, profiles, lrs_pending=pending, identity=identity, keep_identity=keep
    )
