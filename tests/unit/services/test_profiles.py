import pytest

from trainer.records.store import memory_store, open_store
from trainer.services.profiles import ProfileError, ProfileService
from trainer.services.progress import ProgressService


def test_create_list_rename_and_names_must_be_unique():
    svc = ProfileService(memory_store())
    sam = svc.create("  Sam   Demo ", role="Practice nurse")
    ali = svc.create("Ali")
    assert [p.name for p in svc.list()] == ["Ali", "Sam Demo"]
    assert sam.label == "Sam Demo (Practice nurse)" and svc.get(sam.id) == sam
    with pytest.raises(ProfileError, match="already a profile"):
        svc.create("sam demo")
    with pytest.raises(ProfileError, match="type a name"):
        svc.create("   ")
    with pytest.raises(ProfileError, match="already"):
        svc.rename(ali.id, "SAM DEMO")
    assert svc.rename(ali.id, "Alison").name == "Alison"
    assert svc.rename(sam.id, "Sam demo").name == "Sam demo"  # own name, new case: fine


def test_startup_choice_only_for_a_lone_used_profile():
    svc = ProfileService(memory_store())
    assert svc.startup_choice() is None
    one = svc.create("One")
    assert svc.startup_choice() is None  # never used: ask
    svc.mark_used(one.id)
    assert svc.startup_choice() == one.id
    svc.create("Two")
    assert svc.startup_choice() is None


def test_last_used_is_remembered():
    times = iter(f"2026-01-0{i}T00:00:00+00:00" for i in range(1, 9))
    svc = ProfileService(memory_store(clock=lambda: next(times)))
    a, b = svc.create("A"), svc.create("B")
    svc.mark_used(b.id)
    svc.mark_used(a.id)
    assert svc.last_used().id == a.id and svc.default_profile().id == a.id


def test_opening_the_same_profile_again_writes_nothing(tmp_path):
    store = open_store(tmp_path, lock=True)
    svc = ProfileService(store)
    a, b = svc.create("A"), svc.create("B")
    svc.mark_used(a.id)
    store.close()
    open_store(tmp_path, lock=True).close()  # the next start backs up what changed
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    backups = sorted(p.name for p in (tmp_path / "backups").iterdir())
    store = open_store(tmp_path, lock=True)  # a restart as the same learner
    ProfileService(store).mark_used(a.id)
    store.close()
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before
    assert sorted(p.name for p in (tmp_path / "backups").iterdir()) == backups  # no new backup either
    store = open_store(tmp_path, lock=True)
    ProfileService(store).mark_used(b.id)  # another learner: that is recorded
    assert ProfileService(store).last_used().id == b.id
    store.close()


def test_default_profile_is_made_once():
    svc = ProfileService(memory_store())
    first = svc.default_profile()
    assert first.id == "default" and svc.default_profile() == first and len(svc.list()) == 1


def test_select_or_create_by_name_or_id():
    svc = ProfileService(memory_store())
    sam = svc.select_or_create("Sam")
    assert svc.select_or_create("sam") == sam and svc.select_or_create(sam.id) == sam
    assert len(svc.list()) == 1


def test_delete_removes_the_profile_and_only_its_records(tmp_path):
    store = open_store(tmp_path)
    svc = ProfileService(store)
    a, b = svc.create("A"), svc.create("B")
    ProgressService(store, a.id).set_done("m1", True)
    ProgressService(store, b.id).set_done("m1", True)
    assert svc.record_counts()[a.id] == {"progress": 1}
    assert svc.delete(a.id) == 1
    assert [p.name for p in svc.list()] == ["B"]
    assert ProgressService(store, b.id).done_ids() == {"m1"}
    assert any("before-profile-delete" in p.name for p in (tmp_path / "backups").iterdir())
    with pytest.raises(ProfileError):
        svc.delete(a.id)
    store.close()


def test_read_only_store_cannot_create_profiles(tmp_path):
    store = open_store(tmp_path)
    ProfileService(store).create("Sam")
    store.close()
    ro = ProfileService(open_store(tmp_path, read_only=True))
    assert ro.select_or_create("Sam").name == "Sam"
    with pytest.raises(ProfileError, match="existing: Sam"):
        ro.select_or_create("Kim")
