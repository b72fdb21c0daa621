"""Schema migrations, newer files refused, the folder lock, read-only stores, backup rotation."""

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest

from trainer.records.backups import list_backups, make_backup, rotate
from trainer.records.errors import NewerSchemaError, ReadOnlyStoreError, StoreLockedError
from trainer.records.lock import DataLock
from trainer.records.migrations import MIGRATIONS, SCHEMA_VERSION, migrate
from trainer.records.store import open_store

V0_FILE = {  # the unversioned layout the first release wrote
    "progress": {
        "1": {
            "profile": "alice",
            "module": "m1",
            "done": True,
            "uid": "u-1",
            "created": "2026-01-01T00:00:00+00:00",
            "updated": "2026-01-02T00:00:00+00:00",
        },
        "2": {"module": "m2", "done": False},  # older still: no uid, no times, no profile
    },
    "profile_state": {"1": {"profile": "alice", "last_module": "m1"}},
}


def test_every_older_version_has_a_migration_step():
    assert sorted(MIGRATIONS) == list(range(SCHEMA_VERSION))


def test_v0_file_is_migrated_to_current_after_a_backup(tmp_path):
    (tmp_path / "records.json").write_text(json.dumps(V0_FILE), encoding="utf-8")
    store = open_store(tmp_path, clock=lambda: "2026-05-05T00:00:00+00:00")
    assert store.migrated_from == [0] and store.schema_version == SCHEMA_VERSION
    progress = {r["module"]: r for r in store.all("progress")}
    assert progress["m1"]["uid"] == "u-1" and progress["m1"]["updated"] == "2026-01-02T00:00:00+00:00"
    m2 = progress["m2"]
    assert len(m2["uid"]) == 36 and m2["created"] == m2["updated"] == "2026-05-05T00:00:00+00:00"
    assert m2["profile"] == "default"
    assert store.find_one("profile_state", profile="alice")["uid"]
    names = {r["uid"]: r["name"] for r in store.all("profiles")}
    assert names == {"alice": "alice", "default": "My profile"}
    pre = [p for p in list_backups(tmp_path) if "before-migration-v0" in p.name]
    assert pre and json.loads((pre[0] / "records.json").read_text()) == V0_FILE
    store.close()
    on_disk = json.loads((tmp_path / "records.json").read_text())
    assert on_disk["_meta"]["1"]["schema"] == SCHEMA_VERSION


@pytest.mark.parametrize("version", range(SCHEMA_VERSION + 1))
def test_migrating_from_each_version_reaches_current(version):
    data = json.loads(json.dumps(V0_FILE))
    for step in range(version):  # build a file as version `version` wrote it
        data = MIGRATIONS[step](data, "t")
    data, steps = migrate(data, "t2")
    assert steps == list(range(version, SCHEMA_VERSION))
    assert data["_meta"]["1"]["schema"] == SCHEMA_VERSION
    assert all(
        doc.get("uid") and doc.get("profile") for kind, t in data.items() if kind != "_meta" for doc in t.values()
    )


def test_file_from_a_newer_version_is_refused_and_untouched(tmp_path):
    newer = {"_meta": {"1": {"schema": SCHEMA_VERSION + 1}}, "progress": {}}
    raw = json.dumps(newer).encode()
    (tmp_path / "records.json").write_bytes(raw)
    for read_only in (False, True):
        with pytest.raises(NewerSchemaError) as info:
            open_store(tmp_path, read_only=read_only, lock=True)
        assert "newer version" in str(info.value) and "Nothing has been changed" in str(info.value)
    assert (tmp_path / "records.json").read_bytes() == raw
    assert not (tmp_path / "backups").exists()
    DataLock(tmp_path).acquire().release()  # the refused open let go of the lock


def test_second_acquire_in_the_same_process_fails(tmp_path):
    first = DataLock(tmp_path).acquire()
    with pytest.raises(StoreLockedError) as info:
        DataLock(tmp_path).acquire()
    assert info.value.owner["pid"] == os.getpid() and "in use" in str(info.value)
    assert "in use" in DataLock(tmp_path).state()
    first.release()
    DataLock(tmp_path).acquire().release()


