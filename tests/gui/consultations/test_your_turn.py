"""Your turn: a consultation held by keyboard alone, to its summary and its saved attempt;
replay from a turn; "Reflect on this" starts a linked reflection."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.gui.a11y_walk import unnamed
from trainer.competencies.kinds import CONSULTATION_ATTEMPT
from trainer.consultations.model import Step
from trainer.ui.consultations.view import ConsultationsView
from trainer.ui.journal.controller import link_describer


@pytest.fixture
def app(make_app, fixtures):
    parts = make_app(fixtures / "sample-course")
    parts.window.show_section("consultations")
    view = parts.window.section("consultations")
    assert isinstance(view, ConsultationsView)
    return parts, view


def press(qtbot, key) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key)


def test_the_section_sits_after_scenarios_and_lists_the_course_consultations(app):
    parts, view = app
    tabs = parts.window.tabs
    assert tabs.indexOf(parts.window.sections["consultations"]) == tabs.indexOf(parts.window.sections["scenarios"]) + 1
    assert tabs.tabText(tabs.indexOf(view)) == "&Your turn"
    assert view.list.count() == 1
    assert view.list.item(0).text().startswith("Grace: six finger-pricks a day\nPractice nurse (Nursing)")
    assert "Not held yet" in view.list.item(0).text()
    assert unnamed(view) == []


def test_the_list_rows_are_the_design_rows_a_bold_title_over_a_wrapped_muted_line(app):
    from trainer.ui.common.rows import RowDelegate

    _parts, view = app
    delegate = view.list.itemDelegate()
    assert isinstance(delegate, RowDelegate)
    title, subtitle = delegate.parts(view.list.item(0).text())
    assert title == "Grace: six finger-pricks a day" and "Not held yet" in subtitle


def test_a_consultation_held_by_keyboard_reaches_its_summary_and_is_saved(app, qtbot):
    parts, view = app
    view.list.setFocus()
    press(qtbot, Qt.Key.Key_Return)  # start the chosen consultation
    assert view.stack.currentWidget() is view.conversation
    consultation = view.consultation
    expert = consultation.expert_path()
    for turn, step in enumerate(expert):
        page = view.conversation
        assert page.person_line.text().endswith(f"\u201c{consultation.node(step.node).person}\u201d")
        assert len(page.buttons) == len(consultation.node(step.node).responses)
        assert page.buttons[0].hasFocus()
        if turn % 2 == 0:
            press(qtbot, str(step.choice + 1))  # number keys choose
        else:
            for _ in range(step.choice):
                press(qtbot, Qt.Key.Key_Down)  # arrows move, Enter chooses
            assert page.buttons[step.choice].hasFocus()
            press(qtbot, Qt.Key.Key_Return)
        if view.stack.currentWidget() is view.conversation:
            assert page.feedback_box.isVisible()
            assert consultation.node(step.node).responses[step.choice].feedback == page.feedback.text()
    assert view.stack.currentWidget() is view.summary
    [record] = parts.store.all(CONSULTATION_ATTEMPT)
    assert record["consultation"] == "grace-sugar-checks" and record["profile"] == parts.profile_id
    assert [Step(p["node"], p["choice"]) for p in record["path"]] == expert
    assert record["expert_matches"] == record["decisions"] == len(expert)
    assert record["seconds"] >= 0 and record["end"] == "ending-good"
    summary = view.summary
    assert summary.overview.text().startswith(f"You chose as the expert did at {len(expert)} of {len(expert)}")
    assert summary.figures.rowCount() == 4
    labels = [summary.figures.item(r, 0).text() for r in range(4)]
    assert labels == ["Reflections to questions", "Complex reflections", "Open questions", "Advice with permission"]
    assert summary.figures.item(0, 1).text() == summary.figures.item(0, 2).text()  # the expert's own path
    assert summary.path.rowCount() == len(expert)
    assert all(summary.path.item(r, 3).text() == "The same" for r in range(len(expert)))
    assert summary.ending.text() == "Grace: \u201c" + consultation.node("ending-good").person + "\u201d"
    assert unnamed(view) == []


def test_a_different_path_shows_the_experts_choice_and_replays_from_a_turn(app, qtbot):
    parts, view = app
    view.start("grace-sugar-checks")
    press(qtbot, "2")  # unasked advice: the nurse refuses the strips
    assert view.conversation.person_line.text().startswith("Grace: \u201cSo I'm just supposed to guess?")
    press(qtbot, "2")  # more policy: Grace leaves unconvinced
    assert view.stack.currentWidget() is view.summary
    summary = view.summary
    assert summary.path.rowCount() == 2
    assert summary.path.item(0, 3).text().startswith("You've kept a careful record.")
    assert "Advice without permission" in summary.path.item(0, 2).text()
    permission = summary.figures.item(3, 1).text()
    assert permission.startswith("0%") and permission.endswith("below fair")
    # Replay from the second turn: choose a turn in the path table, press Enter.
    summary.path.setFocus()
    summary.path.setCurrentCell(1, 0)
    press(qtbot, Qt.Key.Key_Return)
    assert view.stack.currentWidget() is view.conversation
    assert view.steps == [Step("opening", 1)]
    assert view.conversation.person_line.text().startswith("Grace: \u201cSo I'm just supposed to guess?")
    press(qtbot, "1")  # the reflection, this time
    assert view.conversation.person_line.text().startswith("Grace: \u201cMy friend Pat")
    assert len(parts.store.all(CONSULTATION_ATTEMPT)) == 1  # nothing kept until the end
    consultation = view.consultation
    while view.stack.currentWidget() is view.conversation:  # the expert's way from here
        node = consultation.node(consultation.follow(view.steps))
        press(qtbot, str(next(i for i, r in enumerate(node.responses) if r.expert) + 1))
    first, again = sorted(parts.store.all(CONSULTATION_ATTEMPT), key=lambda r: len(r["path"]))
    assert again["path"][:3] == [{"node": "opening", "choice": 1}, {"node": "refused", "choice": 0}] + [
        {"node": "worries", "choice": 0}
    ]
    assert again["end"] == "ending-good" and first["end"] == "ending-short"
    assert view.summary.path.rowCount() == len(again["path"])


def test_reflect_on_this_starts_a_reflection_linked_to_the_attempt(app, qtbot):
    parts, view = app
    view.start("grace-sugar-checks")
    press(qtbot, "2")
    press(qtbot, "2")
    [record] = parts.store.all(CONSULTATION_ATTEMPT)
    view.summary.reflect_button.click()
    assert parts.window.tabs.currentWidget() is parts.window.sections["journal"]
    drafts = [r for r in parts.store.all("reflection") if (r.get("link") or {}).get("kind") == "consultation"]
    assert len(drafts) == 1
    assert drafts[0]["link"] == {"kind": "consultation", "consultation": "grace-sugar-checks", "attempt": record["uid"]}
    assert drafts[0]["template"] == "rolfe"


def test_the_journal_names_the_consultation_a_reflection_is_linked_to(app):
    parts, _view = app
    describe = link_describer(parts.content)
    link = {"kind": "consultation", "consultation": "grace-sugar-checks", "attempt": "x"}
    assert describe(link) == "Consultation held: Grace: six finger-pricks a day"
    assert describe({"kind": "consultation", "consultation": "gone"}) == "Consultation held: gone"


def _mnemonic(text: str) -> str | None:
    i = text.replace("&&", "").find("&")
    return text.replace("&&", "")[i + 1].lower() if i >= 0 else None


def test_the_buttons_alt_keys_do_not_collide_with_the_tabs_or_menus(app):
    parts, view = app
    window = parts.window
    taken = {_mnemonic(window.tabs.tabText(i)) for i in range(window.tabs.count())}
    taken |= {_mnemonic(a.text()) for a in window.menuBar().actions()}
    buttons = [view.start_button, view.conversation.leave_button]
    buttons += [view.summary.replay_button, view.summary.reflect_button, view.summary.back_button]
    letters = [_mnemonic(b.text()) for b in buttons]
    assert None not in letters
    assert not (set(letters) & taken), set(letters) & taken
