import json

from trainer.records.store import memory_store, open_store
from trainer.services.progress import ProgressService


def test_records_get_uid_and_times():
    store = memory_store(clock=lambda: "2026-01-01T00:00:00+00:00")
    rec = store.add("thing", {"x": 1})
    assert len(rec["uid"]) == 36 and rec["created"] == rec["updated"] == "2026-01-01T00:00:00+00:00"
    assert store.get("thing", rec["uid"])["x"] == 1


def test_upsert_keeps_uid_and_created():
    times = iter(["t1", "t2", "t3"])
    store = memory_store(clock=lambda: next(times))
    first = store.upsert("p", {"v": 1}, key="a")
    second = store.upsert("p", {"v": 2}, key="a")
    assert second["uid"] == first["uid"] and second["created"] == "t1" and second["updated"] == "t2"
    assert len(store.all("p")) == 1 and store.all("p", key="a")[0]["v"] == 2


def test_update_and_delete():
    store = memory_store()
    rec = store.add("k", {"v": 1})
    assert store.update("k", rec["uid"], {"v": 5})["v"] == 5
    assert store.update("k", "nope", {"v": 1}) is None
    assert store.delete("k", rec["uid"]) and store.all("k") == []


def test_progress_is_per_profile_and_survives_reopen(tmp_path):
    store = open_store(tmp_path)
    alice, bob = ProgressService(store, "alice"), ProgressService(store, "bob")
    alice.open_module("m1")
    alice.set_done("m1", True)
    alice.save_position("m1", 0.5)
    bob.open_module("m2")
    assert alice.done_ids() == {"m1"} and bob.done_ids() == set()
    store.close()

    again = ProgressService(open_store(tmp_path), "alice")
    p = again.progress("m1")
    assert p.done and p.position == 0.5 and p.done_at
    assert again.last_module() == "m1"
    data = json.loads((tmp_path / "records.json").read_text())
    assert "progress" in data


def test_unmarking_done_clears_the_date():
    svc = ProgressService(memory_store())
    svc.set_done("m", True)
    p = svc.set_done("m", False)
    assert not p.done and p.done_at is None


def test_position_is_clamped():
    svc = ProgressService(memory_store())
    svc.save_position("m", 3.0)
    assert svc.progress("m").position == 1.0
