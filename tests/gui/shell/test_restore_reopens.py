"""Restoring on a new computer: the window reopens as the person (the backup's profile uid),
with one profile of that name, and what was restored shows at once."""

from trainer.app import start
from trainer.export.backup import backup_json, export_backup
from trainer.records.store import open_store
from trainer.services.profiles import ProfileService
from trainer.ui.settings.profiles import ProfilesDialog


def test_the_window_reopens_under_the_backups_uid(sample_course, tmp_path, monkeypatch, qtbot):
    old = open_store(tmp_path / "old")
    alex = ProfileService(old).create("Alex Nurse")
    old.add("reflection", {"profile": alex.id, "title": "From the old laptop", "status": "finished"})
    backup = tmp_path / "backup.json"
    backup.write_text(backup_json(export_backup(old, alex.id)), encoding="utf-8")
    old.close()

    # first run on the new laptop: the chooser makes "Alex Nurse" under a new uid
    monkeypatch.setattr(
        ProfilesDialog, "ask", classmethod(lambda cls, parent, service, **kw: service.create("Alex Nurse").id)
    )
    session = start(sample_course, tmp_path / "new")
    qtbot.addWidget(session.parts.window)
    try:
        assert session.parts.profile_id != alex.id
        session.parts.window.restore_controller.restore_file(backup)
        qtbot.addWidget(session.parts.window)
        said = session.parts.window.statusBar().currentMessage()
        assert said.startswith("Restored from backup.json:") and "2 added" in said  # the reflection and the profile
        assert session.parts.profile_id == alex.id and "Alex Nurse" in session.parts.window.windowTitle()
        assert [p.id for p in ProfileService(session.store).list()] == [alex.id]
        journal = session.parts.window.section("journal")
        assert "From the old laptop" in [r["title"] for r in journal.controller.entries()]
    finally:
        session.store.close()
