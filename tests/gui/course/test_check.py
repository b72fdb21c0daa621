"""Read a module, answer its check (one wrong, then right), see it done (#21)."""

from datetime import UTC

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtWidgets import QAbstractButton, QListWidget, QPlainTextEdit

from trainer.services.checks import CHECK_ATTEMPT


def click_option(qtbot, button) -> None:
    """Click on the round or square box of an option (its text may be far narrower than the row)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def open_module(parts, module_id: str):
    window = parts.window
    window.show_section("course")
    parts.controller.open_module(module_id)
    return window.course_view


def test_answer_the_check_wrong_then_right_and_the_module_is_done(make_app, sample_course, qtbot):
    parts = make_app(content=sample_course)
    view = open_module(parts, "activation")
    reader = view.reader
    assert reader.check_button.isEnabled()
    # Read to the end: the end-of-text link opens the check.
    bar = reader.browser.verticalScrollBar()
    bar.setValue(bar.maximum())
    reader._on_anchor_clicked(QUrl("check:open"))
    assert reader.showing_check()
    panel = reader.check_panel
    assert [c.question.id for c in panel.cards] == ["activation-parts", "level-one", "match-support"]
    assert panel.result.text() == "0 of 3 right, pass mark 80%: 3 more to get right to pass"

    first, second, third = panel.cards
    # Question 1: the wrong option first.
    assert not first.submit_button.isEnabled()
    click_option(qtbot, first.buttons[1])
    qtbot.mouseClick(first.submit_button, Qt.MouseButton.LeftButton)
    assert first.verdict.text() == "\u2717 Not quite." and first.feedback.isVisibleTo(panel)
    assert "Age, diagnosis and medication" in first.why.text()
    assert "These describe the condition" in first.why.text()
    assert first.again_button.isVisibleTo(panel) and not first.buttons[0].isEnabled()
    # Try again, right this time: with the keyboard.
    qtbot.mouseClick(first.again_button, Qt.MouseButton.LeftButton)
    assert first.buttons[0].isEnabled() and not first.buttons[1].isChecked()
    first.buttons[0].setFocus()
    qtbot.keyClick(first.buttons[0], Qt.Key.Key_Space)
    assert first.buttons[0].isChecked()
    first.submit()
    assert first.verdict.text() == "\u2713 Right."

    click_option(qtbot, second.buttons[0])
    second.submit()
    assert not parts.controller.progress("activation").done

    # Ordering: move the lines with the keyboard into the right order.
    lst = third.order_list
    for target in range(lst.count()):
        row = next(r for r in range(lst.count()) if lst.item(r).data(Qt.ItemDataRole.UserRole) == target)
        lst.setCurrentRow(row)
        for _ in range(row - target):
            qtbot.keyClick(lst, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert third.answer() == [0, 1, 2, 3]
    qtbot.mouseClick(third.submit_button, Qt.MouseButton.LeftButton)
    assert third.verdict.text() == "\u2713 Right."

    progress = parts.controller.progress("activation")
    assert progress.done and progress.done_by == "check"
    assert panel.result.text() == "3 of 3 right, pass mark 80%: module done"
    assert reader.done_box.isChecked() and reader.done_box.text() == "Done: check &passed"
    attempts = parts.store.all(CHECK_ATTEMPT)
    assert [(a["question"], a["attempt"], a["correct"]) for a in attempts] == [
        ("activation-parts", 1, False),
        ("activation-parts", 2, True),
        ("level-one", 1, True),
        ("match-support", 1, True),
    ]
    assert "1 of 11 done" in view.progress_label.text()
    qtbot.mouseClick(panel.back_button, Qt.MouseButton.LeftButton)
    assert not reader.showing_check()


def test_free_text_is_compared_with_the_model_answer_and_rated(make_app, sample_course, qtbot):
    parts = make_app(content=sample_course)
    view = open_module(parts, "what-is-sms")
    view.open_check("what-is-sms")
    card = view.reader.check_panel.cards[2]
    assert card.question.kind == "free-text"
    qtbot.keyClicks(card.text_edit, "What the person does, and what we do to help.")
    assert not card.submit_button.isEnabled() and not card.rating_holder.isVisibleTo(card)
    qtbot.mouseClick(card.show_model_button, Qt.MouseButton.LeftButton)
    assert card.rating_holder.isVisibleTo(card) and "Model answer:" in card.model_answer.text()
    click_option(qtbot, card.rating_buttons[1])  # "Partly there"
    card.submit()
    (rec,) = parts.store.all(CHECK_ATTEMPT)
    assert rec["rating"] == "partly" and rec["correct"] is False
    assert rec["response"] == "What the person does, and what we do to help."
    assert card.verdict.text().startswith("Not counted yet")


def test_mark_as_done_by_hand_is_recorded_and_said_so(make_app, sample_course, qtbot):
    parts = make_app(content=sample_course)
    view = open_module(parts, "activation")
    reader = view.reader
    qtbot.mouseClick(reader.done_box, Qt.MouseButton.LeftButton)
    progress = parts.controller.progress("activation")
    assert progress.done and progress.done_by == "hand"
    assert reader.done_box.text() == "Done: &marked by hand"
    assert reader.done_box.accessibleName() == "Done: marked by hand"
    assert "0 of 11 done" in view.progress_label.text() and "1 marked by hand" in view.progress_label.text()


def test_every_control_of_the_check_has_an_accessible_name(make_app, sample_course):
    parts = make_app(content=sample_course)
    view = open_module(parts, "what-is-sms")
    view.open_check("what-is-sms")
    panel = view.reader.check_panel
    controls = [w for cls in (QAbstractButton, QListWidget, QPlainTextEdit) for w in panel.findChildren(cls)]
    assert controls and all(w.accessibleName() for w in controls), [w for w in controls if not w.accessibleName()]


def test_a_passed_check_brings_its_questions_to_review_today_and_again_days_later(
    make_app, sample_course, qtbot, monkeypatch
):
    """The whole chain of #21 in the real window: check passed, module done, questions due in
    Review; answered there, nothing is due; a few days later they come back."""
    from datetime import datetime, timedelta

    from trainer.services.review import ReviewService

    now = [datetime(2026, 3, 2, 9, 0, tzinfo=UTC)]
    monkeypatch.setattr(ReviewService, "now", lambda self: now[0])
    parts = make_app(content=sample_course)
    view = open_module(parts, "activation")
    bar = view.reader.browser.verticalScrollBar()
    bar.setValue(bar.maximum())  # read to the end
    view.open_check("activation")
    first, second, third = view.reader.check_panel.cards
    click_option(qtbot, first.buttons[1])  # wrong first
    first.submit()
    assert first.verdict.text() == "\u2717 Not quite."
    qtbot.mouseClick(first.again_button, Qt.MouseButton.LeftButton)
    click_option(qtbot, first.buttons[0])
    first.submit()
    click_option(qtbot, second.buttons[0])
    second.submit()
    lst = third.order_list
    for target in range(lst.count()):
        row = next(r for r in range(lst.count()) if lst.item(r).data(Qt.ItemDataRole.UserRole) == target)
        lst.insertItem(target, lst.takeItem(row))
    third.submit()
    assert parts.controller.progress("activation").done_by == "check"

    parts.window.show_section("review")
    review = parts.window.section("review")
    review.on_records_changed()
    assert review.due_label.text().startswith("3 questions to review today")
    review.start()
    for _ in range(3):  # answer each card as it comes: the first option, or the order as given
        card = review.card
        if card.options:
            card.options[0].click()
        card.check_button.click()
        assert card.verdict.text() in ("Right.", "Not quite.")
        card.next_button.click()
    assert review.stack.currentWidget() is review.end_page
    review.back_button.click()
    assert review.due_label.text().startswith("Nothing due today"), review.due_label.text()

    now[0] += timedelta(days=30)  # a month later, FSRS brings them back
    review.on_records_changed()
    assert review.due_label.text().startswith("3 questions to review today"), review.due_label.text()


def test_a_scroll_to_the_end_after_the_records_close_saves_nothing_and_says_nothing(make_app, sample_course, qtbot):
    """The window going (or the screenshot tool) closes the records first; a late scroll event
    reaching the end of a module must not raise a 'could not save' box over a closing window."""
    parts = make_app(content=sample_course)
    view = open_module(parts, "activation")
    failures: list[str] = []
    parts.controller.save_failed.disconnect(parts.window.on_controller_save_failed)  # no box at teardown
    parts.controller.save_failed.connect(failures.append)
    parts.store.close()
    bar = view.reader.browser.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert failures == []
