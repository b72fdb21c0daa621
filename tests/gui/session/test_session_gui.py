"""The trainer's side of a team session, driven as a trainer would."""

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog

from trainer.content import load_content
from trainer.records.store import memory_store
from trainer.services.team_session import TeamSessionService
from trainer.ui.session.controller import TeamSessionController
from trainer.ui.session.observer_form import ObserverNoteForm
from trainer.ui.session.view import SessionView

ROOT = Path(__file__).resolve().parents[3]
SEVEN = ["Asha Patel", "Ben Okafor", "Carys Lloyd", "Dev Sharma", "Ella Byrne", "Finn Walsh", "Grace Obi"]


class FakeClock:
    def __init__(self):
        self.t = 100.0

    def __call__(self):
        return self.t


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT / "tests" / "fixtures" / "sample-course")


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def view(qtbot, content, clock, tmp_path):
    service = TeamSessionService(memory_store(), "trainer-1", seed_source=lambda: 77)
    skill_names = {s.id: s.name for s in content.framework.skills}
    controller = TeamSessionController(service, content.plans, clock=clock, skill_names=skill_names)
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    view = SessionView(controller, settings, framework=content.framework)
    qtbot.addWidget(view)
    view.resize(1280, 760)
    view.show()
    qtbot.waitExposed(view)
    yield view
    if view.presenter is not None:
        view.presenter.close()


def start_taster(view, qtbot, names=SEVEN):
    roster = view.roster
    roster.plan_combo.setCurrentIndex(roster.plan_combo.findData("taster-90"))
    with qtbot.waitSignal(view.controller.session_opened):
        roster.new_button.click()
    for name in names:
        roster.name_edit.setText(name)
        roster.role_edit.setText("Nurse")
        roster.add_button.click()
    assert roster.table.rowCount() == len(names)
    with qtbot.waitSignal(view.controller.groups_made):
        view.groups.make_button.click()


def people_in_tree(tree):
    out = []
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        out.append([group.child(j).text(0) for j in range(group.childCount())])
    return out


def test_run_two_phases_with_the_presenter_open(view, qtbot, clock):
    start_taster(view, qtbot)
    c = view.controller
    assert view.groups.seed_label.text() == "Seed: 77"
    assert sorted(sum(people_in_tree(view.groups.tree), [])) == SEVEN
    view.run.presenter_button.click()
    presenter = view.presenter
    assert presenter is not None and presenter.isVisible()
    assert presenter.phase_label.text() == "Welcome and ground rules"
    assert presenter.timer_label.text() == "10:00"

    view.run.start_button.click()
    assert c.timer.running and view.run.start_button.text() == "Pause"
    clock.t += 61
    c.tick()
    assert presenter.timer_label.text() == "8:59" and view.run.timer_label.text() == "8:59"
    clock.t += 600
    with qtbot.waitSignal(c.timer_finished):
        c.tick()
    assert presenter.timer_label.text() == "0:00" and presenter.flashing
    assert presenter.state_label.text().startswith("Time is up")
    assert view.run.start_button.text() == "Time is up" and not view.run.start_button.isEnabled()
    qtbot.keyClick(presenter, Qt.Key.Key_Space)  # nothing to pause or start once time is up
    assert not c.timer.running
    view.run.extend_button.click()
    assert presenter.timer_label.text() == "1:00" and c.timer.running
    clock.t += 20
    c.tick()
    assert presenter.timer_label.text() == "0:40"

    view.run.next_button.click()
    assert c.phase_index == 1
    assert presenter.phase_label.text() == c.plan.phases[1].title
    assert presenter.timer_label.text() == "7:00" and not presenter.flashing
    assert view.run.phase_list.currentRow() == 1

    view.run.phase_list.setCurrentRow(4)  # the first practice round
    assert presenter.phase_label.text() == "Round 1: set the agenda together"
    shown = " ".join(label.text() for label in presenter.group_labels)
    assert len(presenter.group_labels) == 3
    assert all(name in shown for name in SEVEN) and "Observer" in shown
    assert view.groups.round_index() == 0

    view.run.presenter_button.click()
    qtbot.waitUntil(lambda: view.presenter is None)
    assert not view.run.presenter_button.isChecked()


