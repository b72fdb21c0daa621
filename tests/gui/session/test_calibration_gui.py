"""Observer calibration: the trainer has a participant code a gold-standard consultation
before the session; the agreement shows on that observer's form."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from trainer.records.store import memory_store
from trainer.scenarios.loader import load_scenarios
from trainer.services.team_session import TeamSessionService
from trainer.ui.session.controller import TeamSessionController
from trainer.ui.session.observer_form import ObserverNoteForm
from trainer.ui.session.view import SessionView

from .test_session_gui import clock, content, start_taster  # noqa: F401 - the section's fixtures

CODED = """---
id: tiny
title: A tiny scenario
setting: Clinic
practitioner: Nurse
person: {name: Sam (invented), age_range: 40-49, conditions: [Asthma], what_matters: [Running], activation: 2}
speakers: {Nurse: practitioner, Sam: person}
objectives: [Compare two openings]
---
## Moment: Opening {#opening}
### Traditional
**Nurse:** Let's look at your peak flow.
### Self-management support
**Nurse:** How have things been?
> code: open_question: invites Sam to say how things are
**Sam:** Tiring.
**Nurse:** Tiring.
> code: simple_reflection: repeats Sam's one word
**Nurse:** What would you like to cover?
> code: open_question: asks what Sam wants to cover
### Commentary
They part ways.
"""


@pytest.fixture
def calibrating(qtbot, content, clock, tmp_path):  # noqa: F811
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "scenarios" / "tiny.md").write_text(CODED, encoding="utf-8")
    scenarios = load_scenarios(tmp_path, None).scenarios
    service = TeamSessionService(memory_store(), "trainer-1", seed_source=lambda: 77)
    controller = TeamSessionController(service, content.plans, clock=clock, scenarios=scenarios)
    view = SessionView(controller, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat), content.framework)
    qtbot.addWidget(view)
    view.resize(1280, 760)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_calibrate_an_observer_and_see_it_on_their_form(calibrating, qtbot):
    view = calibrating
    roster = view.roster
    assert not roster.calibrate_button.isEnabled()  # no session yet
    start_taster(view, qtbot)
    assert roster.calibrate_button.isEnabled()
    roster.table.setCurrentCell(1, 0)
    pid = roster.table.item(1, 0).data(Qt.ItemDataRole.UserRole)
    name = roster.table.item(1, 0).text()
    with qtbot.waitSignal(roster.status_message) as told:
        box = roster.on_calibrate_clicked()
        assert box is not None and name in box.windowTitle()
        for key in (Qt.Key.Key_O, Qt.Key.Key_X, Qt.Key.Key_O):
            qtbot.keyClick(box.focusWidget(), key)
    assert told.args == [f"{name} calibrated: kappa 0.40."]
    assert box.summary_label.text().startswith("You agreed with the expert on 2 of 3 turns (67%)")
    box.close()
    calibration = view.controller.calibration(pid)
    assert calibration is not None and calibration["kappa"] == pytest.approx(0.4) and calibration["items"] == 3
    assert "Calibration: kappa 0.40" in roster.table.item(1, 0).toolTip()

    session = view.controller.session
    group = next(g for g in session["rounds"][0]["groups"] if pid in g)
    learner = next(p for p in group if p != pid)
    form = ObserverNoteForm(view.controller, 0, pid, learner, parent=view)
    qtbot.addWidget(form)
    assert form.calibration_label.text().startswith("Calibration: kappa 0.40 (fair), 67% agreement on 3 turns")
    form.observer_box.setCurrentIndex(form.observer_box.findData("trainer"))
    assert form.calibration_label.text() == "Not calibrated in this session."
    form.reject()


def test_calibrate_needs_a_selected_participant(calibrating, qtbot):
    view = calibrating
    start_taster(view, qtbot)
    view.roster.table.setCurrentCell(-1, -1)
    with qtbot.waitSignal(view.roster.status_message) as told:
        assert view.roster.on_calibrate_clicked() is None
    assert told.args == ["Select the participant to calibrate first."]
