"""The Review section: empty, due after a finished module, a session one card at a time, the end."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from tests.gui.a11y_walk import unnamed
from tests.unit.review.support import course
from trainer.records.store import memory_store
from trainer.services.progress import ProgressService
from trainer.services.review import CARD, LOG, ReviewService
from trainer.ui.review.controller import ReviewController
from trainer.ui.review.view import ReviewView

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def store():
    return memory_store()


@pytest.fixture
def view(qtbot, store, clock):
    ticks = iter(range(0, 10_000, 7))  # each card takes 7 seconds on this stopwatch
    controller = ReviewController(ReviewService(store, course(), "p1", clock), timer=lambda: float(next(ticks)))
    widget = ReviewView(controller)
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.show()
    return widget


def choose(view, row: int) -> None:
    view.card.options[row].click()


def test_the_empty_state_says_how_questions_get_here(view):
    assert view.stack.currentWidget() is view.overview_page
    assert view.due_label.text().startswith("Nothing to review yet: finish a module's check")
    assert view.start_button.isHidden()


def test_a_finished_module_comes_back_answered_card_by_card_then_again_days_later(view, store, clock, qtbot):
    ProgressService(store, "p1").set_done("01-intro", True)
    view.on_records_changed()
    assert view.due_label.text() == "3 questions to review today, about 2 minutes."
    assert not view.start_button.isHidden()

    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    assert view.stack.currentWidget() is view.session_page
    assert view.where.text() == "Question 1 of 3 \u00b7 from Introduction"
    assert unnamed(view) == []

    qtbot.mouseClick(view.card.check_button, Qt.MouseButton.LeftButton)  # nothing chosen yet
    assert view.card.verdict.text() == "Choose an answer first." and store.all(LOG) == []

    choose(view, 0)  # right
    qtbot.mouseClick(view.card.check_button, Qt.MouseButton.LeftButton)
    assert view.card.verdict.text() == "Right."
    assert "It asks first." in view.card.feedback.text()
    assert view.card.next_button.isVisibleTo(view)
    qtbot.mouseClick(view.card.next_button, Qt.MouseButton.LeftButton)

    view.card.options[0].setFocus()
    qtbot.keyClick(view.card.options[0], Qt.Key.Key_Down)  # the arrow keys move between the options
    qtbot.keyClick(view.card.options[1], Qt.Key.Key_Space)  # and Space chooses
    assert view.card.chosen() == [1]
    qtbot.mouseClick(view.card.option_labels[0], Qt.MouseButton.LeftButton)  # a click on the words chooses
    assert view.card.chosen() == [0]
    choose(view, 1)  # wrong
    qtbot.mouseClick(view.card.check_button, Qt.MouseButton.LeftButton)
    assert view.card.verdict.text() == "Not quite."
    assert "The answer: Would it help" in view.card.feedback.text()
    qtbot.keyClick(view.card.next_button, Qt.Key.Key_Return)

    card = view.card  # order: put it right with the keyboard
    assert card.order_given() != [0, 1, 2]
    for target in range(3):  # Alt+Up moves the chosen item up
        row = card.order_given().index(target)
        card.order.setCurrentRow(row)
        for _ in range(row - target):
            qtbot.keyClick(card.order, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert card.order_given() == [0, 1, 2]
    qtbot.mouseClick(card.check_button, Qt.MouseButton.LeftButton)
    assert card.verdict.text() == "Right."
    qtbot.mouseClick(card.next_button, Qt.MouseButton.LeftButton)

    assert view.stack.currentWidget() is view.end_page
    assert view.end_label.text() == "3 reviewed, next due tomorrow."  # the wrong one comes back first
    logs = {r["question"]: r for r in store.all(LOG)}
    assert [logs[q]["correct"] for q in ("a", "b", "epe")] == [True, False, True]
    assert [logs[q]["rating"] for q in ("a", "b", "epe")] == [3, 1, 3]
    assert logs["epe"]["answer"].startswith("Ask what they know \u2192 Offer")
    assert {log["seconds"] for log in logs.values()} == {7.0}
    assert len(store.all(CARD)) == 3

    qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)
    assert view.due_label.text() == "Nothing due today. The next come back tomorrow."
    assert view.start_button.isHidden()

    clock.now += timedelta(days=3)  # a few days later
    view.on_records_changed()
    assert view.due_label.text() == "3 questions to review today, about 2 minutes."
    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    assert view.card.item.question.id == "b"  # the oldest due first: the one missed
    choose(view, 0)
    qtbot.mouseClick(view.card.check_button, Qt.MouseButton.LeftButton)
    assert len(store.all(LOG)) == 4
    newest = max(store.all(LOG), key=lambda r: r["reviewed_at"])
    assert (newest["question"], newest["correct"], newest["reviewed_at"]) == ("b", True, "2026-03-05T09:00:00+00:00")

    qtbot.mouseClick(view.stop_button, Qt.MouseButton.LeftButton)
    assert view.end_title.text() == "Stopped for now"
    assert view.end_label.text().endswith("Still due today: 2.")


def test_written_answers_show_the_model_answer_and_are_rated_with_keys_1_to_4(view, store, qtbot):
    ProgressService(store, "p1").set_done("02-asking", True)
    view.on_records_changed()
    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    card = view.card
    assert card.rating_label.isHidden()
    qtbot.keyClicks(card.editor, "Could I share something?")
    qtbot.mouseClick(card.check_button, Qt.MouseButton.LeftButton)
    assert card.feedback.text() == "<blockquote><i>May I share...?</i></blockquote>"
    assert not card.rating_label.isHidden()
    assert unnamed(view) == []
    qtbot.keyClick(QWidget.focusWidget(card) or card, Qt.Key.Key_2)  # Hard
    [log] = store.all(LOG)
    assert (log["rating"], log["correct"], log["answer"], log["kind"]) == (
        2,
        None,
        "Could I share something?",
        "free-text",
    )
    assert view.card is not card and view.card.item.question.id == "salt"  # on to the skill prompt
    qtbot.mouseClick(view.card.check_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.card.rating_buttons[4], Qt.MouseButton.LeftButton)  # Easy
    assert view.stack.currentWidget() is view.end_page
    assert sorted(r["rating"] for r in store.all(LOG)) == [2, 4]


def test_a_failed_save_is_said_and_the_card_can_be_answered_again(view, store, monkeypatch, qtbot):
    ProgressService(store, "p1").set_done("02-asking", True)
    view.on_records_changed()
    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.card.check_button, Qt.MouseButton.LeftButton)
    real_add = store.add

    def full_disk(kind, record):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store, "add", full_disk)
    qtbot.mouseClick(view.card.rating_buttons[3], Qt.MouseButton.LeftButton)
    assert "could not be saved" in view.card.verdict.text()
    assert store.all(LOG) == [] and view.where.text().startswith("Question 1 of 2")
    monkeypatch.setattr(store, "add", real_add)
    qtbot.mouseClick(view.card.rating_buttons[3], Qt.MouseButton.LeftButton)
    assert len(store.all(LOG)) == 1 and view.where.text().startswith("Question 2 of 2")


def test_the_review_tab_comes_right_after_the_course_in_the_real_window(make_app):
    window = make_app().window
    assert window.tabs.indexOf(window.sections["review"]) == window.tabs.indexOf(window.sections["course"]) + 1
    window.show_section("review")
    view = window.section("review")
    assert view.due_label.text().startswith("Nothing to review yet")


def test_a_multiple_choice_is_ticked_with_the_space_bar_and_marked_whole(qtbot, clock):
    from trainer.domain.course import Course, Module
    from trainer.domain.questions import MULTIPLE, Option, Question

    question = Question(
        "both",
        MULTIPLE,
        "Which of these ask before advising?",
        options=(
            Option("May I share something?", True, "Asks first."),
            Option("Would it help to hear what others do?", True, "Asks first."),
            Option("You must cut down.", False, "Tells."),
        ),
    )
    one = Course("C", course().root, [Module("m", "M", course().root / "m.md", 1, questions=[question])])
    store = memory_store()
    ProgressService(store, "p1").set_done("m", True)
    view = ReviewView(ReviewController(ReviewService(store, one, "p1", clock)))
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    view.start()
    options = view.card.options
    options[0].setFocus()
    qtbot.keyClick(options[0], Qt.Key.Key_Space)
    assert view.card.chosen() == [0]
    qtbot.mouseClick(view.card.check_button, Qt.MouseButton.LeftButton)
    assert view.card.verdict.text() == "Not quite."  # one of the two right ones is not enough
    labels = [label.text() for label in view.card.option_labels]
    assert labels[0].startswith("\u2713 ") and labels[1].startswith("\u2713 ") and labels[2] == "You must cut down."
    assert not options[0].isEnabled()
    [log] = store.all(LOG)
    assert (log["correct"], log["rating"], log["answer"]) == (False, 1, "May I share something?")