def test_presenter_keyboard(view, qtbot, clock):
    start_taster(view, qtbot)
    view.run.presenter_button.click()
    presenter = view.presenter
    c = view.controller
    qtbot.keyClick(presenter, Qt.Key.Key_Space)
    assert c.timer.running
    clock.t += 30
    qtbot.keyClick(presenter, Qt.Key.Key_Space)
    assert not c.timer.running and presenter.state_label.text().startswith("Paused")
    qtbot.keyClick(presenter, Qt.Key.Key_Plus)
    assert presenter.timer_label.text() == "10:30"
    qtbot.keyClick(presenter, Qt.Key.Key_Right)
    qtbot.keyClick(presenter, Qt.Key.Key_PageDown)
    assert c.phase_index == 2
    qtbot.keyClick(presenter, Qt.Key.Key_Left)
    assert c.phase_index == 1 and presenter.timer_label.text() == "7:00"
    qtbot.keyClick(presenter, Qt.Key.Key_Left)
    qtbot.keyClick(presenter, Qt.Key.Key_Left)  # already at the first phase
    assert c.phase_index == 0


def test_swap_and_observer_form(view, qtbot):
    start_taster(view, qtbot)
    tree = view.groups.tree
    before = people_in_tree(tree)
    a = tree.topLevelItem(0).child(0)
    b = tree.topLevelItem(1).child(0)
    a_name, b_name = a.text(0), b.text(0)
    a.setSelected(True)
    b.setSelected(True)
    with qtbot.waitSignal(view.controller.groups_made):
        view.groups.swap_button.click()
    after = people_in_tree(tree)
    assert b_name in after[0] and a_name in after[1] and after != before

    learner = tree.topLevelItem(1).child(0)
    learner_name = learner.text(0)
    tree.clearSelection()
    tree.setCurrentItem(learner)
    learner.setSelected(True)
    view.groups.observe_button.click()
    form = view.open_form
    assert isinstance(form, ObserverNoteForm)
    qtbot.waitExposed(form)
    form.note_edit.setPlainText("Warm opening; asked for their list first.")
    # The live counter from Skills: one key per behaviour, Backspace undoes.
    form.counter.setFocus()
    for key in "OOOOOCXXXS":
        qtbot.keyClick(form.counter, key)
    qtbot.keyClick(form.counter, Qt.Key.Key_Backspace)  # the S was a slip
    # The checklist: digits rate the current skill and move down.
    form.checklist.table.setFocus()
    form.checklist.table.go_to_row(0)
    qtbot.keyClick(form.checklist.table, Qt.Key.Key_2)
    qtbot.keyClick(form.checklist.table, Qt.Key.Key_1)
    with qtbot.waitSignal(view.controller.observation_saved):
        form.buttons.button(form.buttons.StandardButton.Save).click()
    saved = view.controller.service.observations(view.controller.uid)
    assert len(saved) == 1 and saved[0]["learner_name"] == learner_name
    counts = saved[0]["counts"]
    assert (
        counts["open_question"],
        counts["closed_question"],
        counts["complex_reflection"],
        counts["simple_reflection"],
    ) == (5, 1, 3, 0)
    skills = [s.id for s in view.framework.skills]
    assert saved[0]["items"][skills[0]]["rating"] == 2 and saved[0]["items"][skills[1]]["rating"] == 1
    learner = tree.topLevelItem(1).child(0)
    tree.clearSelection()
    tree.setCurrentItem(learner)
    learner.setSelected(True)
    view.groups.observe_button.click()  # open it again: what was saved comes back
    again = view.open_form
    assert again is not form and again.counts()["open_question"] == 5
    assert again.checklist.items()[skills[0]]["rating"] == 2
    again.reject()
    assert tree.topLevelItem(1).child(0).text(2).startswith("observed \u2713 \u00b7 ")


def test_save_report_pdf_and_anonymised_html(view, qtbot, tmp_path, monkeypatch):
    start_taster(view, qtbot)
    view.debrief_edit.setPlainText("More reflections next time.")
    target = {"path": str(tmp_path / "report.pdf")}
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (target["path"], ""))
    view.report_button.click()
    pdf = tmp_path / "report.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert view.controller.session["debrief"] == "More reflections next time."
    target["path"] = str(tmp_path / "report.html")
    view.report_button.click()
    html = (tmp_path / "report.html").read_text()
    assert "More reflections next time." in html and not any(n in html for n in SEVEN)
    view.names_box.setChecked(True)
    view.report_button.click()
    assert all(n in (tmp_path / "report.html").read_text() for n in SEVEN)


