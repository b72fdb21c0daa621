"""A change made of several record writes is one atomic step in the journal.

Fault injection: every write of a multi-step change fails in turn (a full
disk, ENOSPC) and nothing a person saved may be lost, in memory or on disk.
"""

import errno
import os

import pytest

from trainer.export.backup import FORMAT, VERSION, restore
from trainer.records.store import open_store, read_on_disk

OLD = {
    "uid": "r1",
    "profile": "p",
    "title": "Old title",
    "date": "2026-01-02",
    "created": "2026-01-02T10:00:00+00:00",
    "updated": "2026-01-02T10:00:00+00:00",
}
NEW = {**OLD, "title": "New title", "updated": "2026-02-02T10:00:00+00:00"}
MINE = {
    "uid": "pm",
    "profile": "p",
    "module": "m1",
    "done": False,
    "position": 0.2,
    "created": "2026-01-01T10:00:00+00:00",
    "updated": "2026-01-01T10:00:00+00:00",
}
THEIRS = {**MINE, "uid": "pt", "position": 0.7, "updated": "2026-03-01T10:00:00+00:00"}


def _backup():
    return {"format": FORMAT, "version": VERSION, "records": {"reflection": [NEW], "progress": [THEIRS]}}


def _fail_journal_write(monkeypatch, store, fail_at: int) -> list[int]:
    """Make the ``fail_at``-th write to the store's journal fail with a full disk."""
    real_write, calls = os.write, []

    def write(fd, data):
        if fd == store._backend._fd:
            calls.append(1)
            if len(calls) == fail_at:
                raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", write)
    return calls


def _titles(records: dict, kind: str) -> list[str]:
    return sorted(str(r.get("title", r.get("module"))) for r in records.get(kind, {}).values())


@pytest.mark.parametrize("fail_at", range(1, 6))
def test_restore_on_a_full_disk_never_loses_a_record(tmp_path, monkeypatch, fail_at):
    folder = tmp_path / f"data{fail_at}"
    store = open_store(folder)
    store.import_record("reflection", OLD)
    store.import_record("progress", MINE)
    calls = _fail_journal_write(monkeypatch, store, fail_at)
    try:
        restore(store, _backup())
    except OSError:
        pass
    monkeypatch.undo()
    if len(calls) < fail_at:
        return  # the restore took fewer writes: no fault to inject here
    mem_titles = sorted(r["title"] for r in store.all("reflection"))
    assert mem_titles in (["Old title"], ["New title"])
    assert [r["module"] for r in store.all("progress")] == ["m1"]
    on_disk = read_on_disk(folder)
    assert _titles(on_disk, "reflection") == mem_titles
    assert _titles(on_disk, "progress") == ["m1"]
    store.close()
    reopened = open_store(folder)
    assert sorted(r["title"] for r in reopened.all("reflection")) == mem_titles
    assert len(reopened.all("progress")) == 1
    reopened.close()


def test_replace_writes_one_journal_step(tmp_path, monkeypatch):
    store = open_store(tmp_path)
    store.import_record("reflection", OLD)
    calls = _fail_journal_write(monkeypatch, store, 0)
    restore(store, {"format": FORMAT, "version": VERSION, "records": {"reflection": [NEW]}})
    assert len(calls) == 1
    assert [r["title"] for r in store.all("reflection")] == ["New title"]
    store.close()


def test_a_failed_atomic_step_changes_nothing_in_memory_or_on_disk(tmp_path, monkeypatch):
    store = open_store(tmp_path)
    store.import_record("reflection", OLD)
    _fail_journal_write(monkeypatch, store, 1)
    with pytest.raises(OSError):
        with store.atomic():
            store.delete("reflection", "r1")
            store.add("reflection", {"uid": "r2", "profile": "p", "title": "Another"})
    monkeypatch.undo()
    assert [r["uid"] for r in store.all("reflection")] == ["r1"]
    assert store.get("reflection", "r1")["title"] == "Old title"
    assert store.get("reflection", "r2") is None
    assert _titles(read_on_disk(tmp_path), "reflection") == ["Old title"]
    store.add("reflection", {"uid": "r2", "profile": "p", "title": "Another"})  # the store still works
    store.close()


@pytest.mark.parametrize("fail_at", [1, 2])
def test_goal_check_in_on_a_full_disk_is_all_or_nothing(tmp_path, monkeypatch, fail_at):
    from trainer.services.goals import GoalService

    store = open_store(tmp_path)
    goals = GoalService(store, "p")
    goal = goals.create("Walk more", 7, 5, {"what": "walk"})
    _fail_journal_write(monkeypatch, store, fail_at)
    try:
        goals.check_in(goal["uid"], "done", confidence=9)
    except OSError:
        pass
    monkeypatch.undo()
    on_disk = read_on_disk(tmp_path)
    checkins = list(on_disk.get("goal_checkin", {}).values())
    confidence = [g["confidence"] for g in on_disk["goal"].values()]
    assert (len(checkins), confidence) in ((0, [5]), (1, [9]))
    store.close()


def test_a_whole_restore_is_one_journal_step_all_or_nothing(tmp_path, monkeypatch):
    store = open_store(tmp_path)
    store.import_record("reflection", OLD)
    many = [{**NEW, "uid": f"n{i}"} for i in range(5)]
    backup = {"format": FORMAT, "version": VERSION, "records": {"reflection": [NEW, *many], "progress": [THEIRS]}}
    before = read_on_disk(tmp_path)
    _fail_journal_write(monkeypatch, store, 1)
    with pytest.raises(OSError):
        restore(store, backup)
    monkeypatch.undo()
    assert read_on_disk(tmp_path) == before
    assert [r["title"] for r in store.all("reflection")] == ["Old title"]
    calls = _fail_journal_write(monkeypatch, store, 0)
    report = restore(store, backup)
    assert len(calls) == 1 and report.added == 6 and report.replaced == 1
    store.close()


def test_a_returned_record_is_a_copy_not_the_stored_one(tmp_path):
    store = open_store(tmp_path)
    added = store.add("note", {"text": "a"})
    added["text"] = "changed behind the store's back"
    updated = store.update("note", added["uid"], {"more": 1})
    updated["more"] = 2
    assert store.get("note", added["uid"])["text"] == "a"
    assert store.get("note", added["uid"])["more"] == 1
    store.close()
