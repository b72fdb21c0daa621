"""Restore a backup file into the store: the one write path for restoring.

Reads and checks the whole file first (``BackupError`` says what is wrong,
nothing is written), then merges it by record uid; see
``trainer.export.backup`` and docs/EXPORT_FORMAT.md.

A person keeps their identity across computers: their profile's uid. On a new
computer they may already have made a profile with their name before
restoring; restoring then never leaves two profiles of one name. The
backup's profile keeps its uid, and the records of the same-named local
profile move to it (in the same durable step as the restore), so everything
credited to the person (CPD, attendance, observations) stays tied to them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from trainer.export.backup import RestoreReport, read_backup, restore
from trainer.records.migrations import PROFILES
from trainer.records.schemas import problem
from trainer.records.store import RecordStore


@dataclass
class ProfileRestore:
    """What a restore did, and which profile now holds the current person's records."""

    report: RestoreReport
    profile_id: str | None  # the current profile after the restore (its uid may be the backup's)
    moved: dict[str, str] = field(default_factory=dict)  # {local uid: backup uid} of profiles merged

    def summary(self) -> str:
        return self.report.summary()


def _key(name: object) -> str:
    return " ".join(str(name or "").split()).casefold()


class BackupService:
    def __init__(self, store: RecordStore):
        self._store = store

    def restore_file(self, path: Path) -> RestoreReport:
        return self.restore_into(path).report

    def restore_into(self, path: Path, profile_id: str | None = None) -> ProfileRestore:
        """Restore, keeping the backup's profile uids; ``profile_id`` is the profile open now."""
        return self.restore_data(read_backup(Path(path)), profile_id)

    def restore_data(self, data: dict, profile_id: str | None = None) -> ProfileRestore:
        """``restore_into`` for a backup already read (and checked) by ``read_backup``."""
        theirs = [r for r in data["records"].get(PROFILES, []) if problem(PROFILES, r) is None]
        moved: dict[str, str] = {}
        with self._store.atomic():  # moving the local profile and the restore: both or neither
            for backup_profile in theirs:
                if self._store.get(PROFILES, backup_profile["uid"]) is not None:
                    continue  # already here under its own uid: a plain merge
                for local in self._store.all(PROFILES):
                    if _key(local.get("name")) == _key(backup_profile.get("name")) and local["uid"] not in moved:
                        self._move_profile(local["uid"], backup_profile["uid"])
                        moved[local["uid"]] = backup_profile["uid"]
            report = restore(self._store, data)
        current = moved.get(profile_id, profile_id) if profile_id is not None else None
        return ProfileRestore(report, current, moved)

    def _move_profile(self, old: str, new: str) -> None:
        """Every record of profile ``old`` becomes ``new``'s; the ``old`` profile goes."""
        for kind in self._store.kinds():
            if kind == PROFILES:
                continue
            for rec in self._store.all(kind, profile=old):
                self._store.update(kind, rec["uid"], {"profile": new})
        self._store.delete(PROFILES, old)
