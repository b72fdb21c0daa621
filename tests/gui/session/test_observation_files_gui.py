"""An observer fills the form on their own copy and the trainer imports the file."""

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from trainer.sessions.session_code import session_code
from trainer.ui.session.export import export_bundles, report_html

ROOT = Path(__file__).resolve().parents[3]
SEVEN = ["Asha Patel", "Ben Okafor", "Carys Lloyd", "Dev Sharma", "Ella Byrne", "Finn Walsh", "Grace Obi"]


def trainer_session(parts):
    view = parts.window.section("session")
    parts.window.show_section("session")
    c = view.controller
    c.new_session("taster-90", title="Riverside taster", date="2026-11-20", team="Riverside")
    for name in SEVEN:
        c.add_participant(name, "Nurse")
    c.make_groups(seed=5)
    return view


def test_observer_saves_a_form_and_the_trainer_imports_it(make_app, qtbot, tmp_path, monkeypatch):
    trainer = make_app(content=ROOT / "tests" / "fixtures" / "sample-course", data=tmp_path / "trainer")
    view = trainer_session(trainer)
    c = view.controller
    code = session_code(c.uid)
    assert code in view.roster.code_label.text()
    view.run.presenter_button.click()
    assert view.presenter.step_label.text().endswith(f"session code {code}")
    view.presenter.close()
    names = c.names()
    group = next(g for g in c.round_roles(1) if len(g) == 3)
    roles = {role: names[pid] for pid, role in group}
    practitioner, observer = roles["practitioner"], roles["observer"]

    # -- the observer's own copy ----------------------------------------------------------
    mine = make_app(content=ROOT / "tests" / "fixtures" / "sample-course", data=tmp_path / "observer")
    asked = []
    target = tmp_path / "forms"
    target.mkdir()
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda parent, title, name, filters: asked.append(name) or (str(target / name), ""),
    )
    mine.window.observe_action.trigger()
    dialog = mine.window.observation_dialog
    qtbot.waitExposed(dialog)
    dialog.practitioner_edit.setText(practitioner.upper())
    dialog.observer_edit.setText(observer)
    dialog.round_spin.setValue(2)
    dialog.save_button.click()  # no session code yet: it says so and asks for no file
    assert not dialog.problem_label.isHidden() and "session code" in dialog.problem_label.text()
    assert asked == [] and dialog.isVisible()
    dialog.code_edit.setText(f"{code[:3].lower()}-{code[3:]}")
    dialog.note_edit.setPlainText("Warm opening; asked for their list first.")
    dialog.counter.setFocus()
    for key in "OOOXXC":
        qtbot.keyClick(dialog.counter, key)
    qtbot.keyClick(dialog.counter, Qt.Key.Key_Backspace)  # the C was a slip
    dialog.checklist.table.setFocus()
    dialog.checklist.table.go_to_row(0)
    qtbot.keyClick(dialog.checklist.table, Qt.Key.Key_2)
    first_skill = dialog.framework.skills[0].id
    dialog.save_button.click()
    slug = practitioner.lower().replace(" ", "-")
    assert asked == [f"observation-round2-{slug}.json"]
    path = target / asked[0]
    saved = json.loads(path.read_text())
    assert saved["session_code"] == code and saved["round"] == 2 and saved["observer"] == observer
    assert saved["observation"]["counts"]["open_question"] == 3
    assert saved["observation"]["items"][first_skill]["rating"] == 2
    assert not dialog.isVisible() and str(path) in mine.window.statusBar().currentMessage()
    assert mine.store.all("session_observation") == []  # nothing stored on the observer's copy

    # -- back on the trainer's copy -------------------------------------------------------
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: told.append(text))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    view.groups.round_combo.setCurrentIndex(1)
    assert view.groups.import_forms_button.isEnabled()
    view.groups.import_forms_button.click()
    assert told == ["1 form added."]
    records = c.service.observations(c.uid)
    assert len(records) == 1 and records[0]["learner_name"] == practitioner
    assert records[0]["counts"]["open_question"] == 3 and records[0]["counts"]["complex_reflection"] == 2
    assert records[0]["note"] == "Warm opening; asked for their list first."
    tree = view.groups.tree
    marks = {
        tree.topLevelItem(i).child(j).text(0): tree.topLevelItem(i).child(j).text(2)
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
    }
    assert marks[practitioner] == "observed \u2713 \u00b7 5 counted, notes" and marks[observer] == ""

    view.groups.import_forms_button.click()  # the same file again adds nothing
    assert told[-1].startswith("1 form already there.") and len(c.service.observations(c.uid)) == 1

    # The trainer's own form shows it as if typed there.
    learner = next(pid for pid, name in names.items() if name == practitioner)
    c.request_observation(1, records[0]["observer"], learner)
    form = view.open_form
    assert form.counts()["open_question"] == 3 and form.checklist.items()[first_skill]["rating"] == 2
    assert form.observer_box.currentText() == observer
    form.reject()

    html = report_html(c, include_names=False)
    assert "From 1 observer record" in html and "1 observation recorded" in html
    bundle = json.loads(export_bundles(c, tmp_path / "out")[0].read_text())
    assert bundle["learner"]["name"] == practitioner
    assert bundle["observations"][0]["observer_name"] == observer
    assert bundle["observations"][0]["note"] == "Warm opening; asked for their list first."


def test_observe_entry_sits_under_import_feedback_bundle(make_app):
    parts = make_app(content=ROOT / "tests" / "fixtures" / "sample-course")
    texts = [a.text() for a in parts.window.file_menu.actions()]
    i = texts.index("&Import feedback bundle\u2026")
    assert texts[i + 1] == "&Observe a team session round\u2026"


def test_closing_with_unsaved_counts_asks_first_and_the_code_is_remembered(make_app, qtbot, tmp_path, monkeypatch):
    parts = make_app(content=ROOT / "tests" / "fixtures" / "sample-course")
    parts.window.observe_action.trigger()
    dialog = parts.window.observation_dialog
    dialog.reject()  # nothing entered: closes without asking
    assert not dialog.isVisible()

    parts.window.observe_action.trigger()
    dialog = parts.window.observation_dialog
    dialog.counter.count("open_question")
    asked = []
    answer = {"button": QMessageBox.StandardButton.Cancel}
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or answer["button"])
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert len(asked) == 1 and "lost" in asked[0] and dialog.isVisible()
    dialog.code_edit.setText("9yyvkb")
    dialog.practitioner_edit.setText("Asha Patel")
    dialog.observer_edit.setText("Finn Walsh")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "o.json"), ""))
    dialog.save_button.click()
    assert (tmp_path / "o.json").is_file() and not dialog.isVisible() and len(asked) == 1

    parts.window.observe_action.trigger()  # the next round: the code and the observer's name are kept
    again = parts.window.observation_dialog
    assert again is not dialog
    assert (again.code_edit.text(), again.observer_edit.text(), again.practitioner_edit.text()) == (
        "9yyvkb",
        "Finn Walsh",
        "",
    )
    assert again.form_uid != json.loads((tmp_path / "o.json").read_text())["uid"]