def test_whole_app_has_the_section_and_imports_a_bundle(make_app, qtbot, tmp_path, monkeypatch):
    parts = make_app(content=ROOT / "tests" / "fixtures" / "sample-course")
    window = parts.window
    assert "session" in window.sections
    window.show_section("session")
    assert window.current_section() == "session"
    bundle = {
        "format": "practitioner-trainer/feedback-bundle",
        "version": 1,
        "session": {"uid": "s1", "date": "2026-11-20"},
        "learner": {"name": "Asha"},
        "observations": [{"uid": "o1", "round": 1, "observer_name": "Ben", "counts": {}}],
    }
    path = tmp_path / "b.json"
    path.write_text(json.dumps(bundle))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    action = next(a for a in window.file_menu.actions() if "Import feedback" in a.text())
    action.trigger()
    assert len(parts.store.all("observation", profile=parts.profile_id)) == 1
    assert window.statusBar().currentMessage().startswith("Added 1 observation")


def test_attendance_untick_leaves_person_out_of_groups(view, qtbot):
    roster = view.roster
    roster.plan_combo.setCurrentIndex(roster.plan_combo.findData("taster-90"))
    roster.new_button.click()
    for name in SEVEN:
        roster.name_edit.setText(name)
        roster.name_edit.returnPressed.emit()  # Enter in the name box adds
    assert roster.count_label.text() == "7 present of 7"
    with qtbot.waitSignal(view.controller.session_changed):
        roster.set_present(6, False)
    assert roster.count_label.text() == "6 present of 7"
    view.groups.make_button.click()
    people = sum(people_in_tree(view.groups.tree), [])
    assert "Grace Obi" not in people and len(people) == 6
    assert view.groups.tree.topLevelItemCount() == 2  # two triads
    roster.table.selectRow(0)
    roster.remove_button.click()  # Asha is in the groups: refused with a plain message
    assert roster.table.rowCount() == 7


def test_debrief_saves_itself_and_ctrl_space_runs_the_timer(view, qtbot):
    start_taster(view, qtbot)
    view.debrief_edit.setPlainText("Autosaved thought")
    with qtbot.waitSignal(view.controller.debrief_saved, timeout=5000):
        pass
    assert view.controller.session["debrief"] == "Autosaved thought"
    view.run.start_shortcut.activated.emit()
    assert view.controller.timer.running and view.run.start_button.text() == "Pause"


def test_dropping_one_person_on_another_swaps_them(view, qtbot):
    start_taster(view, qtbot)
    tree = view.groups.tree
    a = tree.topLevelItem(0).child(0).data(0, Qt.ItemDataRole.UserRole)
    b = tree.topLevelItem(2).child(0).data(0, Qt.ItemDataRole.UserRole)
    names = view.controller.names()
    with qtbot.waitSignal(view.controller.groups_made):
        tree.drop_on(a, b)
    after = people_in_tree(tree)
    assert names[b] in after[0] and names[a] in after[2]
    tree.drop_on(a, a)  # onto oneself: nothing happens
    assert people_in_tree(tree) == after


def test_beep_only_when_turned_on_and_f11_full_screen(view, qtbot, clock, monkeypatch):
    from PySide6.QtWidgets import QApplication

    beeps = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(1)))
    start_taster(view, qtbot)
    assert not view.run.sound_box.isChecked()  # off by default
    view.run.presenter_button.click()
    presenter, c = view.presenter, view.controller
    c.toggle_timer()
    clock.t += 601
    with qtbot.waitSignal(c.timer_finished):
        c.tick()
    assert beeps == []
    view.run.sound_box.setChecked(True)
    assert view.settings.value("presenter/sound", type=bool)
    c.next_phase()
    c.toggle_timer()
    clock.t += 421
    with qtbot.waitSignal(c.timer_finished):
        c.tick()
    assert beeps == [1]
    qtbot.keyClick(presenter, Qt.Key.Key_F11)
    qtbot.waitUntil(presenter.isFullScreen)
    qtbot.keyClick(presenter, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not presenter.isFullScreen())


