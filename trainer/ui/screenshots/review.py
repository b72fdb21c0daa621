"""Screenshots of the Review section: the overview, a question, its feedback, the end; light and dark."""

from __future__ import annotations

from collections.abc import Callable

from trainer.services.progress import ProgressService
from trainer.ui.review.view import ReviewView


def grab_review(parts, grab: Callable[[str], None]) -> None:
    """The overview as it is (empty on a fresh data folder); then, when the course has
    questions, its first module with questions marked done (in the screenshots' own
    copy of the data) and a session: a question, its feedback, a written answer, the end."""
    window = parts.window
    if "review" not in window.sections:
        return
    window.show_section("review")
    view = window.section("review")
    assert isinstance(view, ReviewView)
    view.show_overview()
    grab("review")
    window.set_theme("dark")
    grab("review-dark")
    window.set_theme("light")
    with_questions = [m for m in parts.controller.course.readable() if any(q.review for q in m.questions)]
    if not with_questions:
        return
    progress = ProgressService(parts.store, parts.profile_id)
    for module in with_questions[:2]:
        progress.set_done(module.id, True)
    view.show_overview()
    grab("review-due")
    for theme in ("light", "dark"):
        window.set_theme(theme)
        view.start()
        suffix = "" if theme == "light" else "-dark"
        grab(f"review-question{suffix}")
        card = view.card
        if card is not None and card.options:
            card.options[0].click()
            card.on_check_clicked()
            grab(f"review-feedback{suffix}")
        written = next((i for i, item in enumerate(view.items) if not item.scored), None)
        if written is not None:
            view.index = written
            view.show_card()
            if view.card is not None and view.card.editor is not None:
                view.card.editor.setPlainText("Could I share what other people have found helpful?")
                view.card.on_check_clicked()
                grab(f"review-written{suffix}")
        view.finish()
        grab(f"review-end{suffix}")
    window.set_theme("light")
    view.show_overview()
