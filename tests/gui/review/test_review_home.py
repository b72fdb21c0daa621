"""Home's one line on spaced review, and its button to the Review section (the real window)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt

from tests.unit.review.support import choice, course, free
from trainer.records.store import memory_store
from trainer.services.home import home_summary
from trainer.services.progress import ProgressService
from trainer.services.review_due import review_overview


def test_home_summary_carries_the_review_line_only_when_given():
    c = course()
    store = memory_store()
    progress = ProgressService(store, "p1")
    assert home_summary(c, progress).review_text == ""
    progress.set_done("01-intro", True)
    now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    o = review_overview(store, c, "p1", now)
    summary = home_summary(c, progress, review=lambda: (o.due, o.line(now)))
    assert (summary.review_due, summary.review_text) == (3, "3 questions to review today, about 2 minutes.")


def test_home_shows_what_is_due_and_opens_the_review(make_app, qtbot):
    parts = make_app()
    window, home = parts.window, parts.window.home_view()
    home.refresh()
    assert home.review_label.isHidden() and home.review_button.isHidden()  # no questions yet: nothing said

    first = parts.controller.course.readable()[0]
    first.questions = [choice("a"), free()]  # the fixture course has no question block yet
    ProgressService(parts.store, parts.profile_id).set_done(first.id, True)
    home.refresh()
    assert home.review_label.text() == "2 questions to review today, about 1 minute."
    assert not home.review_button.isHidden()
    qtbot.mouseClick(home.review_button, Qt.MouseButton.LeftButton)
    assert window.current_section() == "review"
    assert window.section("review").due_label.text() == home.review_label.text()
