"""The record store's writing rules one by one, in memory and on disk; each test
kills mutants that the broader store tests let live (scripts/mutation_score.py)."""

import pytest

from trainer.records.errors import ReadOnlyStoreError
from trainer.records.store import memory_store, open_store, read_on_disk

from .store_rules_support import KINDS, T0, T1, Clock, json_of, make_store
from .store_rules_support import journal_lines as _journal_lines


@pytest.fixture(params=KINDS)
def store(request):
    return make_store(request.param)


def test_upsert_inserts_with_the_key_then_updates_the_same_record(store):
    first = store.upsert("progress", {"done": False}, module="m1")
    assert first["module"] == "m1" and first["done"] is False and first["created"] == T0
    store.clock.now = T1
    second = store.upsert("progress", {"done": True}, module="m1")
    assert second["uid"] == first["uid"] and second["done"] is True
    assert second["updated"] == T1 and second["created"] == T0
    assert store.all("progress") == [second]
    assert store.get("progress", first["uid"]) == second


def test_upsert_without_a_key_always_adds(store):
    store.upsert("note", {"text": "a"})
    store.upsert("note", {"text": "b"})
    assert sorted(r["text"] for r in store.all("note")) == ["a", "b"]


def test_update_changes_only_the_given_fields_and_the_time(store):
    rec = store.add("goal", {"title": "walk", "done": False})
    store.clock.now = T1
    out = store.update("goal", rec["uid"], {"done": True})
    assert out == {**rec, "done": True, "updated": T1}
    assert store.get("goal", rec["uid"]) == out
    assert store.all("goal") == [out]
    assert store.update("goal", "nope", {"done": True}) is None


def test_update_existing_of_a_missing_record_is_a_key_error(store):
    with pytest.raises(KeyError, match="no goal record nope"):
        store.update_existing("goal", "nope", {})
    rec = store.add("goal", {"title": "x"})
    assert store.update_existing("goal", rec["uid"], {"title": "y"})["title"] == "y"


def test_delete_removes_one_record_and_says_whether_it_was_there(store):
    a, b = store.add("goal", {"title": "a"}), store.add("goal", {"title": "b"})
    assert store.delete("goal", a["uid"]) is True
    assert store.get("goal", a["uid"]) is None
    assert store.all("goal") == [b]
    assert store.delete("goal", a["uid"]) is False
    again = store.add("goal", {"uid": a["uid"], "title": "again"})  # the uid is free once more
    assert store.get("goal", a["uid"]) == again


def test_delete_all_removes_the_matching_records_only(store):
    store.add("goal", {"title": "a", "profile": "p"})
    store.add("goal", {"title": "b", "profile": "p"})
    keep = store.add("goal", {"title": "c", "profile": "q"})
    assert store.delete_all("goal", profile="p") == 2
    assert store.all("goal") == [keep]
    assert store.delete_all("goal", profile="p") == 0
    assert store.get("goal", keep["uid"]) == keep
    assert store.delete_all("goal") == 1
    assert store.all("goal") == []


def test_find_one_and_all_match_every_field(store):
    store.add("goal", {"title": "a", "profile": "p"})
    store.add("goal", {"title": "a", "profile": "q"})
    assert store.find_one("goal", title="a", profile="q")["profile"] == "q"
    assert [r["profile"] for r in store.all("goal", title="a", profile="p")] == ["p"]
    assert store.find_one("goal", title="z") is None


def test_the_records_returned_are_copies(store):
    rec = store.add("goal", {"title": "a"})
    rec["title"] = "changed"
    store.get("goal", rec["uid"])["title"] = "changed"
    assert store.all("goal")[0]["title"] == "a"


def test_a_failed_atomic_step_puts_memory_back(store):
    kept = store.add("goal", {"title": "kept"})
    with pytest.raises(RuntimeError), store.atomic():
        store.add("goal", {"title": "new"})
        store.update("goal", kept["uid"], {"title": "changed"})
        store.add("note", {"text": "new table"})
        raise RuntimeError
    assert store.all("goal") == [kept]
    assert store.get("goal", kept["uid"]) == kept
    assert store.all("note") == []
    assert "note" not in store.kinds()


def test_an_in_memory_store_has_no_backups():
    store = memory_store()
    assert store.backup() is None
    with pytest.raises(OSError, match="an in-memory store has no backups"):
        store.restore_backup("x")
    store.flush()  # nothing to fold: no error


