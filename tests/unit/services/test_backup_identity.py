"""Restoring on a new computer keeps the person's profile uid and never makes a same-named twin."""

import json

import pytest

from trainer.export.backup import backup_json, export_backup
from trainer.records.store import open_store
from trainer.services.attendance import AttendanceService
from trainer.services.backup import BackupService
from trainer.services.exports import run_restore
from trainer.services.profiles import ProfileService

ATTENDANCE = {
    "format": "practitioner-trainer/attendance",
    "version": 1,
    "session": {"uid": "sess-1", "title": "Taster", "date": "2026-11-20", "minutes": 210},
    "attendee": {"id": "p1", "name": "Alex Nurse"},
    "rounds": [{"round": 1, "role": "practitioner"}],
    "feedback": 1,
}


@pytest.fixture
def backup_file(tmp_path):
    """Alex's backup from the old laptop: a reflection and a credited team session."""
    old = open_store(tmp_path / "old-laptop")
    alex = ProfileService(old).create("Alex Nurse", "Practice nurse")
    old.add("reflection", {"profile": alex.id, "title": "After clinic", "status": "finished"})
    attendance = tmp_path / "attendance.json"
    attendance.write_text(json.dumps(ATTENDANCE), encoding="utf-8")
    AttendanceService(old, alex.id).import_file(attendance)
    path = tmp_path / "backup.json"
    path.write_text(backup_json(export_backup(old, alex.id)), encoding="utf-8")
    old.close()
    return path, alex.id, attendance


def test_restore_on_a_new_computer_keeps_the_profile_uid(tmp_path, backup_file):
    path, alex_uid, attendance = backup_file
    new = open_store(tmp_path / "new-laptop")
    profiles = ProfileService(new)
    fresh = profiles.create("alex nurse")  # the first-run page made a profile before the restore
    new.add("reflection", {"profile": fresh.id, "title": "Written on the new laptop"})

    result = BackupService(new).restore_into(path, fresh.id)

    assert [p.id for p in profiles.list()] == [alex_uid]  # one Alex, with the uid of the backup
    assert result.profile_id == alex_uid and result.moved == {fresh.id: alex_uid}
    titles = sorted(r["title"] for r in new.all("reflection", profile=alex_uid))
    assert titles == ["After clinic", "Written on the new laptop"]  # nothing lost, all tied to Alex
    assert len(new.all("session_attendance", profile=alex_uid)) == 1
    # the credited session stays the same record: importing the file again adds nothing
    assert not AttendanceService(new, alex_uid).import_file(attendance).added
    assert len(new.all("session_attendance")) == 1
    new.close()
    again = open_store(tmp_path / "new-laptop")  # and so it is on disk
    assert [p.id for p in ProfileService(again).list()] == [alex_uid]
    again.close()


def test_restore_file_alone_never_makes_a_same_named_duplicate(tmp_path, backup_file):
    path, alex_uid, _ = backup_file
    new = open_store(tmp_path / "new-laptop")
    ProfileService(new).create("Alex Nurse")
    BackupService(new).restore_file(path)
    assert [(p.id, p.name) for p in ProfileService(new).list()] == [(alex_uid, "Alex Nurse")]
    new.close()


def test_someone_else_on_the_computer_is_left_alone(tmp_path, backup_file):
    path, alex_uid, _ = backup_file
    new = open_store(tmp_path / "new-laptop")
    sam = ProfileService(new).create("Sam Carer")
    new.add("reflection", {"profile": sam.id, "title": "Sam's"})
    result = BackupService(new).restore_into(path, sam.id)
    assert result.profile_id == sam.id and result.moved == {}
    assert sorted(p.name for p in ProfileService(new).list()) == ["Alex Nurse", "Sam Carer"]
    assert [r["title"] for r in new.all("reflection", profile=sam.id)] == ["Sam's"]
    new.close()


def test_the_command_line_restore_keeps_the_uid_too(tmp_path, backup_file):
    path, alex_uid, _ = backup_file
    new = open_store(tmp_path / "new-laptop")
    ProfileService(new).create("Alex Nurse")
    new.close()
    assert "restored into" in run_restore(path, tmp_path / "new-laptop", open_store)
    again = open_store(tmp_path / "new-laptop")
    assert [p.id for p in ProfileService(again).list()] == [alex_uid]
    again.close()
