"""The Review section: spaced review of the questions of finished modules (issue 21)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trainer.ui.shell.parts import AppParts


def install(parts: AppParts) -> None:
    """The Review section, right after the Course, built when first shown."""
    window = parts.window

    def make_view():
        from trainer.services.review import ReviewService
        from trainer.ui.review.controller import ReviewController
        from trainer.ui.review.view import ReviewView

        service = ReviewService(parts.store, parts.content.course, parts.profile_id)
        view = ReviewView(ReviewController(service, parent=window))
        view.status_message.connect(lambda text: window.statusBar().showMessage(text, 8000))
        return view

    course = window.sections.get("course")
    index = window.tabs.indexOf(course) + 1 if course is not None else None
    window.add_section("review", "&Review", make_view, index=index)
