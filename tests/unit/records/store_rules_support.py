"""What the two store-rules test files share: a settable clock, a plain TinyDB storage,
a store of either kind, and readers of the files on disk."""

import json

from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from trainer.records.store import RecordStore, memory_store

T0, T1 = "2026-01-01T00:00:00+00:00", "2026-01-02T00:00:00+00:00"
KINDS = ["memory", "tinydb"]


class Clock:
    def __init__(self):
        self.now = T0

    def __call__(self):
        return self.now


class PlainStorage(MemoryStorage):
    """Not MemoryStorage itself: the store goes through TinyDB's own table calls."""


def make_store(kind: str) -> RecordStore:
    """The fast in-memory store, or one through TinyDB's own table calls; ``.clock`` is settable."""
    clock = Clock()
    s = memory_store(clock=clock) if kind == "memory" else RecordStore(TinyDB(storage=PlainStorage), clock=clock)
    s.clock = clock
    return s


def journal_lines(folder):
    return [json.loads(line) for line in (folder / "records.journal").read_text().splitlines()]


def json_of(folder):
    return json.loads((folder / "records.json").read_text())
