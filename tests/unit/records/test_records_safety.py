"""The record store never loses what a person saved: atomic files, recovery, failed writes."""

import errno
import json
import os

import pytest

from trainer.records import backend as backend_mod
from trainer.records import storage
from trainer.records.backups import list_backups
from trainer.records.errors import StoreConflictError
from trainer.records.store import open_store


def _files(folder):
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


@pytest.mark.parametrize("fail_at", ["fsync", "replace"])
def test_atomic_write_leaves_old_file_when_interrupted(tmp_path, monkeypatch, fail_at):
    target = tmp_path / "records.json"
    target.write_bytes(b'{"old": {}}')

    def boom(*_a, **_k):
        raise OSError(errno.EIO, "simulated failure")

    monkeypatch.setattr(storage.os, fail_at, boom)
    with pytest.raises(OSError):
        storage.atomic_write_bytes(target, b'{"new": {}}' * 1000)
    monkeypatch.undo()
    assert target.read_bytes() == b'{"old": {}}'
    assert [p.name for p in tmp_path.iterdir()] == ["records.json"]  # no temp file left
    storage.atomic_write_bytes(target, b'{"new": {}}')
    assert target.read_bytes() == b'{"new": {}}'


def test_saves_survive_without_close_and_reopen(tmp_path):
    store = open_store(tmp_path)
    uids = [store.add("note", {"n": i, "profile": "p"})["uid"] for i in range(5)]
    store.update("note", uids[0], {"n": 99})
    store.delete("note", uids[1])
    # no close(): as after a crash, the journal holds every save
    again = open_store(tmp_path)
    got = {r["uid"]: r["n"] for r in again.all("note")}
    assert got == {uids[0]: 99, uids[2]: 2, uids[3]: 3, uids[4]: 4}
    assert (tmp_path / "records.journal").read_bytes() == b""  # folded in at open
    data = json.loads((tmp_path / "records.json").read_text())
    assert len(data["note"]) == 4
    again.close()


