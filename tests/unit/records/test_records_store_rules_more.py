"""The store's rules, part two."""

import pytest

from trainer.records.store import memory_store, open_store

from .store_rules_support import KINDS, T1, Clock, make_store


@pytest.fixture(params=KINDS)
def store(request):
    return make_store(request.param)


def test_all_matches_every_field_not_just_the_last(store):
    store.add("goal", {"title": "a", "profile": "p"})
    store.add("goal", {"title": "b", "profile": "p"})
    assert [r["title"] for r in store.all("goal", title="a", profile="p")] == ["a"]
    assert store.find_one("goal", title="b", profile="q") is None


def test_an_update_changes_that_record_only(store):
    a, b = store.add("goal", {"title": "a"}), store.add("goal", {"title": "b"})
    store.update("goal", a["uid"], {"title": "a2"})
    assert store.get("goal", b["uid"]) == b
    assert sorted(r["title"] for r in store.all("goal")) == ["a2", "b"]


def test_add_many_checks_uids_against_records_read_from_disk(tmp_path):
    store = open_store(tmp_path)
    store.add("goal", {"uid": "a"})
    store.close()
    store = open_store(tmp_path)  # no lookup yet: no uid index in memory
    with pytest.raises(ValueError, match="uid a already exists"):
        store.add_many("goal", [{"uid": "a"}])
    store.close()


def test_a_failed_atomic_add_many_adds_nothing(store):
    with pytest.raises(RuntimeError), store.atomic():
        store.add_many("goal", [{"uid": "a"}, {"uid": "b"}])
        raise RuntimeError
    assert store.all("goal") == []
    assert "goal" not in store.kinds()


def test_an_in_memory_store_says_it_has_no_backups_as_a_missing_file():
    with pytest.raises(OSError) as caught:
        memory_store().restore_backup("x")
    assert caught.value.errno == 2 and caught.value.strerror == "an in-memory store has no backups"


def test_restoring_an_old_layout_backup_fills_times_from_the_clock(tmp_path):
    import json

    old = tmp_path / "old-backup"
    old.mkdir()
    (old / "records.json").write_text(json.dumps({"goal": {"1": {"uid": "g", "title": "t"}}}))
    clock = Clock()
    store = open_store(tmp_path / "data", clock=clock)
    clock.now = T1
    store.restore_backup(old)
    assert store.get("goal", "g")["created"] == T1
    store.close()


def test_closing_with_nothing_saved_leaves_the_records_file_alone(tmp_path):
    open_store(tmp_path).close()
    inode = (tmp_path / "records.json").stat().st_ino
    open_store(tmp_path).close()
    assert (tmp_path / "records.json").stat().st_ino == inode


def test_failed_journal_writes_carry_an_error_number(tmp_path, monkeypatch):
    import errno

    from trainer.records import backend

    store = open_store(tmp_path)
    real_write = backend.os.write
    monkeypatch.setattr(backend.os, "write", lambda fd, data: real_write(fd, data[:5]))
    with pytest.raises(OSError) as short:
        store.add("goal", {"title": "a"})
    assert (short.value.errno, short.value.strerror) == (errno.ENOSPC, "No space left on device")
    monkeypatch.undo()
    store._backend.broken = "the journal could not be repaired"
    with pytest.raises(OSError) as broken:
        store.add("goal", {"title": "b"})
    assert (broken.value.errno, broken.value.strerror) == (errno.EIO, "the journal could not be repaired")
    store._backend.broken = None
    store.close()


def test_a_stale_uid_index_is_rebuilt_once(store):
    a, b = store.add("goal", {"uid": "a"}), store.add("goal", {"uid": "b"})
    store.get("goal", "a")
    index = store._uids["goal"]
    index["a"], index["b"] = index["b"], index["a"]  # stale: each points at the other record
    assert store.get("goal", "a") == a
    assert store.get("goal", "b") == b


def test_the_store_clock_is_utc_to_the_second():
    from trainer.records.store import utc_now

    now = utc_now()
    assert now.endswith("+00:00") and len(now) == len("2026-03-04T10:15:00+00:00")


