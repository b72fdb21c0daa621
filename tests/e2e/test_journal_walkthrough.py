"""A learner reflects on a module, the privacy guard catches an NHS number,
they reword, finish, and find the reflection again by search; it is on disk."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from trainer.app import build
from trainer.records.store import read_on_disk
from trainer.services.journal import REFLECTION
from trainer.ui.journal_privacy import PrivacyDialog

GIBBS_TEXT = {
    "description": "A man in his sixties with COPD, NHS 999 100 0003, asked about his rescue pack.",
    "feelings": "I felt unsure whether he knew when to start it.",
    "evaluation": "Asking what he already knew worked; my long explanation did not.",
    "analysis": "Elicit-provide-elicit kept him talking.",
    "conclusion": "Shorter chunks of information, then check.",
    "action-plan": "Use teach-back in my next three COPD reviews.",
}


def test_reflect_on_a_module_privacy_finish_and_search(qtbot, tmp_path, bundled_content, monkeypatch):
    parts = build(bundled_content, tmp_path)
    window = parts.window
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.start()
    window.show()
    qtbot.waitExposed(window)
    assert parts.controller.current_id is None  # Home is shown; the Course is built when first asked for
    course_view = window.course_view
    module_id = parts.controller.current_id
    assert module_id == course_view.reader.module.id

    # Ctrl+R in the reader starts a Gibbs reflection linked to the module and shows the journal.
    window.show_section("course")  # the app opens on Home
    course_view.reader.browser.setFocus()
    window.activateWindow()
    qtbot.waitUntil(course_view.reader.browser.hasFocus)
    qtbot.keyClick(course_view.reader.browser, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section() == "journal"
    view = window.section("journal")
    editor = view.editor
    assert editor.template.id == "gibbs"
    rec = parts.journal.get(editor.uid)
    assert rec["link"] == {"kind": "module", "module": module_id}
    assert rec["profile"] == parts.profile_id
    assert editor.link_combo.currentText().startswith("Module: What self-management support is")
    assert editor.link_combo.currentData() == {"kind": "module", "module": module_id}
    skills = [editor.link_combo.itemText(i) for i in range(editor.link_combo.count())]
    assert "Skill: Sets the agenda together" in skills
    assert "Anonymise first" in editor.reminder_label.text()

    for section, text in GIBBS_TEXT.items():
        editor.edits[section].setPlainText(text)
    qtbot.waitUntil(lambda: editor.saved_label.text() == "Saved", timeout=5000)

    asked = []
    monkeypatch.setattr(PrivacyDialog, "ask",
                        classmethod(lambda cls, parent, findings, titles: asked.append(findings) or False))
    editor.finish_button.click()
    assert [f.kind for f in asked[0]["description"]] == ["nhs-number"]
    assert editor.edits["description"].extraSelections()
    assert parts.journal.get(editor.uid)["status"] == "draft"

    editor.edits["description"].setPlainText(
        "A man in his sixties with COPD asked about his rescue pack.")
    editor.finish_button.click()
    assert len(asked) == 1
    assert parts.journal.get(editor.uid)["status"] == "finished"

    view.search_edit.setText("teach-back")
    assert view.list.count() == 1
    view.list.setCurrentRow(0)
    assert view.editor.uid == rec["uid"]

    on_disk = read_on_disk(tmp_path)  # records.json + the journal of saves since
    saved = next(r for r in on_disk[REFLECTION].values() if r["uid"] == rec["uid"])
    assert saved["status"] == "finished" and "943" not in json.dumps(saved)


def test_reflect_button_menu_offers_every_template(qtbot, tmp_path, bundled_content):
    parts = build(bundled_content, tmp_path)
    window = parts.window
    qtbot.addWidget(window)
    window.start()
    button = window.course_view.reader.reflect_button
    actions = button.menu().actions()
    assert len(actions) == 8
    actions[0].trigger()  # Rolfe
    view = window.section("journal")
    assert window.current_section() == "journal" and view.editor.template.id == "rolfe"
    assert parts.journal.get(view.editor.uid)["link"]["module"] == parts.controller.current_id
    window.show_section("course")
    button.click()  # the button itself: Gibbs
    assert view.editor.template.id == "gibbs"


def test_changing_the_link_in_the_editor(qtbot, tmp_path, bundled_content):
    parts = build(bundled_content, tmp_path)
    window = parts.window
    qtbot.addWidget(window)
    window.start()
    uid = parts.journal.start_reflection("rolfe")
    editor = window.section("journal").editor
    assert editor.link_combo.currentData() is None
    index = editor.link_combo.findData({"kind": "skill", "skill": "permission"})
    assert index > 0
    editor.link_combo.setCurrentIndex(index)
    assert editor.save_now()
    assert parts.journal.get(uid)["link"] == {"kind": "skill", "skill": "permission"}
    view = window.section("journal")
    assert view.link_filter.findData("skill:permission") > 0


def test_closing_the_window_saves_what_was_just_typed(qtbot, tmp_path, bundled_content):
    parts = build(bundled_content, tmp_path)
    window = parts.window
    qtbot.addWidget(window)
    window.start()
    window.show()
    window.show_section("journal")
    uid = parts.journal.start_reflection("rolfe")
    editor = window.section("journal").editor
    editor.edits["what"].setPlainText("typed just before closing")
    assert editor.dirty  # the one-second timer has not fired yet
    window.close()
    on_disk = read_on_disk(tmp_path)  # records.json + the journal of saves since
    saved = next(r for r in on_disk[REFLECTION].values() if r["uid"] == uid)
    assert saved["sections"]["what"] == "typed just before closing"
