"""The Journal section: reflections, the editor and the learner's own goals."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trainer.ui.shell.parts import AppParts


def install(parts: AppParts) -> None:
    """The journal controller (``parts.journal``, shared with Home and search) and the
    Journal section, built when first shown."""
    from trainer.services.goals import GoalService
    from trainer.services.journal import JournalService
    from trainer.ui.journal.controller import JournalController, link_choices, link_describer

    content, store, profile_id, window = parts.content, parts.store, parts.profile_id, parts.window
    journal = parts.journal = JournalController(
        JournalService(store, profile_id, lambda: content.templates),
        GoalService(store, profile_id),
        link_describer(content),
        window,
        link_options=link_choices(content),
    )

    def make_view():
        from trainer.ui.journal.view import JournalView

        return JournalView(journal, parts.settings)

    window.add_section("journal", "&Journal", make_view)
