"""The Home section: where to carry on, progress and what is due."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trainer.ui.shell.parts import AppParts


def install(parts: AppParts) -> None:
    """Home, first among the sections and built at once: it is what start-up shows."""
    from PySide6.QtCore import QTimer

    from trainer.records.migrations import DEFAULT_PROFILE_NAME
    from trainer.services.home import home_summary
    from trainer.services.profiles import ProfileService
    from trainer.services.progress import ProgressService
    from trainer.services.review_due import local_now, review_overview
    from trainer.ui.home.ratings import LazyRatings
    from trainer.ui.home.view import HomeView

    content, store, profile_id, journal = parts.content, parts.store, parts.profile_id, parts.journal
    assert journal is not None, "the journal is installed before Home"
    progress = ProgressService(store, profile_id)
    ratings = LazyRatings(store, content, profile_id) if content.has_framework else None
    profile = ProfileService(store).get(profile_id)
    name = profile.name if profile and profile.name != DEFAULT_PROFILE_NAME else ""

    def review() -> tuple[int, str]:
        now = local_now()
        overview = review_overview(store, content.course, profile_id, now)
        return overview.due, overview.line(now) if overview.cards else ""

    view = HomeView(
        lambda: home_summary(
            content.course, progress, journal.goals, journal.journal, ratings, lambda: content.scenarios, review
        ),
        name,
    )
    parts.window.insert_section(0, "home", "&Home", view)
    # wider text, same width: once Home has its new font (the change reaches it after the signal)
    parts.window.zoom_changed.connect(lambda _percent: QTimer.singleShot(0, view.fit_width))
