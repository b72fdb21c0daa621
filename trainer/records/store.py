"""The record store: every record a person makes goes through here.

Records are plain dicts in TinyDB tables ("kinds"). Each carries its own
``uid`` (a UUID, stable across files) and ``created``/``updated`` times,
because TinyDB's integer doc ids are not stable across exports.

The store is injected: the app opens it from a data folder, tests build it
on a temporary folder or in memory.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from tinydb import Query, TinyDB
from tinydb.storages import MemoryStorage

from trainer.records.storage import AtomicJSONStorage

RECORDS_FILE = "records.json"


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class RecordStore:
    def __init__(self, db: TinyDB, clock: Callable[[], str] = utc_now, path: Path | None = None):
        self._db = db
        self._clock = clock
        self.path = path

    def now(self) -> str:
        return self._clock()

    # -- reading ---------------------------------------------------------------
    def all(self, kind: str, **where: Any) -> list[dict]:
        table = self._db.table(kind)
        if not where:
            return [dict(r) for r in table.all()]
        return [dict(r) for r in table.search(_matcher(where))]

    def find_one(self, kind: str, **where: Any) -> dict | None:
        found = self._db.table(kind).get(_matcher(where))
        return dict(found) if found is not None else None

    def get(self, kind: str, uid: str) -> dict | None:
        return self.find_one(kind, uid=uid)

    # -- writing ---------------------------------------------------------------
    def add(self, kind: str, record: dict) -> dict:
        now = self._clock()
        rec = dict(record)
        rec.setdefault("uid", str(uuid.uuid4()))
        rec.setdefault("created", now)
        rec["updated"] = now
        self._db.table(kind).insert(rec)
        return rec

    def upsert(self, kind: str, record: dict, **key: Any) -> dict:
        """Update the record matching ``key`` (or insert it), keeping its uid."""
        table = self._db.table(kind)
        existing = table.get(_matcher(key)) if key else None
        if existing is None:
            return self.add(kind, {**key, **record})
        rec = {**dict(existing), **record, "updated": self._clock()}
        table.update(rec, doc_ids=[existing.doc_id])
        return rec

    def update(self, kind: str, uid: str, changes: dict) -> dict | None:
        table = self._db.table(kind)
        existing = table.get(Query().uid == uid)
        if existing is None:
            return None
        rec = {**dict(existing), **changes, "updated": self._clock()}
        table.update(rec, doc_ids=[existing.doc_id])
        return rec

    def delete(self, kind: str, uid: str) -> bool:
        return bool(self._db.table(kind).remove(Query().uid == uid))

    def close(self) -> None:
        self._db.close()

    # -- added for exports --
    def kinds(self) -> list[str]:
        """Every kind (table) that holds records, sorted ('_' tables are the store's own)."""
        return sorted(t for t in self._db.tables() if not t.startswith("_"))

    def import_record(self, kind: str, record: dict) -> dict:
        """Insert ``record`` as it is: its uid, created and updated times are kept.

        Goes through ``add`` (so whatever ``add`` does to make a write safe
        still happens), with the clock showing the record's own ``updated``.
        """
        rec = dict(record)
        clock = self._clock
        self._clock = lambda: rec.get("updated") or clock()
        try:
            return self.add(kind, rec)
        finally:
            self._clock = clock


def _matcher(where: dict):
    q = Query()
    cond = None
    for field, value in where.items():
        part = q[field] == value
        cond = part if cond is None else (cond & part)
    return cond


def open_store(data_dir: Path) -> RecordStore:
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / RECORDS_FILE
    db = TinyDB(path, storage=AtomicJSONStorage)
    return RecordStore(db, path=path)


def memory_store(clock: Callable[[], str] = utc_now) -> RecordStore:
    return RecordStore(TinyDB(storage=MemoryStorage), clock=clock)