def test_a_closed_store_refuses_writes(tmp_path):
    store = open_store(tmp_path)
    store.close()
    store.close()  # twice is fine
    with pytest.raises(OSError, match="the records are closed"):
        store.add("goal", {"title": "x"})


def test_a_read_only_store_refuses_writes_and_restores(tmp_path):
    open_store(tmp_path).close()
    store = open_store(tmp_path, read_only=True)
    with pytest.raises(ReadOnlyStoreError):
        store.add("goal", {"title": "x"})
    with pytest.raises(ReadOnlyStoreError):
        store.restore_backup(tmp_path)
    store.flush()  # writes nothing
    store.close()


def test_every_kind_of_write_reaches_the_disk(tmp_path):
    clock = Clock()
    store = open_store(tmp_path, clock=clock)
    a = store.add("goal", {"title": "a", "profile": "p"})
    b = store.add("goal", {"title": "b", "profile": "q"})
    store.upsert("progress", {"done": True}, module="m1")
    store.update("goal", b["uid"], {"title": "b2"})
    store.delete("goal", a["uid"])
    store.add_many("note", [{"uid": "n1"}, {"uid": "n2"}])
    store.delete_all("note", uid="n1")
    on_disk = read_on_disk(tmp_path)
    assert [r["title"] for r in on_disk["goal"].values()] == ["b2"]
    assert [r["module"] for r in on_disk["progress"].values()] == ["m1"]
    assert [r["uid"] for r in on_disk["note"].values()] == ["n2"]
    store.flush()  # folds the journal into records.json: the records stay as they are
    assert {k: v for k, v in read_on_disk(tmp_path).items() if k != "_meta"} == {
        k: v for k, v in on_disk.items() if k != "_meta"
    }
    assert (tmp_path / "records.journal").stat().st_size == 0
    store.close()
    again = open_store(tmp_path)
    assert [r["title"] for r in again.all("goal")] == ["b2"]
    assert again.folder == tmp_path and again.path == tmp_path / "records.json"
    again.close()


def test_a_backup_restored_replaces_every_record(tmp_path):
    store = open_store(tmp_path)
    kept = store.add("goal", {"title": "in the backup"})
    first = store.backup("before")
    assert first is not None and first.exists()
    store.add("goal", {"title": "after the backup"})
    before = store.restore_backup(first)
    assert before is not None and before != first
    assert store.all("goal") == [kept]
    assert store.get("goal", kept["uid"]) == kept
    store.close()
    assert [r["title"] for r in read_on_disk(tmp_path)["goal"].values()] == ["in the backup"]


# -- the journal and the backend ------------------------------------------------


def test_each_save_is_one_numbered_journal_line(tmp_path):
    store = open_store(tmp_path)
    a = store.add("goal", {"title": "a"})
    store.add_many("goal", [{"uid": "b"}, {"uid": "c"}])
    store.delete("goal", a["uid"])
    lines = _journal_lines(tmp_path)
    assert [line["seq"] for line in lines] == [1, 2, 3, 4]
    assert [line["op"] for line in lines] == ["put", "put", "put", "del"]
    assert lines[3]["uid"] == a["uid"] and lines[3]["kind"] == "goal"
    assert store._backend.seq == 4 and store._backend.dirty
    store.close()
    assert (tmp_path / "records.journal").read_bytes() == b""
    assert json_of(tmp_path)["_meta"]["1"]["seq"] == 4


def test_a_failed_journal_write_leaves_the_journal_as_it_was(tmp_path, monkeypatch):
    from trainer.records import backend

    store = open_store(tmp_path)
    store.add("goal", {"title": "a"})
    before = (tmp_path / "records.journal").read_bytes()
    real_write = backend.os.write
    monkeypatch.setattr(backend.os, "write", lambda fd, data: real_write(fd, data[:5]))  # a short write
    with pytest.raises(OSError, match="No space left on device"):
        store.add("goal", {"title": "b"})
    monkeypatch.undo()
    assert (tmp_path / "records.journal").read_bytes() == before
    assert [r["title"] for r in store.all("goal")] == ["a"]
    store.add("goal", {"title": "c"})  # the next save works, numbered straight after
    assert [line["seq"] for line in _journal_lines(tmp_path)] == [1, 2]
    store.close()