def test_a_closed_store_says_so_with_an_error_number(tmp_path):
    store = open_store(tmp_path)
    store.close()
    with pytest.raises(OSError) as caught:
        store.add("goal", {"title": "x"})
    assert (caught.value.errno, caught.value.strerror) == (9, "the records are closed")


def test_a_change_by_another_copy_is_a_stale_file_error(tmp_path):
    import errno

    from trainer.records.errors import StoreConflictError

    store = open_store(tmp_path)
    (tmp_path / "records.json").unlink()
    (tmp_path / "records.json").write_text("{}")
    with pytest.raises(StoreConflictError) as caught:
        store.add("goal", {"title": "a"})
    assert caught.value.errno == errno.ESTALE
    assert caught.value.strerror == (
        "the records were changed by another copy of the app; close this window and open the app again"
    )
    store.close()


def test_the_writable_check_writes_a_hidden_file_in_the_data_folder_and_removes_it(tmp_path, monkeypatch):
    import os

    from trainer.records import backend

    made = []
    real = backend.tempfile.mkstemp

    def mkstemp(*args, **kwargs):
        fd, path = real(*args, **kwargs)
        made.append(path)
        return fd, path

    monkeypatch.setattr(backend.tempfile, "mkstemp", mkstemp)
    open_store(tmp_path).close()
    [probe] = made[:1]
    assert os.path.dirname(probe) == str(tmp_path)
    assert os.path.basename(probe).startswith(".write-test.")
    assert not os.path.exists(probe)


def test_unusable_records_in_any_table_after_meta_are_set_aside(tmp_path):
    import json

    from trainer.records.quarantine import count

    data = {"_meta": {"1": {"schema": 1}}, "goal": {"1": {"uid": 5}}, "note": {"1": {"uid": "n", "profile": 1}}}
    (tmp_path / "records.json").write_text(json.dumps(data))
    open_store(tmp_path).close()
    items = json.loads((tmp_path / "quarantine.json").read_text())["records"]
    assert sorted(i["kind"] for i in items) == ["goal", "note"]
    assert {i["source"] for i in items} == {"the data folder"}
    assert count(tmp_path) == 2


def test_after_a_flush_closing_has_nothing_left_to_fold_in(tmp_path):
    store = open_store(tmp_path)
    store.add("goal", {"title": "café"})
    store.flush()
    assert not store._backend.dirty
    inode = (tmp_path / "records.json").stat().st_ino
    store.close()
    assert (tmp_path / "records.json").stat().st_ino == inode


def test_the_records_file_is_compact_utf8_json_with_its_save_number(tmp_path):
    store = open_store(tmp_path)
    store.add("goal", {"uid": "g", "title": "café"})
    store.close()
    text = (tmp_path / "records.json").read_bytes().decode("utf-8")
    assert '"title":"café"' in text and ", " not in text and ": " not in text
    assert '"_meta":{"1":{"schema":1,"seq":1}}' in text


def test_a_backup_is_taken_at_open_only_when_something_changed(tmp_path):
    from trainer.records.backups import list_backups, make_backup, same_as_newest

    assert same_as_newest(tmp_path) is False  # no backup yet
    store = open_store(tmp_path)
    store.add("goal", {"title": "a"})
    store.close()
    open_store(tmp_path).close()
    n = len(list_backups(tmp_path))
    assert same_as_newest(tmp_path) is True
    open_store(tmp_path).close()
    assert len(list_backups(tmp_path)) == n  # nothing changed: no new backup
    (tmp_path / "records.journal").write_bytes(b"")  # an empty journal is the same as none
    assert same_as_newest(tmp_path) is True
    (tmp_path / "records.journal").unlink()
    assert same_as_newest(tmp_path) is True
    (tmp_path / "records.journal").write_text('{"seq": 9}\n')
    assert same_as_newest(tmp_path) is False
    make_backup(tmp_path)
    assert same_as_newest(tmp_path) is True
    (tmp_path / "records.journal").unlink()
    assert same_as_newest(tmp_path) is False  # the backup holds a journal this folder lacks


