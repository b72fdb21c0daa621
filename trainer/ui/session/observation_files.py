"""Observer forms as files, both ways round (docs/BUNDLES.md, "Observation files").

* On an observer's copy: File › Observe a team session round… opens the
  observer's own form (trainer.ui.session.observation_dialog) and saves a file.
* On the trainer's copy: Team session › Import observer forms… adds such
  files to the open session (``ask_import_forms``).

Imported at start-up by app.py, so nothing heavy here: the dialog, pydantic
and the import code load when first used.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

if TYPE_CHECKING:
    from trainer.services.observation_import import ImportSummary


def install_observation_file(window, store, content, profile_id: str) -> QAction:
    """File › Observe a team session round…, under Import feedback bundle… when there is one."""
    action = QAction("&Observe a team session round\u2026", window)
    action.setStatusTip("Fill in the observer form on this computer and save it as a file for the trainer")

    def on_observe_triggered() -> None:
        from PySide6.QtCore import Qt

        from trainer.records.migrations import DEFAULT_PROFILE_NAME
        from trainer.services.profiles import ProfileService
        from trainer.ui.session.observation_dialog import ObservationFileDialog

        profile = ProfileService(store).get(profile_id)
        name = profile.name if profile and profile.name != DEFAULT_PROFILE_NAME else ""
        last = getattr(window, "last_observation", {})  # the code and names typed last time
        dialog = ObservationFileDialog(content.framework, last.get("observer", name), window, now=store.now)
        dialog.code_edit.setText(last.get("code", ""))
        dialog.saved.connect(
            lambda _path: setattr(
                window, "last_observation", {"code": dialog.code_edit.text(), "observer": dialog.observer_edit.text()}
            )
        )
        dialog.saved.connect(
            lambda path: window.statusBar().showMessage(
                f"Observation saved to {path}. Give this file to your trainer.", 10000
            )
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        window.observation_dialog = dialog
        dialog.open()

    action.triggered.connect(on_observe_triggered)
    menu = window.file_menu
    actions = menu.actions()
    after = next((i for i, a in enumerate(actions) if "feedback bundle" in a.text()), None)
    before = actions[after + 1] if after is not None and after + 1 < len(actions) else (actions[0] if actions else None)
    menu.insertAction(before, action)
    window.observe_action = action
    return action


def ask_import_forms(parent, controller) -> ImportSummary | None:
    """Choose observers' files and add them to the controller's open session; say what happened."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    if controller.session is None:
        return None
    paths, _ = QFileDialog.getOpenFileNames(parent, "Import observer forms", "", "Observation files (*.json)")
    if not paths:
        return None
    summary = controller.import_observation_files([Path(p) for p in paths])
    if summary is None:
        return None
    from trainer.services.observation_import import ADDED, ALREADY

    text = summary.message() + "."
    if summary.problems():
        text += "\n\n" + "\n".join(summary.problems())
    if any(r.status not in (ADDED, ALREADY) for r in summary.results):
        QMessageBox.warning(parent, "Observer forms", text)
    else:
        QMessageBox.information(parent, "Observer forms", text)
    return summary
