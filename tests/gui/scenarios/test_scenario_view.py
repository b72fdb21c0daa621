"""The Scenarios section as a learner uses it (pytest-qt)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from trainer.content import load_content
from trainer.records.store import memory_store
from trainer.scenarios.render import anchor
from trainer.ui.scenarios.view import build_scenario_section

DIABETES = "diabetes-review"


@pytest.fixture
def parts(qtbot, tmp_path, sample_course):
    content = load_content(sample_course)
    store = memory_store()
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    view = build_scenario_section(content, store, "default", settings)
    qtbot.addWidget(view)
    view.resize(1400, 850)
    view.show()
    qtbot.waitExposed(view)
    return view, store


def open_diabetes(qtbot, view):
    view.list_page.select(DIABETES)
    view.list_page.open_button.click()
    qtbot.waitUntil(lambda: view.stack.currentWidget() is view.page)
    return view.page


def test_list_shows_each_scenario_with_its_facts(parts):
    view, _ = parts
    tree = view.list_page.tree
    rows = [[tree.topLevelItem(i).text(c) for c in range(4)] for i in range(tree.topLevelItemCount())]
    assert len(rows) == len(view.controller.scenarios) >= 6
    nurse = next(r for r in rows if r[2] == "Practice nurse")
    assert nurse[0].startswith("A diabetes review") and nurse[3] == "Level 2"
    assert "GP practice" in nurse[1]
    view.list_page.select(DIABETES)
    details = view.list_page.details.toPlainText()
    assert "Delia (invented), aged 60-69" in details and "Your practice: 0 attempts written" in details


def test_open_scenario_shows_both_versions_side_by_side(qtbot, parts):
    view, _ = parts
    page = open_diabetes(qtbot, view)
    assert page.mode == "side"
    assert page.title_label.text() == "A diabetes review that starts with Delia"
    assert page.moment_list.count() == 6
    text = page.browser.toPlainText()
    assert "TRADITIONAL" in text and "SELF-MANAGEMENT SUPPORT" in text
    assert "Here the two consultations part ways" in text
    assert "Where they part ways: in \u201cOpening\u201d, after 2 turns that are the same in both." in text
    view.page.back_button.click()
    assert view.stack.currentWidget() is view.list_page


def test_jump_to_a_moment_shows_it_in_both_columns(qtbot, parts):
    view, _ = parts
    page = open_diabetes(qtbot, view)
    assert anchor("plan", "sms") not in page.visible_anchors()
    page.moment_list.setCurrentRow(4)  # 5. Making a plan
    qtbot.waitUntil(lambda: {anchor("plan", "traditional"), anchor("plan", "sms")} <= page.visible_anchors())
    assert page.moment_id == "plan"
    assert page.practice.predict.title_label.text() == "Making a plan"


def test_keyboard_steps_through_moments(qtbot, parts):
    view, _ = parts
    page = open_diabetes(qtbot, view)
    page.browser.setFocus()
    qtbot.keyClick(page.browser, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert page.moment_id == "agenda" and page.moment_list.currentRow() == 1
    qtbot.keyClick(page.browser, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(page.browser, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert page.moment_id == "opening"


def test_scrolling_updates_the_current_moment(qtbot, parts):
    view, _ = parts
    page = open_diabetes(qtbot, view)
    bar = page.browser.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: page.moment_list.currentRow() == 5)
    assert page.moment_id == "follow-up"


def test_filter_by_skill_marks_every_place(qtbot, parts):
    view, _ = parts
    page = open_diabetes(qtbot, view)
    page.set_skill_filter("elicit-provide-elicit")
    assert page.places_label.text() == "3 places in 1 moment"
    assert page.moment_list.item(2).text().endswith("\u25c6 3 uses")
    assert page.moment_list.item(0).text().endswith("(not used)")
    assert "\u25c6 Elicit, provide, elicit" in page.browser.toPlainText()
    assert page.moment_id == "information"
    first = page.browser.verticalScrollBar().value()
    page.next_place_button.click()
    assert page.browser.verticalScrollBar().value() > first
    assert "t-information-3" in page.visible_anchors()
    page.set_skill_filter(None)
    assert not page.places_label.isVisible()
    assert "\u25c6" not in page.moment_list.item(2).text()


def test_single_column_by_width_and_by_choice(qtbot, parts):
    view, _ = parts
    page = open_diabetes(qtbot, view)
    view.resize(780, 600)
    qtbot.waitUntil(lambda: page.mode == "single")
    assert page.inner.orientation() == Qt.Orientation.Vertical
    text = page.browser.toPlainText()
    assert "TRADITIONAL" not in text and "Traditional" in text and "practitioner" in text
    assert page.browser.document().defaultFont().pointSizeF() > page._point
    page.layout_combo.setCurrentIndex(page.layout_combo.findData("side"))
    assert page.mode == "side"
    view.resize(1400, 850)
    page.layout_combo.setCurrentIndex(page.layout_combo.findData("single"))
    qtbot.waitUntil(lambda: page.mode == "single")
    assert page.inner.orientation() == Qt.Orientation.Horizontal


def test_predict_then_reveal_saves_and_keeps_attempts(qtbot, parts):
    view, store = parts
    page = open_diabetes(qtbot, view)
    page.jump_to_moment("agenda")
    page.practise_box.setChecked(True)
    assert "agenda" in page.render_options().hidden
    assert "Hidden until you have had a go" in page.browser.toPlainText()
    predict = page.practice.predict
    predict.editor.setPlainText("What would you like us to talk about today?")
    with qtbot.waitSignal(view.controller.moment_revealed):
        predict.save_button.click()
    (saved,) = store.all("scenario_attempt")
    assert saved["text"] == "What would you like us to talk about today?"
    assert (saved["profile"], saved["scenario"], saved["moment"]) == ("default", DIABETES, "agenda")
    assert "agenda" not in page.render_options().hidden
    assert predict.attempts_list.count() == 1
    assert "You wrote:" in predict.compare_label.text()
    assert "What would you like us to get to today?" in predict.compare_label.text()
    predict.hide_button.click()
    assert "agenda" in page.render_options().hidden
    predict.editor.setPlainText("A second go.")
    predict.save_button.click()
    assert predict.attempts_list.count() == 2
    assert predict.attempts_list.item(0).text().endswith("A second go.")
    page.back_button.click()
    assert "Your practice: 2 attempts written" in view.list_page.details.toPlainText()


def test_spot_the_skill_hides_tags_then_scores(qtbot, parts):
    view, store = parts
    page = open_diabetes(qtbot, view)
    page.jump_to_moment("information")
    page.practice.setCurrentWidget(page.practice.spot)
    assert "information" in page.render_options().untagged
    spot = page.practice.spot
    assert spot.turn_combo.count() == 5  # the nurse's turns in the SMS version
    spot.select_turn(0)
    spot.set_skill_checked("elicit-provide-elicit", True)
    spot.select_turn(1)
    spot.set_skill_checked("reflections", True)
    with qtbot.waitSignal(view.controller.spot_scored) as blocker:
        spot.check_button.click()
    score = blocker.args[2]
    assert (score.hits, score.misses, score.extras) == (1, 6, 1)
    assert "Agreement: 12%" in spot.result_label.text()
    assert "information" not in page.render_options().untagged
    (rec,) = store.all("scenario_spot")
    assert rec["moment"] == "information" and rec["hits"] == 1
    assert "Your rounds on this scenario: 1" in spot.history_label.text()
    assert not spot.check_button.isEnabled()
    spot.reset_button.click()
    assert spot.check_button.isEnabled() and "information" in page.render_options().untagged


def test_spot_the_skill_waits_while_a_moment_is_hidden(qtbot, parts):
    view, _ = parts
    page = open_diabetes(qtbot, view)
    page.jump_to_moment("plan")
    page.practise_box.setChecked(True)
    page.practice.setCurrentWidget(page.practice.spot)
    spot = page.practice.spot
    assert not spot.check_button.isEnabled() and "hidden while you practise" in spot.turn_text.text()
    page.practice.predict.reveal_button.click()
    assert spot.check_button.isEnabled() and spot.turn_text.text().startswith("\u201c")


def test_text_size_is_remembered(qtbot, tmp_path, sample_course):
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    content = load_content(sample_course)
    first = build_scenario_section(content, memory_store(), "default", settings)
    qtbot.addWidget(first)
    first.page.larger_button.click()
    first.page.larger_button.click()
    second = build_scenario_section(content, memory_store(), "default", settings)
    qtbot.addWidget(second)
    assert second.page._point == first.page._point == first.page._default_point + 2


def test_reflect_emits_a_link_to_the_moment(qtbot, parts):
    view, _ = parts
    page = open_diabetes(qtbot, view)
    page.jump_to_moment("motivation")
    with qtbot.waitSignal(view.reflection_requested) as blocker:
        page.reflect_button.click()
    assert blocker.args == [{"kind": "scenario", "scenario": DIABETES, "moment": "motivation"}]


def test_controls_have_accessible_names(qtbot, parts):
    view, _ = parts
    page = open_diabetes(qtbot, view)
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QListWidget, QPlainTextEdit, QTextBrowser

    kinds = (QAbstractButton, QComboBox, QListWidget, QPlainTextEdit, QTextBrowser)
    unnamed = [
        w
        for kind in kinds
        for w in page.findChildren(kind)
        if not w.accessibleName() and w.focusPolicy() != Qt.FocusPolicy.NoFocus and not w.objectName().startswith("qt_")
    ]
    assert unnamed == []


def test_app_has_a_scenarios_section(qtbot, tmp_path, sample_course):
    from trainer.app import build

    parts = build(sample_course, tmp_path / "data")
    qtbot.addWidget(parts.window)
    view = parts.window.section("scenarios")
    assert view.controller.scenarios and parts.window.tabs.indexOf(view) >= 0
    view.open_scenario("copd-rescue-pack", "plan")
    assert view.page.moment_id == "plan"
    parts.store.close()