def test_delete_session_after_confirming(view, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    start_taster(view, qtbot)
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    view.roster.delete_button.click()
    assert view.controller.session is not None
    with qtbot.waitSignal(view.controller.session_opened):
        view.roster.delete_button.click()
    assert view.controller.session is None and view.controller.service.sessions() == []
    assert view.roster.table.rowCount() == 0 and not view.groups.reshuffle_button.isEnabled()
    assert view.run.total_label.text() == "Choose a plan and press New session."


def test_gui_import_of_a_bad_bundle_says_why_and_writes_nothing(make_app, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    parts = make_app(content=ROOT / "tests" / "fixtures" / "sample-course")
    bad = tmp_path / "cut.json"
    bad.write_text('{"format": "practitioner-trainer/feedback-bundle", "vers', encoding="utf-8")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    action = next(a for a in parts.window.file_menu.actions() if "Import feedback" in a.text())
    action.trigger()
    assert len(warnings) == 1 and warnings[0].startswith("cut.json, line 1: not valid JSON")
    assert parts.store.all("observation") == []


def test_new_session_for_the_same_team_copies_its_people(view, qtbot):
    start_taster(view, qtbot)
    view.roster.team_edit.setText("Riverside")
    view.roster.team_edit.editingFinished.emit()
    notices = []
    view.controller.noticed.connect(notices.append)
    view.roster.new_button.click()
    session = view.controller.session
    assert [p["name"] for p in session["participants"]] == SEVEN
    assert session["team"] == "Riverside" and session["rounds"] == []
    assert notices and notices[0].startswith("Copied 7 people")
    assert view.roster.sessions_combo.count() == 2


def test_presenter_shows_what_comes_next(view, qtbot):
    start_taster(view, qtbot)
    view.run.presenter_button.click()
    presenter = view.presenter
    assert presenter.next_label.text() == "Next: Agenda setting: whose conversation is it? (7 min)"
    view.run.phase_list.setCurrentRow(view.run.phase_list.count() - 1)
    assert presenter.next_label.text() == "Last phase"


def test_presenter_on_a_small_screen_shows_every_line_of_every_group(view, qtbot):
    start_taster(view, qtbot)
    view.run.presenter_button.click()
    presenter = view.presenter
    view.run.phase_list.setCurrentRow(4)  # the first practice round: three groups, long text
    presenter.resize(800, 600)
    qtbot.waitUntil(lambda: presenter.size().height() == 600)
    for label in [*presenter.group_labels, presenter.instructions_label, presenter.prompts_label]:
        qtbot.waitUntil(lambda label=label: label.height() >= label.heightForWidth(label.width()))
    assert presenter.hint_label.geometry().bottom() <= presenter.height()


def test_roster_adds_people_who_have_a_local_profile(view, qtbot):
    from trainer.services.profiles import ProfileService

    profiles = ProfileService(view.controller.service._store)
    profiles.create("Asha Patel", role="Practice nurse")
    profiles.create("Ben Okafor", role="GP")
    roster = view.roster
    roster.plan_combo.setCurrentIndex(roster.plan_combo.findData("taster-90"))
    with qtbot.waitSignal(view.controller.session_opened):
        roster.new_button.click()
    menu = roster.profile_menu()
    assert [a.text() for a in menu.actions()] == ["Asha Patel (Practice nurse)", "Ben Okafor (GP)"]
    menu.actions()[1].trigger()
    assert [roster.table.item(r, 0).text() for r in range(roster.table.rowCount())] == ["Ben Okafor"]
    assert roster.table.item(0, 1).text() == "GP"
    assert [a.text() for a in roster.profile_menu().actions()] == ["Asha Patel (Practice nurse)"]  # no doubles


def test_the_presenter_names_the_groups_as_made_not_the_plans_format(view, qtbot):
    """Seven people in a triads round are one triad and two pairs, and the screen says so."""
    from trainer.ui.session.presenter import PresenterView

    start_taster(view, qtbot)
    controller = view.controller
    practice = next(i for i, p in enumerate(controller.plan.phases) if p.practice and p.practice.format == "triads")
    controller.go_to_phase(practice)
    presenter = PresenterView(controller)
    qtbot.addWidget(presenter)
    presenter.refresh()
    assert presenter.practice_label.text().startswith("1 triad and 2 pairs")


def test_before_groups_are_made_the_presenter_names_the_groups_the_people_here_will_make(view, qtbot):
    """Seven people, a triads round, no groups yet: '1 triad and 2 pairs', not 'Triads'."""
    from trainer.ui.session.presenter import PresenterView

    roster = view.roster
    roster.plan_combo.setCurrentIndex(roster.plan_combo.findData("taster-90"))
    with qtbot.waitSignal(view.controller.session_opened):
        roster.new_button.click()
    for name in SEVEN:
        view.controller.add_participant(name)
    controller = view.controller
    controller.go_to_phase(controller.plan.practice_phases()[0])
    presenter = PresenterView(controller)
    qtbot.addWidget(presenter)
    assert presenter.practice_label.text().startswith("1 triad and 2 pairs")
    assert "Triads" not in presenter.practice_label.text()