def test_stale_lock_of_a_dead_process_is_taken_over(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    import socket

    (tmp_path / "records.lock").write_text(
        json.dumps({"pid": dead.pid, "host": socket.gethostname(), "time": "2026-01-01T00:00:00+00:00"})
    )
    assert "has stopped" in DataLock(tmp_path).state()
    lock = DataLock(tmp_path).acquire()
    assert lock.took_over["pid"] == dead.pid
    assert json.loads((tmp_path / "records.lock").read_text())["pid"] == os.getpid()
    lock.release()


def test_locked_store_and_read_only_store(tmp_path):
    writer = open_store(tmp_path, lock=True)
    writer.add("note", {"text": "mine", "profile": "p"})
    with pytest.raises(StoreLockedError):
        open_store(tmp_path, lock=True)
    before = sorted(p.name for p in tmp_path.iterdir())
    reader = open_store(tmp_path, read_only=True)
    assert [r["text"] for r in reader.all("note")] == ["mine"]  # sees the journal too
    with pytest.raises(ReadOnlyStoreError) as info:
        reader.add("note", {"text": "theirs", "profile": "p"})
    assert isinstance(info.value, PermissionError) and "read-only" in str(info.value)
    reader.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    writer.close()
    open_store(tmp_path, lock=True).close()  # released at close


def test_rotation_keeps_last_ten_and_one_a_day_for_a_week(tmp_path):
    (tmp_path / "records.json").write_text("{}")
    now = datetime(2026, 6, 30, 12, 0, tzinfo=UTC)
    for day in range(10, 0, -1):  # three backups a day for ten days
        for hour in (8, 12, 16):
            when = now - timedelta(days=day) + timedelta(hours=hour - 12)
            make_backup(tmp_path, durable=False, now=when)
    rotate(tmp_path, now=now)
    kept = [p.name for p in list_backups(tmp_path)]
    newest = kept[:10]
    assert len(newest) == 10 and newest[0].startswith("20260629-16")
    older_days = {n[:8] for n in kept[10:]}
    # 26 June's newest is among the last ten; 22 June is more than 7 days ago
    assert older_days == {"20260623", "20260624", "20260625"}
    assert len(kept) == 13


def test_periodic_backup_waits_between_writes(tmp_path):
    store = open_store(tmp_path)
    ticks = iter([1.0] * 3 + [10_000.0] * 5)
    store._backend._clock = lambda: next(ticks)
    store._backend._last_backup = 0.0
    count = len(list_backups(tmp_path))
    for i in range(3):
        store.add("note", {"n": i, "profile": "p"})
    assert len(list_backups(tmp_path)) == count
    store.add("note", {"n": 9, "profile": "p"})
    assert len(list_backups(tmp_path)) == count + 1
    store.close()


def test_doctor_restores_a_named_backup_and_keeps_the_current_one(tmp_path):
    from trainer.tools.doctor import run_doctor

    store = open_store(tmp_path)
    store.add("note", {"text": "old", "profile": "p"})
    store.close()
    open_store(tmp_path).close()  # backup with "old"
    old_backup = list_backups(tmp_path)[0]
    store = open_store(tmp_path)
    store.add("note", {"text": "new", "profile": "p"})
    store.close()
    lines = []
    assert run_doctor(tmp_path, lines.append, restore=old_backup.name) == 0
    assert any(line.startswith("RESTORED: backup " + old_backup.name) for line in lines)
    assert "Records by kind: note 1" in lines
    lines.clear()
    assert run_doctor(tmp_path, lines.append, restore="nope") == 1
    assert any("no single backup matches 'nope'" in line for line in lines)
    held = DataLock(tmp_path).acquire()
    assert run_doctor(tmp_path, lines.append, restore="newest") == 1
    held.release()
