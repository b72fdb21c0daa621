"""Opening a damaged data folder: what is kept where, and what the person is told.
Each test kills mutants the broader safety tests let live (scripts/mutation_score.py)."""

import time
from datetime import UTC, datetime

import pytest

from trainer.records import backend
from trainer.records.backups import backup_time, describe_time, list_backups, load_backup, newest_good_backup
from trainer.records.files import CorruptFile
from trainer.records.store import open_store

NO_BACKUP = (
    "No backup could be found, so the app starts with empty records. "
    "Please keep the damaged file: someone technical may be able to recover it."
)
MAY_BE_MISSING = ". Anything saved between that backup and the damage may be missing."


@pytest.fixture
def utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _damage(folder):
    (folder / "records.json").write_bytes(b"\x00\x00garbage")


def test_a_damaged_file_with_no_backup_is_kept_and_the_app_starts_empty(tmp_path):
    _damage(tmp_path)
    store = open_store(tmp_path)
    [kept] = tmp_path.glob("records.corrupt-*.json")
    notice = store.notices[0]
    assert notice.startswith("Your records file could not be read (")
    assert (
        f"This can happen after a crash, a power cut or a full disk. It has been kept, unchanged, at:\n{kept}\n\n"
        in (notice)
    )
    assert notice.endswith(NO_BACKUP)
    assert store.damaged and not store.repaired
    assert store.kinds() == []
    store.add("goal", {"title": "new start"})
    store.close()
    assert [r["title"] for r in open_store(tmp_path).all("goal")] == ["new start"]


def test_a_damaged_file_opened_read_only_stays_where_it_is(tmp_path):
    _damage(tmp_path)
    store = open_store(tmp_path, read_only=True)
    assert f"It is at:\n{tmp_path / 'records.json'}\n\n" in store.notices[0]
    assert store.notices[0].endswith(NO_BACKUP)
    assert list(tmp_path.glob("records.corrupt-*")) == []
    assert (tmp_path / "records.json").read_bytes() == b"\x00\x00garbage"
    store.close()


def test_a_damaged_file_set_aside_twice_in_a_second_gets_a_numbered_name(tmp_path, monkeypatch):
    monkeypatch.setattr(backend, "_stamp", lambda: "20260304-101500")
    for n in range(3):
        (tmp_path / "records.json").write_text(f"broken {n}")
        backend._aside(tmp_path / "records.json", read_only=False)
    names = sorted(p.name for p in tmp_path.glob("records.corrupt-*"))
    assert names == [
        "records.corrupt-20260304-101500-1.json",
        "records.corrupt-20260304-101500-2.json",
        "records.corrupt-20260304-101500.json",
    ]
    assert (tmp_path / "records.corrupt-20260304-101500.json").read_text() == "broken 0"


def test_the_stamp_of_a_damaged_file_is_the_time_now():
    stamp = backend._stamp()
    assert datetime.strptime(stamp, "%Y%m%d-%H%M%S").strftime("%Y%m%d-%H%M%S") == stamp
    assert stamp[:8] == datetime.now(UTC).strftime("%Y%m%d")


def _backed_up_then_changed(folder, changes: int):
    store = open_store(folder)
    store.add("note", {"text": "old", "profile": "p"})
    store.close()
    store = open_store(folder)  # a backup is taken at open
    for i in range(changes):
        store.add("note", {"text": f"recent {i}", "profile": "p"})  # only in the journal
    return store


@pytest.mark.parametrize(
    "changes,words", [(0, ""), (1, ", plus 1 later change"), (2, ", plus 2 later changes")], ids=str
)
def test_a_restore_says_how_many_later_changes_were_replayed(tmp_path, utc, changes, words):
    first = _backed_up_then_changed(tmp_path, changes)
    backup = list_backups(tmp_path)[0]  # the newest: taken at the last open
    _damage(tmp_path)
    store = open_store(tmp_path)
    when = describe_time(backup_time(backup))
    assert store.notices[0].endswith(
        f"Your records were restored from the backup made on {when}{words}{MAY_BE_MISSING}"
    )
    assert len(store.all("note")) == 1 + changes
    assert store.repaired and not store.damaged
    store.close()
    del first


def test_backup_times_are_told_in_local_time(utc):
    assert describe_time(None) == "an unknown time"
    assert describe_time(datetime(2026, 3, 4, 10, 15, tzinfo=UTC)) == "04 March 2026 at 10:15"


def test_a_backup_folder_without_a_records_file_is_not_a_backup(tmp_path):
    folder = tmp_path / "backups" / "20260304-101500-000000"
    folder.mkdir(parents=True)
    with pytest.raises(CorruptFile) as caught:
        load_backup(folder)
    assert caught.value.path == folder / "records.json"
    assert caught.value.reason == "the backup has no records file"
    assert newest_good_backup(tmp_path) is None


def test_after_a_fresh_start_or_a_restore_saves_are_numbered_on(tmp_path):
    import json

    _damage(tmp_path)
    store = open_store(tmp_path)  # no backup: empty records, numbering from 0
    store.add("goal", {"title": "a"})
    assert [json.loads(x)["seq"] for x in (tmp_path / "records.journal").read_text().splitlines()] == [1]
    store.close()
    store = open_store(tmp_path)  # a backup at open, holding seq 1
    store.close()
    _damage(tmp_path)
    store = open_store(tmp_path)  # restored from that backup
    store.add("goal", {"title": "b"})
    assert [json.loads(x)["seq"] for x in (tmp_path / "records.journal").read_text().splitlines()] == [2]
    store.close()
