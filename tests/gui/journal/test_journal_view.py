"""The Journal section: finding, binning, undoing, and the goal nudge."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from trainer.ui.journal.goals import CheckInDialog, GoalDialog
from trainer.ui.journal.view import JournalView

from .journal_helpers import memory_controller

PLAN = {"what": "a 15-minute walk", "when": "after lunch", "where": "the park", "how_often": "twice a week"}


@pytest.fixture
def clock():
    return {"today": date(2026, 3, 2)}


@pytest.fixture
def view(qtbot, clock):
    view = JournalView(memory_controller(clock=clock))
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    return view


def titles(view):
    return [view.list.item(i).text().split("\n")[0] for i in range(view.list.count())]


def seed(view, clock):
    c = view.controller
    made = {}
    for day, template, title, text, tags, link in (
        (
            1,
            "gibbs",
            "Feet first",
            "She wanted to talk about her feet.",
            "diabetes",
            {"kind": "module", "module": "what-is-sms"},
        ),
        (3, "rolfe", "Round two", "I gave advice too early.", "practice", {"kind": "skill", "skill": "permission"}),
        (2, "rolfe", "Round one", "Open questions worked well.", "practice, diabetes", None),
    ):
        clock["today"] = date(2026, 3, day)
        uid = c.start_reflection(template, link, title=title)
        first = c.template(template).text_sections[0].id
        c.save(uid, {"sections": {first: text}, "tags": tags})
        made[title] = uid
    return made


def choose(combo, text):
    index = combo.findText(text)
    assert index >= 0, [combo.itemText(i) for i in range(combo.count())]
    combo.setCurrentIndex(index)


def test_list_search_and_filters(qtbot, view, clock):
    seed(view, clock)
    view.controller.finish(view.current_uid())  # the last one started: "Round one"
    assert titles(view) == ["Round two", "Round one", "Feet first"]
    assert view.count_label.text() == "3 reflections shown"
    view.search_edit.setText("feet")
    assert titles(view) == ["Feet first"]
    view.search_edit.setText("ADVICE early")
    assert titles(view) == ["Round two"]
    view.search_edit.clear()
    choose(view.template_filter, "Rolfe")
    assert titles(view) == ["Round two", "Round one"]
    choose(view.status_filter, "Finished")
    assert titles(view) == ["Round one"]
    choose(view.template_filter, "Any template")
    choose(view.status_filter, "Drafts")
    choose(view.tag_filter, "diabetes")
    assert titles(view) == ["Feet first"]
    choose(view.tag_filter, "Any tag")
    choose(view.status_filter, "Any status")
    choose(view.link_filter, "Skill: permission")
    assert titles(view) == ["Round two"]
    choose(view.link_filter, "Module: what-is-sms")
    assert titles(view) == ["Feet first"]
    assert view.pages.currentWidget() is view.empty_page  # the open one was filtered out
    view.list.setCurrentRow(0)
    assert view.pages.currentWidget() is view.editor and view.editor.title_edit.text() == "Feet first"


def test_selecting_opens_and_autosave_updates_the_list(qtbot, view, clock):
    made = seed(view, clock)
    view.select(made["Feet first"])
    assert view.editor.uid == made["Feet first"]
    view.editor.title_edit.setText("Feet, then results")
    view.editor.title_edit.textEdited.emit("Feet, then results")
    qtbot.waitUntil(lambda: "Feet, then results" in titles(view), timeout=5000)


def test_bin_undo_with_ctrl_z_and_restore_from_bin(qtbot, view, clock):
    made = seed(view, clock)
    view.select(made["Round two"])
    view.editor.bin_button.click()
    assert "Round two" not in titles(view)
    assert view.undo_bar.isVisibleTo(view) and "Round two" in view.undo_label.text()
    view.list.setFocus()
    view.window().activateWindow()
    qtbot.waitUntil(view.list.hasFocus)
    qtbot.keyClick(view.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Round two" in titles(view)
    assert view.editor.uid == made["Round two"] and not view.undo_bar.isVisibleTo(view)

    view.editor.bin_button.click()
    view.undo_button.click()
    assert "Round two" in titles(view)

    view.editor.bin_button.click()
    view.undo_close.click()
    choose(view.show_combo, "Bin")
    assert titles(view) == ["Round two"] and view.count_label.text() == "1 reflection in the bin"
    view.list.setCurrentRow(0)
    assert view.pages.currentWidget() is view.bin_page
    assert "I gave advice too early." in view.bin_preview.toPlainText()
    view.restore_button.click()
    assert view.show_combo.currentText() == "Journal"
    assert view.editor.uid == made["Round two"]
    assert len(titles(view)) == 3


def test_delete_for_good_asks_first(qtbot, view, clock, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    made = seed(view, clock)
    view.controller.delete(made["Feet first"])
    choose(view.show_combo, "Bin")
    view.list.setCurrentRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    view.purge_button.click()
    assert titles(view) == ["Feet first"]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.purge_button.click()
    assert titles(view) == [] and view.controller.get(made["Feet first"]) is None


def test_duplicate_opens_a_new_draft(qtbot, view, clock):
    made = seed(view, clock)
    view.select(made["Feet first"])
    view.editor.duplicate_button.click()
    assert view.editor.uid not in made.values()
    assert view.editor.title_edit.text() == "Copy of Feet first"
    assert view.editor.edits["description"].toPlainText() == "She wanted to talk about her feet."
    assert len(titles(view)) == 4


def test_new_reflection_menu_lists_templates(qtbot, view):
    actions = view.new_menu.actions()
    assert [a.data() for a in actions] == ["rolfe", "gibbs", "nmc-reflective-account"]
    actions[2].trigger()
    assert view.editor.template.id == "nmc-reflective-account"
    assert view.editor.reminder_label.isVisibleTo(view)


def test_starting_a_reflection_clears_hiding_filters(qtbot, view, clock):
    seed(view, clock)
    view.search_edit.setText("nothing matches this")
    uid = view.controller.start_reflection("gibbs")
    assert view.current_uid() == uid and view.search_edit.text() == ""


def test_goal_nudge_and_check_in(qtbot, view, clock):
    c = view.controller
    assert not view.nudge_label.isVisibleTo(view)
    assert "Practise what you teach" in view.goal_label.text()
    c.create_goal(goal="Walk at lunchtime", importance=8, confidence=6, plan=PLAN, every_days=7)
    assert "Walk at lunchtime" in view.goal_label.text() and "confidence 6/10" in view.goal_label.text()
    assert not view.checkin_button.isVisibleTo(view)
    clock["today"] += timedelta(days=7)
    view.refresh_goals()
    assert view.nudge_label.isVisibleTo(view) and "Walk at lunchtime" in view.nudge_label.text()
    assert view.checkin_button.isVisibleTo(view)

    goal = c.goals.due()[0]
    dialog = CheckInDialog(c, goal, view)
    qtbot.addWidget(dialog)
    dialog.progress_buttons["not-yet"].setChecked(True)
    dialog.barriers.setPlainText("Meetings ran over lunch")
    dialog.confidence.setValue(5)
    assert dialog.hint.isVisibleTo(dialog) and "smaller" in dialog.hint.text()
    dialog.on_save_clicked()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert not view.nudge_label.isVisibleTo(view)
    [checkin] = c.goals.checkins(goal["uid"])
    assert checkin["progress"] == "not-yet" and checkin["barriers"] == "Meetings ran over lunch"


def test_goal_dialog_suggests_a_smaller_plan(qtbot, view):
    dialog = GoalDialog(view.controller, None, view)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.confidence.setValue(8)
    assert not dialog.hint.isVisibleTo(dialog)
    dialog.confidence.setValue(6)
    assert dialog.hint.isVisibleTo(dialog) and "smaller" in dialog.hint.text()
    dialog.on_save_clicked()  # no goal written yet
    assert dialog.error.isVisibleTo(dialog) and "goal" in dialog.error.text().lower()
    dialog.goal_edit.setText("Sleep by eleven")
    dialog.what.setText("lights out")
    dialog.on_save_clicked()
    assert dialog.result() == dialog.DialogCode.Accepted
    [goal] = view.controller.goals.goals()
    assert goal["goal"] == "Sleep by eleven" and goal["confidence"] == 6 and goal["plan"]["what"] == "lights out"
    assert "Sleep by eleven" in view.goal_label.text()
    # the goals menu offers check-in and edit for it, and a new goal
    texts = [a.text() for a in view.goals_menu.actions() if not a.isSeparator()]
    assert any("Check in" in t for t in texts) and any("Edit" in t for t in texts) and texts[-1] == "&New goal\u2026"


def test_every_focusable_control_has_an_accessible_name(qtbot, view):
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QListWidget, QPlainTextEdit

    for template in ("gibbs", "nmc-reflective-account"):
        view.controller.start_reflection(template)
        kinds = (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QListWidget, QPlainTextEdit)
        unnamed = [
            w
            for w in view.findChildren(QWidget)
            if isinstance(w, kinds)
            and w.focusPolicy() != Qt.FocusPolicy.NoFocus
            and not w.accessibleName()
            and w.parent() is not None
            and not isinstance(w.parent(), (QComboBox, QAbstractSpinBox))
        ]
        assert unnamed == [], [type(w).__name__ + ":" + w.objectName() for w in unnamed]


def test_new_reflection_shortcut_opens_the_template_menu(qtbot, view, monkeypatch):
    shown = []
    monkeypatch.setattr(view.new_menu, "popup", lambda pos: shown.append(pos))
    view.new_action.trigger()
    assert shown
