"""The Skills section: dashboard, self-assessment, observer checklist, counter, comparisons."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trainer.ui.shell.parts import AppParts


def install(parts: AppParts) -> None:
    """The Skills section, when the course has a competency framework. Built when first shown."""
    content = parts.content
    if not content.has_framework:
        return

    def evidence() -> list[tuple[str, str]]:
        from trainer.services.cpd import CpdService

        return [(i.label, i.uid) for i in CpdService(parts.store, content, parts.profile_id).candidates()]

    def make_view():
        from trainer.services.ratings import RatingsService
        from trainer.ui.skills.controller import SkillsController
        from trainer.ui.skills.view import SkillsView

        service = RatingsService(parts.store, content.framework, parts.profile_id)
        return SkillsView(SkillsController(service, content, parts.controller.done_ids, evidence=evidence))

    parts.window.add_section("skills", "S&kills", make_view)
