"""The "Your turn" section: branching consultations held by choosing what to say (issue 22)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trainer.ui.shell.parts import AppParts


def install(parts: AppParts) -> None:
    """The Your turn section, right after Scenarios, built when first shown. "Reflect on
    this" starts a Rolfe reflection linked to the attempt (Rolfe follows a practice round)."""
    window = parts.window

    def make_view():
        from trainer.competencies.model import Framework
        from trainer.services.consultations import ConsultationService
        from trainer.ui.consultations.controller import ConsultationsController
        from trainer.ui.consultations.view import ConsultationsView

        framework = parts.content.framework or Framework(scale=[], skills=[])
        service = ConsultationService(parts.store, parts.content.consultations, framework.threshold, parts.profile_id)
        view = ConsultationsView(ConsultationsController(service, parent=window))
        view.status_message.connect(lambda text: window.statusBar().showMessage(text, 8000))

        def on_view_reflection_requested(link: dict) -> None:
            journal = parts.journal
            if journal is None or "journal" not in window.sections:
                return
            window.show_section("journal")
            journal.start_reflection("rolfe", link)

        view.reflection_requested.connect(on_view_reflection_requested)
        return view

    scenarios = window.sections.get("scenarios")
    index = window.tabs.indexOf(scenarios) + 1 if scenarios is not None else None
    window.add_section("consultations", "&Your turn", make_view, index=index)
