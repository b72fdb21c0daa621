"""A hard kill soon after typing loses less than a second of a reflection: each pause
in typing is written to the journal at once (a short debounce), and continuous typing
is written at least once a second."""

from __future__ import annotations

from trainer.app import build
from trainer.records.store import read_on_disk
from trainer.services.journal import REFLECTION
from trainer.ui.journal import editor as journal_editor


def test_a_pause_in_typing_reaches_the_disk_well_within_a_second(qtbot, tmp_path, sample_course):
    data = tmp_path / "data"
    parts = build(sample_course, data)
    parts.window.start()
    parts.window.show()
    parts.journal.start_reflection("gibbs")
    editor = parts.window.section("journal").editor
    qtbot.keyClicks(editor.edits["description"], "Her feet")

    def on_disk() -> bool:
        return any(
            r.get("sections", {}).get("description") == "Her feet"
            for r in read_on_disk(data).get(REFLECTION, {}).values()
        )

    qtbot.wait_until(on_disk, timeout=900)  # a debounce of 1 s could never make it
    parts.window.close()
    parts.store.close()


def test_continuous_typing_is_written_at_least_once_a_second():
    assert journal_editor.DEBOUNCE_MS <= 300
    assert journal_editor.MAX_WAIT_MS <= 1000
