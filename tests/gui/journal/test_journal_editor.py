"""The reflection editor: autosave, crash safety, failed saves, privacy check."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from trainer.app import build
from trainer.records.store import open_store, read_on_disk
from trainer.services.journal import DRAFT, FINISHED, REFLECTION
from trainer.ui.journal.privacy import PrivacyDialog
from trainer.ui.journal.view import JournalView

from .journal_helpers import FlakyStorage, flaky_store, memory_controller


@pytest.fixture
def view(qtbot):
    controller = memory_controller()
    view = JournalView(controller)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    return view


def test_autosave_survives_a_crash(qtbot, tmp_path, sample_course):
    data = tmp_path / "data"
    parts = build(sample_course, data)
    window = parts.window
    window.start()
    window.show()
    uid = parts.journal.start_reflection("gibbs")
    editor = window.section("journal").editor
    assert editor.uid == uid
    qtbot.keyClicks(editor.edits["description"], "A calm review about her feet.")
    editor.title_edit.setText("Feet first")
    editor.title_edit.textEdited.emit("Feet first")
    assert editor.dirty and editor.saved_label.text() == "Saving\u2026"
    qtbot.waitUntil(lambda: editor.saved_label.text() == "Saved", timeout=5000)
    on_disk = read_on_disk(data)  # records.json + the journal of saves since
    assert any(r["sections"]["description"] == "A calm review about her feet." for r in on_disk[REFLECTION].values())
    # Crash: the window object goes away without closeEvent, the store is never closed.
    import shiboken6

    shiboken6.delete(window)
    reopened = open_store(data)
    rec = reopened.get(REFLECTION, uid)
    assert rec["sections"]["description"] == "A calm review about her feet."
    assert rec["title"] == "Feet first"
    reopened.close()


def test_continuous_typing_is_still_saved(qtbot, view):
    """The debounce alone would wait for a pause; the max-wait timer saves anyway."""
    controller = view.controller
    uid = controller.start_reflection("rolfe")
    editor = view.editor
    editor._debounce.setInterval(400)
    editor._max_wait.setInterval(150)
    edit = editor.edits["what"]
    typed = []

    def type_one():
        typed.append("x")
        edit.insertPlainText("x")

    from PySide6.QtCore import QTimer

    timer = QTimer()
    timer.setInterval(20)  # faster than the debounce, so it never fires on its own
    timer.timeout.connect(type_one)
    timer.start()
    try:
        qtbot.waitUntil(lambda: controller.get(uid)["sections"]["what"].startswith("x"), timeout=5000)
        assert timer.isActive()  # still typing when the save landed
    finally:
        timer.stop()


def test_word_count_tab_and_fields(qtbot, view):
    view.controller.start_reflection("nmc-reflective-account")
    editor = view.editor
    edit = editor.edits["what-happened"]
    assert edit.tabChangesFocus()
    edit.setPlainText("One two three.")
    editor.edits["what-learned"].setPlainText("Four five")
    assert editor.words_label.text() == "5 words"
    assert set(editor.ticks["code-themes"]) == {
        "prioritise-people",
        "practise-effectively",
        "preserve-safety",
        "promote-professionalism",
    }
    editor.ticks["code-themes"]["preserve-safety"].setChecked(True)
    editor.tags_edit.setText("revalidation, COPD")
    editor.tags_edit.textEdited.emit("revalidation, COPD")
    assert editor.save_now()
    rec = view.controller.get(editor.uid)
    assert rec["ticks"] == {"code-themes": ["preserve-safety"]}
    assert rec["tags"] == ["revalidation", "COPD"]
    assert rec["sections"]["what-learned"] == "Four five"
    for w in [editor.title_edit, editor.date_edit, editor.tags_edit, *editor.edits.values()]:
        assert w.accessibleName()


def test_tab_moves_to_the_next_section(qtbot, view):
    view.controller.start_reflection("rolfe")
    editor = view.editor
    view.window().activateWindow()
    editor.edits["what"].setFocus()
    qtbot.waitUntil(lambda: editor.edits["what"].hasFocus())
    qtbot.keyClick(editor.edits["what"], Qt.Key.Key_Tab)
    assert editor.edits["what"].toPlainText() == ""
    qtbot.waitUntil(lambda: editor.edits["so-what"].hasFocus())


def test_failed_save_keeps_the_text_and_retries(qtbot):
    store = flaky_store()
    controller = memory_controller(store)
    view = JournalView(controller)
    qtbot.addWidget(view)
    view.show()
    other = controller.start_reflection("gibbs")
    uid = controller.start_reflection("rolfe")
    editor = view.editor
    editor._retry.setInterval(300)
    FlakyStorage.fail = True
    with qtbot.waitSignal(controller.save_failed, timeout=5000) as failed:
        editor.edits["what"].setPlainText("Words I must not lose")
    assert "No space left on device" in failed.args[0]
    assert editor.edits["what"].toPlainText() == "Words I must not lose"
    assert editor.saved_label.text() == "Not saved"
    assert editor.error_label.isVisibleTo(view) and "still here" in editor.error_label.text()
    assert controller.get(uid)["sections"]["what"] == ""
    view.select(other)  # switching away must not drop the unsaved words
    assert editor.uid == uid and view.current_uid() == uid
    assert editor.edits["what"].toPlainText() == "Words I must not lose"
    FlakyStorage.fail = False
    qtbot.waitUntil(lambda: controller.get(uid)["sections"]["what"] == "Words I must not lose", timeout=5000)
    assert editor.saved_label.text() == "Saved" and not editor.error_label.isVisibleTo(view)


def test_privacy_guard_highlights_and_asks_before_finishing(qtbot, view, monkeypatch):
    asked = []
    answer = {"finish": False}

    def fake_ask(_parent, findings, titles):
        asked.append({k: [f.text for f in v] for k, v in findings.items()})
        return answer["finish"]

    monkeypatch.setattr(PrivacyDialog, "ask", classmethod(lambda cls, *a: fake_ask(*a)))
    uid = view.controller.start_reflection("gibbs")
    editor = view.editor
    text = "I saw her for review, NHS 999 100 0003, and Dr Foster joined us."
    editor.edits["analysis"].setPlainText(text)
    editor.finish_button.click()
    assert asked == [{"analysis": ["999 100 0003", "Dr Foster"]}]
    assert view.controller.get(uid)["status"] == DRAFT
    selections = editor.edits["analysis"].extraSelections()
    assert [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in selections] == [
        (text.index("999"), text.index("999") + 12),
        (text.index("Dr"), text.index("Dr") + 9),
    ]
    assert editor.edits["analysis"].textCursor().selectedText() == "999 100 0003"
    assert editor.state_label.text() == "Draft"

    editor.edits["analysis"].setPlainText("I saw her for review with a GP colleague.")
    qtbot.waitUntil(lambda: editor.saved_label.text() == "Saved", timeout=5000)
    assert editor.edits["analysis"].extraSelections() == []  # highlights follow the rewording
    editor.finish_button.click()
    assert len(asked) == 1  # nothing left to ask about
    assert view.controller.get(uid)["status"] == FINISHED
    assert editor.state_label.text() == "Finished"
    editor.finish_button.click()  # "Mark as draft"
    assert view.controller.get(uid)["status"] == DRAFT


def test_finish_anyway(qtbot, view, monkeypatch):
    asked = []
    monkeypatch.setattr(PrivacyDialog, "ask", classmethod(lambda cls, *a: asked.append(a) or True))
    uid = view.controller.start_reflection("rolfe", title="Seeing Mrs Green")
    assert view.editor.finish()
    assert list(asked[0][1]) == ["title"] and "Title" in view.editor.title_edit.toolTip()
    assert view.controller.get(uid)["status"] == FINISHED


def test_privacy_dialog_lists_findings(qtbot):
    from trainer.journal.privacy import scan

    dialog = PrivacyDialog({"analysis": scan("NHS 999 100 0003")}, {"analysis": "Analysis"})
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1
    assert dialog.list.item(0).text().startswith("Analysis: NHS number \u201c999 100 0003\u201d")
    assert dialog.reword_button.isDefault()
    dialog.finish_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
