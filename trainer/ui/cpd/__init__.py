"""The CPD section: the CPD log, revalidation progress for a chosen regulator, evidence
picking and the revalidation pack (issue 19)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trainer.ui.shell.parts import AppParts


def install(parts: AppParts) -> None:
    """The CPD section, next to Skills, built when first shown."""
    window = parts.window

    def make_view():
        from trainer.services.attendance import AttendanceService
        from trainer.services.cpd import CpdService
        from trainer.ui.cpd.controller import CpdController
        from trainer.ui.cpd.view import CpdView

        controller = CpdController(
            CpdService(parts.store, parts.content, parts.profile_id),
            AttendanceService(parts.store, parts.profile_id),
            parent=window,
        )
        view = CpdView(controller)
        view.status_message.connect(lambda text: window.statusBar().showMessage(text, 8000))
        controller.records_added.connect(window.records_changed.emit)
        return view

    skills = window.sections.get("skills")
    index = window.tabs.indexOf(skills) + 1 if skills is not None else None
    window.add_section("cpd", "C&PD", make_view, index=index)
