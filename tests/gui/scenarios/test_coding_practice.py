"""Coding practice: a round coded by keyboard, to its agreement figures and differences."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from trainer.records.store import memory_store
from trainer.scenarios.loader import load_scenarios
from trainer.services.coding_practice import CODING_PRACTICE, CodingPracticeService
from trainer.ui.scenarios.coding_practice import CodingPracticeDialog

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
**Sam:** Hi.
**Nurse:** How have things been? Take your time.
> code: open_question: invites Sam to say how things are
**Sam:** Tiring.
**Nurse:** Tiring.
> code: simple_reflection: repeats Sam's one word
### Commentary
They part ways.

## Agenda
### Traditional
**Nurse:** Today we will do your review.
### Self-management support
**Nurse:** What would you like to cover?
> code: open_question: asks what Sam wants to cover
### Commentary
Asked, not told.
"""


@pytest.fixture
def dialog(qtbot, tmp_path):
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "scenarios" / "tiny.md").write_text(CODED, encoding="utf-8")
    loaded = load_scenarios(tmp_path, None)
    assert [d for d in loaded.diagnostics if d.severity == "error"] == []
    scenarios = loaded.scenarios
    store = memory_store()
    service = CodingPracticeService(store, "me")
    box = CodingPracticeDialog(scenarios, lambda s, chosen: service.save(s, chosen)[1])
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    return box, store


def test_a_round_by_keyboard_to_its_agreement_figures(qtbot, dialog):
    box, store = dialog
    assert box.progress_label.text().startswith("Turn 1 of 3")
    assert box.words_label.text() == "Nurse: How have things been? Take your time."
    qtbot.keyClick(box.focusWidget(), Qt.Key.Key_O)
    assert box.progress_label.text().startswith("Turn 2 of 3")
    assert box.context_label.text() == "Before it: \u201cTiring.\u201d"
    qtbot.keyClick(box.focusWidget(), Qt.Key.Key_C)  # a slip...
    qtbot.keyClick(box.focusWidget(), Qt.Key.Key_Backspace)  # ...taken back
    assert box.progress_label.text().startswith("Turn 2 of 3")
    qtbot.keyClick(box.focusWidget(), Qt.Key.Key_X)  # complex, where the expert said simple
    qtbot.keyClick(box.focusWidget(), Qt.Key.Key_O)
    assert box.stack.currentIndex() == 1
    # expert O S O, learner O X O: 2 of 3; kappa (2/3 - 4/9) / (5/9) = 0.40
    assert box.summary_label.text().startswith("You agreed with the expert on 2 of 3 turns (67%). Cohen's kappa 0.40")
    rows = {box.table.item(r, 0).text(): [box.table.item(r, c).text() for c in range(1, 5)] for r in range(3)}
    assert rows == {
        "Open question": ["2", "2", "2", "100%"],
        "Simple reflection": ["1", "0", "0", "0%"],
        "Complex reflection": ["0", "1", "0", "0%"],
    }
    differences = box.differences.toPlainText()
    assert "Turn 2 (Opening)" in differences and "You: Complex reflection. Expert: Simple reflection" in differences
    assert "repeats Sam's one word" in differences
    (saved,) = store.all(CODING_PRACTICE)
    assert saved["codes"] == ["open_question", "complex_reflection", "open_question"]
    assert saved["kappa"] == pytest.approx(0.4)
    # Letters do nothing on the results page; Code again starts over.
    qtbot.keyClick(box.focusWidget(), Qt.Key.Key_O)
    assert len(store.all(CODING_PRACTICE)) == 1
    qtbot.keyClick(box.again_button, Qt.Key.Key_Space)
    assert box.stack.currentIndex() == 0 and box.progress_label.text().startswith("Turn 1 of 3")


def test_every_code_button_has_its_key_and_an_accessible_name(dialog):
    box, _store = dialog
    names = [b.accessibleName() for b in box.code_buttons.values()]
    assert names[0] == "Open question, key O" and len(names) == 8
    assert box.back_button.accessibleName() and box.scenario_combo.accessibleName()


def test_the_scenario_page_opens_coding_practice_for_a_coded_scenario(qtbot, tmp_path, sample_course):
    from PySide6.QtCore import QSettings

    from trainer.content import load_content
    from trainer.ui.scenarios.view import build_scenario_section

    (tmp_path / "scenarios").mkdir()
    (tmp_path / "scenarios" / "tiny.md").write_text(CODED, encoding="utf-8")
    tiny = load_scenarios(tmp_path, None).scenarios[0]
    store = memory_store()
    view = build_scenario_section(
        load_content(sample_course), store, "me", QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(view)
    view.show()
    view.controller.open_scenario("diabetes-review")
    assert not view.page.coding_button.isVisible()  # the sample course's scenarios carry no codes
    view.controller.scenarios.append(tiny)
    view.controller.open_scenario("tiny")
    assert view.page.coding_button.isVisible()
    box = view.page.open_coding_practice()
    assert box.scenario is tiny
    for key in (Qt.Key.Key_O, Qt.Key.Key_S, Qt.Key.Key_O):
        qtbot.keyClick(box.focusWidget(), key)
    assert box.summary_label.text().startswith("You agreed with the expert on 3 of 3 turns (100%). Cohen's kappa 1.00")
    (saved,) = store.all(CODING_PRACTICE, profile="me")
    assert saved["scenario"] == "tiny" and "session" not in saved
    box.close()