def test_a_journal_that_cannot_be_tidied_stops_all_saves(tmp_path, monkeypatch):
    from trainer.records import backend

    store = open_store(tmp_path)

    def fail(*args):
        raise OSError(5, "I/O error")

    monkeypatch.setattr(backend.os, "write", fail)
    monkeypatch.setattr(backend.os, "ftruncate", fail)
    with pytest.raises(OSError):
        store.add("goal", {"title": "a"})
    monkeypatch.undo()
    assert store._backend.broken.startswith("the journal could not be repaired after a failed save (")
    with pytest.raises(OSError, match="could not be repaired"):
        store.add("goal", {"title": "b"})
    store.close()


def test_a_backup_is_taken_while_working_only_after_the_interval(tmp_path):
    from trainer.records.backups import list_backups

    store = open_store(tmp_path)
    now = [0.0]
    store._backend._clock = lambda: now[0]
    store._backend._last_backup = 0.0
    n = len(list_backups(tmp_path))
    now[0] = 599.0
    store.add("goal", {"title": "a"})  # too soon
    assert len(list_backups(tmp_path)) == n
    now[0] = 600.0
    store.add("goal", {"title": "b"})  # ten minutes: a backup
    assert len(list_backups(tmp_path)) == n + 1
    assert store._backend._last_backup == 600.0
    now[0] = 1100.0
    store.add("goal", {"title": "c"})  # 500 s after the last one
    assert len(list_backups(tmp_path)) == n + 1
    store.close()


def test_a_huge_journal_is_folded_in_after_a_save(tmp_path, monkeypatch):
    from trainer.records import backend

    store = open_store(tmp_path)
    monkeypatch.setattr(backend, "JOURNAL_LIMIT", 10)
    store.add("goal", {"title": "a"})
    assert (tmp_path / "records.journal").read_bytes() == b""
    assert [r["title"] for r in json_of(tmp_path)["goal"].values()] == ["a"]
    store.close()


def test_a_snapshot_replaced_by_another_copy_stops_saves(tmp_path):
    from trainer.records.errors import StoreConflictError

    store = open_store(tmp_path)
    (tmp_path / "records.json").unlink()
    (tmp_path / "records.json").write_text("{}")
    with pytest.raises(StoreConflictError, match="changed by another copy of the app"):
        store.add("goal", {"title": "a"})
    store.close()


def test_closing_releases_the_lock(tmp_path):
    from trainer.records.lock import DataLock

    store = open_store(tmp_path, lock=True)
    store.close()
    DataLock(tmp_path).acquire().release()


def test_an_upsert_that_updates_reaches_the_disk(tmp_path):
    store = open_store(tmp_path)
    store.upsert("progress", {"done": False}, module="m1")
    store.upsert("progress", {"done": True}, module="m1")
    assert [r["done"] for r in read_on_disk(tmp_path)["progress"].values()] == [True]
    store.close()


def test_a_failed_atomic_step_leaves_other_kinds_alone(store):
    other = store.add("note", {"text": "untouched"})
    goal = store.add("goal", {"title": "a"})
    with pytest.raises(RuntimeError), store.atomic():
        store.add("goal", {"title": "new"})
        assert [r["title"] for r in store.all("goal", title="new")] == ["new"]  # a cached search
        store.delete_all("progress")
        raise RuntimeError
    assert store.all("note") == [other]
    assert store.all("goal") == [goal]
    assert store.all("goal", title="new") == []


def test_a_failed_atomic_delete_all_brings_the_records_back(store):
    a, b = store.add("goal", {"title": "a"}), store.add("goal", {"title": "b"})
    with pytest.raises(RuntimeError), store.atomic():
        assert store.delete_all("goal") == 2
        raise RuntimeError
    assert store.all("goal") == [a, b]


def test_a_failed_write_still_notices_another_copy_afterwards(tmp_path, monkeypatch):
    from trainer.records import backend
    from trainer.records.errors import StoreConflictError

    store = open_store(tmp_path)
    real_write = backend.os.write
    monkeypatch.setattr(backend.os, "write", lambda fd, data: real_write(fd, data[:5]))
    with pytest.raises(OSError):
        store.add("goal", {"title": "a"})
    monkeypatch.undo()
    (tmp_path / "records.json").unlink()
    (tmp_path / "records.json").write_text("{}")
    with pytest.raises(StoreConflictError):
        store.add("goal", {"title": "b"})
    store.close()