def test_a_damaged_journal_line_is_told_copied_and_then_folded_away(tmp_path):
    store = open_store(tmp_path)
    store.add("goal", {"title": "a"})
    store.add("goal", {"title": "b"})
    lines = (tmp_path / "records.journal").read_bytes().split(b"\n")
    (tmp_path / "records.journal").write_bytes(lines[0] + b"\ndamaged\n" + lines[1] + b"\n")
    del store
    reader = open_store(tmp_path, read_only=True)
    assert "damaged" in reader.notices[0] and "A copy of the damaged file" not in reader.notices[0]
    reader.close()
    store = open_store(tmp_path)
    [kept] = tmp_path.glob("records.journal.corrupt-*")
    assert store.notices[0].endswith(f"A copy of the damaged file is at {kept}.")
    assert store.repaired
    assert [r["title"] for r in store.all("goal")] == ["a"]
    store.close()
    again = open_store(tmp_path)
    assert again.notices == [] and not again.repaired
    again.close()


def test_a_torn_last_line_is_folded_away_so_the_next_save_is_kept(tmp_path):
    store = open_store(tmp_path)
    store.add("goal", {"title": "a"})
    with open(tmp_path / "records.journal", "ab") as f:
        f.write(b'{"seq": 2, "op": "pu')
    del store
    store = open_store(tmp_path)
    store.add("goal", {"title": "b"})
    del store
    assert sorted(r["title"] for r in open_store(tmp_path, read_only=True).all("goal")) == ["a", "b"]


def test_a_notice_says_where_unusable_records_were_set_aside(tmp_path):
    import json

    (tmp_path / "records.json").write_text(json.dumps({"_meta": {"1": {"schema": 1}}, "goal": {"1": {"uid": 5}}}))
    store = open_store(tmp_path)
    assert store.notices == [
        f"1 record could not be used and was set aside in {tmp_path / 'quarantine.json'} (nothing was deleted)."
    ]
    store.close()


def test_a_new_nested_data_folder_is_made(tmp_path):
    open_store(tmp_path / "a" / "b").close()
    assert (tmp_path / "a" / "b" / "records.json").exists()


def test_save_numbers_go_on_from_the_records_file_after_reopening(tmp_path):
    import json

    store = open_store(tmp_path)
    store.add("goal", {"title": "a"})
    store.add("goal", {"title": "b"})
    store.close()
    store = open_store(tmp_path)
    store.add("goal", {"title": "c"})
    assert [json.loads(x)["seq"] for x in (tmp_path / "records.journal").read_text().splitlines()] == [3]
    store.close()


def test_a_lock_handed_to_the_store_is_released_at_close(tmp_path):
    from trainer.records.lock import DataLock

    lock = DataLock(tmp_path).acquire()
    store = open_store(tmp_path, lock=lock)
    store.close()
    assert not lock.held
    DataLock(tmp_path).acquire().release()


def test_records_opened_from_a_folder_use_the_given_clock(tmp_path):
    store = open_store(tmp_path, clock=lambda: T1)
    assert store.add("goal", {"title": "a"})["created"] == T1
    assert store.now() == T1
    store.close()


def test_backups_made_in_the_same_microsecond_are_numbered(tmp_path):
    from datetime import UTC, datetime

    from trainer.records.backups import make_backup

    open_store(tmp_path).close()
    when = datetime(2026, 3, 4, 10, 15, tzinfo=UTC)
    names = [make_backup(tmp_path, now=when).name for _ in range(3)]
    assert names == ["20260304-101500-000000", "20260304-101500-000000-1", "20260304-101500-000000-2"]


def test_a_backup_leaves_out_an_empty_journal(tmp_path):
    from trainer.records.backups import make_backup

    open_store(tmp_path).close()
    (tmp_path / "records.journal").write_bytes(b"")
    backup = make_backup(tmp_path)
    assert sorted(p.name for p in backup.iterdir()) == ["records.json"]
