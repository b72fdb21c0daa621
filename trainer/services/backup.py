"""Restore a backup file into the store: the one write path for restoring.

Reads and checks the whole file first (``BackupError`` says what is wrong,
nothing is written), then merges it by record uid; see
``trainer.export.backup`` and docs/EXPORT_FORMAT.md.
"""

from __future__ import annotations

from pathlib import Path

from trainer.export.backup import RestoreReport, read_backup, restore
from trainer.records.store import RecordStore


class BackupService:
    def __init__(self, store: RecordStore):
        self._store = store

    def restore_file(self, path: Path) -> RestoreReport:
        return restore(self._store, read_backup(Path(path)))
