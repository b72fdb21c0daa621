"""In-process walk: rate skills in the main window, then read them back from the file on disk."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from trainer.app import build


def test_self_assessment_saved_from_the_window_is_on_disk(qtbot, tmp_path, sample_course):
    parts = build(sample_course, tmp_path / "data")
    window = parts.window
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts such as Ctrl+S need an active window
    window.show_section("skills")
    skills = window.sections["skills"]
    skills.show_page("self")
    table = skills.self_view.form.table
    table.setFocus()
    for key in (Qt.Key.Key_2, Qt.Key.Key_1, Qt.Key.Key_0):
        qtbot.keyClick(table, key)
    with qtbot.waitSignal(skills.dashboard.refreshed):
        qtbot.keyClick(table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    window.close()
    parts.store.close()

    data = json.loads((tmp_path / "data" / "records.json").read_text(encoding="utf-8"))
    [record] = data["self_assessment"].values()
    assert record["profile"] == parts.profile_id
    assert [record["items"][k]["rating"] for k in ("agenda-setting", "priorities", "permission")] == [2, 1, 0]
