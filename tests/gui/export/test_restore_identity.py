"""File > Import from a backup file: when the open profile takes the backup's uid, the
window is told to reopen it (so what was restored shows at once)."""

from trainer.export.backup import backup_json, export_backup
from trainer.records.store import open_store
from trainer.services.profiles import ProfileService
from trainer.ui.export.restore import RestoreController


def test_the_open_profile_moving_to_the_backups_uid_is_announced(qtbot, tmp_path):
    old = open_store(tmp_path / "old")
    alex = ProfileService(old).create("Alex Nurse")
    old.add("reflection", {"profile": alex.id, "title": "Before"})
    path = tmp_path / "backup.json"
    path.write_text(backup_json(export_backup(old, alex.id)), encoding="utf-8")
    old.close()
    new = open_store(tmp_path / "new")
    fresh = ProfileService(new).create("Alex Nurse")
    controller = RestoreController(new, None, fresh.id)
    with qtbot.waitSignal(controller.profile_moved) as moved:
        assert controller.restore_file(path)
    assert moved.args == [alex.id]
    with qtbot.assertNotEmitted(controller.profile_moved):  # a second restore: nothing moves
        assert controller.restore_file(path)
    new.close()
