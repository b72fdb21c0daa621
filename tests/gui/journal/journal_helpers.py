"""Shared builders for the journal GUI tests."""

from __future__ import annotations

import copy
import errno
from datetime import date
from pathlib import Path

from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from trainer.journal.templates import load_templates
from trainer.records.store import RecordStore
from trainer.services.goals import GoalService
from trainer.services.journal import JournalService
from trainer.ui.journal.controller import JournalController

CONTENT = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "sample-course"


class FlakyStorage(MemoryStorage):
    """In-memory storage whose writes fail with 'No space left on device' while ``fail`` is set."""

    fail = False

    def read(self):
        data = super().read()
        return copy.deepcopy(data)  # like a file: a failed write leaves the old data

    def write(self, data):
        if FlakyStorage.fail:
            raise OSError(errno.ENOSPC, "No space left on device")
        super().write(copy.deepcopy(data))


def flaky_store() -> RecordStore:
    FlakyStorage.fail = False
    return RecordStore(TinyDB(storage=FlakyStorage))


def memory_controller(store: RecordStore | None = None, clock: dict | None = None) -> JournalController:
    store = store if store is not None else RecordStore(TinyDB(storage=MemoryStorage))
    clock = clock if clock is not None else {"today": date(2026, 3, 2)}
    templates = load_templates(CONTENT)[0]
    today = lambda: clock["today"]  # noqa: E731
    return JournalController(JournalService(store, "me", templates, today=today), GoalService(store, "me", today=today))
