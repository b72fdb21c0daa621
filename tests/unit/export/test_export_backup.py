"""Backup and restore: round trip, merging by uid, conflicts, and files we refuse."""

import json
import re

import pytest

from trainer.export.backup import (
    FORMAT,
    VERSION,
    BackupError,
    backup_json,
    check_backup,
    export_backup,
    read_backup,
    restore,
)
from trainer.records.store import memory_store, open_store
from trainer.services.exports import ExportError, run_restore
from trainer.tools.demo_export import demo_records, fill_demo


@pytest.fixture
def demo():
    store = memory_store()
    fill_demo(store)
    return store


def records_of(store):
    return export_backup(store)["records"]


def test_store_lists_kinds_and_imports_records_as_they_are():
    store = memory_store(clock=lambda: "NOW")
    assert store.kinds() == []
    rec = {"uid": "u1", "created": "2020-01-01", "updated": "2020-01-02", "profile": "p"}
    store.import_record("b_kind", rec)
    store.add("a_kind", {"x": 1})
    assert store.kinds() == ["a_kind", "b_kind"]
    assert store.get("b_kind", "u1") == rec  # updated kept, unlike add()


def test_backup_has_a_versioned_header_and_every_kind(demo):
    data = export_backup(demo, "default", now="2026-04-01T00:00:00+00:00")
    assert data["format"] == FORMAT and data["version"] == VERSION
    assert data["profiles"] == ["default"] and data["scope"] == "one profile"
    assert sorted(data["records"]) == sorted(demo_records())
    assert data["records"] == json.loads(backup_json(data))["records"]


def test_one_profile_or_all(demo):
    demo.import_record("progress", {"uid": "jo-1", "profile": "jo", "module": "activation", "updated": "2026-01-01"})
    demo.import_record("settings_note", {"uid": "s-1", "updated": "2026-01-01"})  # no profile
    mine = export_backup(demo, "default")
    assert "jo-1" not in json.dumps(mine) and "settings_note" not in mine["records"]
    everything = export_backup(demo)
    assert everything["profiles"] == ["default", "jo"] and "settings_note" in everything["records"]


def test_round_trip_into_an_empty_folder_gives_the_same_records(demo, tmp_path):
    path = tmp_path / "backup.json"
    path.write_text(backup_json(export_backup(demo)), encoding="utf-8")
    print(run_restore(path, tmp_path / "new-computer", open_store))
    again = open_store(tmp_path / "new-computer")
    try:
        assert records_of(again) == records_of(demo)
    finally:
        again.close()


def test_a_second_restore_adds_nothing(demo):
    target = memory_store()
    data = export_backup(demo)
    first = restore(target, data)
    second = restore(target, data)
    total = sum(len(v) for v in data["records"].values())
    assert first.added == total and second.added == 0 and second.unchanged == total
    assert records_of(target) == records_of(demo)


def test_newer_updated_wins_both_ways(demo):
    target = memory_store()
    restore(target, export_backup(demo))
    uid = "11111111-0000-4000-8000-000000000001"
    newer = export_backup(demo)
    newer_rec = next(r for r in newer["records"]["reflection"] if r["uid"] == uid)
    newer_rec.update(title="Edited on the laptop", updated="2026-05-01T00:00:00+00:00")
    report = restore(target, newer)
    assert report.replaced == 1 and target.get("reflection", uid)["title"] == "Edited on the laptop"

    older = export_backup(demo)  # the original, older version
    report = restore(target, older)
    assert report.older_skipped == 1 and target.get("reflection", uid)["title"] == "Edited on the laptop"
    assert len(target.all("reflection")) == 4


def test_same_time_different_content_is_kept_as_a_conflict_copy(demo):
    target = memory_store()
    restore(target, export_backup(demo))
    uid = "33333333-0000-4000-8000-000000000001"
    other = export_backup(demo)
    rec = next(r for r in other["records"]["goal"] if r["uid"] == uid)
    rec["goal"] = "Walk to work three times a week"  # same updated time
    report = restore(target, other)
    assert report.conflicts == 1
    goals = target.all("goal")
    assert len(goals) == 2
    original = target.get("goal", uid)
    copy = next(g for g in goals if g["uid"] != uid)
    assert original["goal"] == "Walk to work twice a week"
    assert copy["conflict_of"] == uid and copy["goal"] == "Walk to work three times a week"
    assert copy["updated"] == original["updated"]
    again = restore(target, other)  # no second copy
    assert again.conflicts == 0 and len(target.all("goal")) == 2


def test_progress_for_the_same_module_is_merged_not_duplicated(demo):
    target = memory_store(clock=lambda: "2026-06-01T00:00:00+00:00")  # later than the backup
    # the person opened modules on the new computer before restoring
    target.upsert("progress", {"done": False, "position": 0.1}, profile="default", module="what-is-sms")
    target.upsert("progress", {"position": 0.1}, profile="default", module="fixer-to-guide")
    report = restore(target, export_backup(demo))
    assert report.replaced == 2
    rows = target.all("progress", profile="default", module="what-is-sms")
    assert len(rows) == 1 and rows[0]["done"] is True
    assert rows[0]["uid"] == "00000000-0000-4000-8000-000000000001"
    # done on the old computer stays done even though the new one's record is newer
    newer = target.all("progress", profile="default", module="fixer-to-guide")
    assert len(newer) == 1 and newer[0]["done"] is True and newer[0]["done_at"].startswith("2026-01-19")
    assert newer[0]["position"] == 1.0
    assert restore(target, export_backup(demo)).added == 0


@pytest.mark.parametrize(
    "text, message",
    [
        ("not json at all", "not valid JSON"),
        ("[1, 2]", "not a Practitioner Trainer backup"),
        (json.dumps({"format": FORMAT, "version": 99, "records": {}}), "newer version"),
        (json.dumps({"format": FORMAT, "version": "1", "records": {}}), "'version'"),
        (json.dumps({"format": FORMAT, "version": 1, "records": []}), "'records'"),
        (
            json.dumps({"format": FORMAT, "version": 1, "records": {"goal": [{"title": "x"}]}}),
            "records.goal[0]: field 'uid'",
        ),
        (
            json.dumps({"format": FORMAT, "version": 1, "records": {"goal": [{"uid": "a"}, {"uid": "a"}]}}),
            "appears twice",
        ),
    ],
)
def test_bad_files_are_refused_with_a_clear_message_and_nothing_written(tmp_path, text, message):
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    data_dir = tmp_path / "data"
    with pytest.raises(ExportError, match=re.escape(message)) as info:
        run_restore(path, data_dir, open_store)
    assert str(path) in str(info.value) and "\n" not in str(info.value)
    assert not data_dir.exists()


def test_a_bad_record_late_in_the_file_stops_everything(tmp_path, demo):
    data = export_backup(demo)
    data["records"]["zzz"] = [{"uid": 5}]
    with pytest.raises(BackupError):
        check_backup(data)
    target = memory_store()
    with pytest.raises(BackupError):
        restore(target, data)
    assert target.kinds() == []


def test_missing_and_binary_files(tmp_path):
    with pytest.raises(BackupError, match="file not found"):
        read_backup(tmp_path / "nope.json")
    binary = tmp_path / "photo.json"
    binary.write_bytes(b"\xff\xd8\xff\xe0 not text")
    with pytest.raises(BackupError, match="not a text file"):
        read_backup(binary)
