"""The Team session section: roster, groups, run panel, presenter and observer forms."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trainer.ui.shell.parts import AppParts


def install(parts: AppParts) -> None:
    """The Team session section (built when first shown), File > Import feedback bundle
    and File > Observe a team session round."""
    from trainer.ui.session.observation_files import install_observation_file

    window, content, store, profile_id = parts.window, parts.content, parts.store, parts.profile_id

    def make_view():
        from trainer.services.team_session import TeamSessionService
        from trainer.ui.session.controller import TeamSessionController
        from trainer.ui.session.view import SessionView

        skill_names = {s.id: s.name for s in content.framework.skills} if content.framework else {}
        controller = TeamSessionController(
            TeamSessionService(store, profile_id),
            content.plans,
            skill_names=skill_names,
            parent=window,
            scenarios=content.scenarios,
        )
        view = SessionView(controller, parts.settings, framework=content.framework)
        view.status_message.connect(lambda text: window.statusBar().showMessage(text, 6000))
        view.start()
        return view

    window.add_section("session", "&Team session", make_view)
    _install_bundle_import(parts)
    install_observation_file(window, store, content, profile_id)


def _install_bundle_import(parts: AppParts) -> None:
    """File > Import feedback bundle... and Import attendance file...; their code loads when first used."""
    from pathlib import Path

    from PySide6.QtGui import QAction

    from trainer.ui.common.menus import add_at_top

    window = parts.window
    action = QAction("&Import feedback bundle\u2026", window)
    action.setStatusTip("Add the observer feedback your trainer gave you to your records")

    def on_import_triggered() -> None:
        from PySide6.QtWidgets import QFileDialog

        from trainer.ui.session.export import import_bundle_file

        path, _ = QFileDialog.getOpenFileName(window, "Import feedback bundle", "", "Feedback bundle (*.json)")
        if path:
            import_bundle_file(window, parts.store, parts.profile_id, Path(path))

    action.triggered.connect(on_import_triggered)

    attend = QAction("Import &attendance file\u2026", window)
    attend.setStatusTip("Credit a team session you attended in your CPD log")

    def on_attendance_triggered() -> None:
        from PySide6.QtWidgets import QFileDialog

        from trainer.ui.session.export import import_attendance_file

        path, _ = QFileDialog.getOpenFileName(window, "Import attendance file", "", "Attendance file (*.json)")
        if path:
            import_attendance_file(window, parts.store, parts.profile_id, Path(path))

    attend.triggered.connect(on_attendance_triggered)
    add_at_top(window.file_menu, action, attend)