def test_disk_full_keeps_previous_files_and_memory(tmp_path, monkeypatch):
    store = open_store(tmp_path)
    kept = store.add("note", {"text": "first", "profile": "p"})
    before = _files(tmp_path)

    def full(fd, data):
        real_write(fd, data[: len(data) // 2])  # a partial line, as a full disk leaves
        raise OSError(errno.ENOSPC, "No space left on device")

    real_write = os.write
    monkeypatch.setattr(backend_mod.os, "write", full)
    with pytest.raises(OSError) as info:
        store.add("note", {"text": "second", "profile": "p"})
    assert info.value.errno == errno.ENOSPC
    with pytest.raises(OSError):
        store.update("note", kept["uid"], {"text": "changed"})
    monkeypatch.undo()
    assert _files(tmp_path) == before  # the partial line was taken back
    assert [r["text"] for r in store.all("note")] == ["first"]  # memory unchanged too
    store.add("note", {"text": "after", "profile": "p"})  # and the store still works
    store.close()
    again = open_store(tmp_path)
    assert sorted(r["text"] for r in again.all("note")) == ["after", "first"]
    again.close()


def test_corrupt_file_is_moved_aside_and_newest_backup_restored(tmp_path):
    store = open_store(tmp_path)
    store.add("note", {"text": "kept in backup", "profile": "p"})
    store.close()
    open_store(tmp_path).close()  # the open takes a backup holding the note
    assert list_backups(tmp_path)
    damaged = (tmp_path / "records.json").read_bytes()[:40]
    (tmp_path / "records.json").write_bytes(damaged)

    store = open_store(tmp_path)
    assert [r["text"] for r in store.all("note")] == ["kept in backup"]
    aside = list(tmp_path.glob("records.corrupt-*.json"))
    assert len(aside) == 1 and aside[0].read_bytes() == damaged  # never overwritten
    assert store.repaired and not store.damaged
    notice = store.notices[0]
    assert "could not be read" in notice and str(aside[0]) in notice and "restored" in notice
    store.close()
    assert json.loads((tmp_path / "records.json").read_text())["note"]


def test_corrupt_file_and_no_backup_starts_empty_and_says_so(tmp_path):
    (tmp_path / "records.json").write_text('{"note": {"1": {"text": "half', encoding="utf-8")
    store = open_store(tmp_path)
    assert store.all("note") == [] and store.damaged
    assert "No backup" in store.notices[0]
    assert list(tmp_path.glob("records.corrupt-*.json"))
    store.close()


def test_saves_after_the_backup_are_replayed_on_restore(tmp_path):
    store = open_store(tmp_path)
    store.add("note", {"text": "old", "profile": "p"})
    store.close()
    store = open_store(tmp_path)  # backup taken at open
    store.add("note", {"text": "recent", "profile": "p"})  # only in the journal
    (tmp_path / "records.json").write_bytes(b"\x00\x00garbage")
    again = open_store(tmp_path)
    assert sorted(r["text"] for r in again.all("note")) == ["old", "recent"]
    assert "1 later change" in again.notices[0]
    again.close()


def test_torn_last_journal_line_is_dropped_quietly(tmp_path):
    store = open_store(tmp_path)
    store.add("note", {"text": "whole", "profile": "p"})
    with open(tmp_path / "records.journal", "ab") as fh:
        fh.write(b'{"seq":2,"op":"put","kind":"note","rec":{"te')
    again = open_store(tmp_path)
    assert [r["text"] for r in again.all("note")] == ["whole"] and again.notices == []
    again.close()


def test_damaged_middle_journal_line_keeps_what_came_before(tmp_path):
    store = open_store(tmp_path)
    store.add("note", {"text": "a", "profile": "p"})
    with open(tmp_path / "records.journal", "ab") as fh:
        fh.write(b"not json\n")
    store.add("note", {"text": "b", "profile": "p"})
    again = open_store(tmp_path)
    assert [r["text"] for r in again.all("note")] == ["a"]
    assert "line 2" in again.notices[0] and list(tmp_path.glob("records.journal.corrupt-*"))
    again.close()


def test_a_second_store_on_the_folder_makes_the_first_refuse_to_write(tmp_path):
    first = open_store(tmp_path)
    first.add("note", {"text": "one", "profile": "p"})
    second = open_store(tmp_path)  # compacts: the first's journal is no longer the live one
    with pytest.raises(StoreConflictError):
        first.add("note", {"text": "lost?", "profile": "p"})
    second.add("note", {"text": "two", "profile": "p"})
    first.close()  # must not overwrite what the second one saved
    second.close()
    third = open_store(tmp_path)
    assert sorted(r["text"] for r in third.all("note")) == ["one", "two"]
    third.close()


def test_store_reports_kinds_and_schema(tmp_path):
    store = open_store(tmp_path)
    store.add("progress", {"profile": "p"})
    assert store.kinds() == ["progress"] and store.schema_version == 1
    store.close()
    with pytest.raises(OSError):
        store.add("progress", {"profile": "p"})


def test_restore_a_backup_after_backing_up_the_current_records(tmp_path):
    store = open_store(tmp_path)
    store.add("note", {"text": "early", "profile": "p"})
    store.flush()
    early = store.backup("manual")
    store.add("note", {"text": "late", "profile": "p"})
    before = store.restore_backup(early)
    assert [r["text"] for r in store.all("note")] == ["early"]
    assert "before-restore" in before.name
    store.add("note", {"text": "after restore", "profile": "p"})
    store.close()
    again = open_store(tmp_path)
    assert sorted(r["text"] for r in again.all("note")) == ["after restore", "early"]
    again.restore_backup(before)  # and back again: nothing was lost by restoring
    assert sorted(r["text"] for r in again.all("note")) == ["early", "late"]
    again.close()


def test_a_huge_journal_is_folded_in_while_working(tmp_path, monkeypatch):
    monkeypatch.setattr(backend_mod, "JOURNAL_LIMIT", 2000)
    store = open_store(tmp_path)
    for i in range(20):
        store.add("note", {"text": "x" * 200, "n": i, "profile": "p"})
    assert (tmp_path / "records.journal").stat().st_size <= 2000 + 400
    assert len(json.loads((tmp_path / "records.json").read_text())["note"]) >= 8
    store.close()
    assert len(open_store(tmp_path).all("note")) == 20


def test_delete_all_is_one_durable_step(tmp_path, monkeypatch):
    store = open_store(tmp_path)
    for who in ("a", "a", "b"):
        store.add("note", {"profile": who})
    calls = []
    real_fsync = os.fsync
    monkeypatch.setattr(backend_mod.os, "fsync", lambda fd: calls.append(fd) or real_fsync(fd))
    assert store.delete_all("note", profile="a") == 2
    monkeypatch.undo()
    assert len(calls) == 1 and store.delete_all("note", profile="zzz") == 0
    again = open_store(tmp_path)
    assert [r["profile"] for r in again.all("note")] == ["b"]
    again.close()


def test_a_uid_is_unique_within_its_kind(tmp_path):
    store = open_store(tmp_path)
    store.add("note", {"uid": "same", "profile": "p"})
    with pytest.raises(ValueError, match="already exists"):
        store.add("note", {"uid": "same", "profile": "p"})
    store.add("other", {"uid": "same", "profile": "p"})  # another kind: fine
    assert len(store.all("note")) == 1
    store.close()
