"""Moving the data folder: a verified copy, the old folder untouched (Qt-free)."""

import os

import pytest

from trainer.paths import default_data_dir, location_file
from trainer.records.store import open_store
from trainer.services.data_move import MoveError, count_records, move_data


@pytest.fixture
def old(tmp_path):
    folder = tmp_path / "old"
    store = open_store(folder, lock=True)
    for i in range(3):
        store.add("reflection", {"profile": "me", "title": f"R{i}"})
    store.add("progress", {"profile": "me", "module": "m1", "done": True})
    store.close()
    (folder / "ui-settings.ini").write_text("[appearance]\ntheme=dark\n")
    return folder


def snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_move_copies_verifies_and_points_the_app_at_the_new_folder(old, tmp_path):
    before = snapshot(old)
    result = move_data(old, tmp_path / "new" / "data")
    new = tmp_path / "new" / "data"
    assert result.records == 4 and result.new == new.resolve()
    assert count_records(new) == {"progress": 1, "reflection": 3}
    assert (new / "ui-settings.ini").read_text().endswith("theme=dark\n")
    assert snapshot(old) == before  # the old folder is untouched
    assert location_file().read_text().strip() == str(new.resolve())
    assert default_data_dir() == new.resolve()
    assert str(old.resolve()) in result.message() and str(new.resolve()) in result.message()


def test_env_variable_still_wins_over_the_pointer(old, tmp_path, monkeypatch):
    move_data(old, tmp_path / "new")
    monkeypatch.setenv("TRAINER_DATA", str(tmp_path / "elsewhere"))
    assert default_data_dir() == tmp_path / "elsewhere"


def test_move_while_the_app_holds_the_lock(old, tmp_path):
    store = open_store(old, lock=True)
    try:
        result = move_data(old, tmp_path / "new")
    finally:
        store.close()
    assert result.records == 4 and not (tmp_path / "new" / "records.lock").exists()


@pytest.mark.parametrize("where", ["inside", "same", "not-empty", "file"])
def test_refuses_unsafe_targets_and_changes_nothing(old, tmp_path, where):
    target = {"inside": old / "sub", "same": old, "not-empty": tmp_path / "full", "file": tmp_path / "a-file"}[where]
    if where == "not-empty":
        target.mkdir()
        (target / "x.txt").write_text("x")
    if where == "file":
        target.write_text("x")
    with pytest.raises(MoveError):
        move_data(old, target)
    assert not location_file().exists()


def test_a_failed_copy_is_removed_and_reported(old, tmp_path, monkeypatch):
    import trainer.services.data_move as dm

    def broken_copy(src, dst, **_kw):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(dm.shutil, "copy2", broken_copy)
    with pytest.raises(MoveError, match="No space left"):
        move_data(old, tmp_path / "new")
    assert not (tmp_path / "new").exists()
    assert not location_file().exists()


def test_a_copy_that_does_not_match_is_removed(old, tmp_path, monkeypatch):
    import trainer.services.data_move as dm

    real = dm.count_records
    calls = []

    def lying(folder):
        calls.append(folder)
        counts = real(folder)
        return counts if len(calls) == 1 else {**counts, "reflection": 0}

    monkeypatch.setattr(dm, "count_records", lying)
    with pytest.raises(MoveError, match="did not match"):
        move_data(old, tmp_path / "new")
    assert not (tmp_path / "new").exists() and os.path.isdir(old)
