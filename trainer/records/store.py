"""The record store: every record a person makes goes through here.

Records are plain dicts in TinyDB tables ("kinds"). Each carries its own
``uid`` (a UUID, stable across files) and ``created``/``updated`` times,
because TinyDB's integer doc ids are not stable across exports.

The store is injected: the app opens it from a data folder, tests build it
on a temporary folder or in memory. Queries run on TinyDB in memory; every
write is first made durable on disk (see ``backend.py``: one fsynced journal
line per save, folded into ``records.json`` at open and close), and only
then applied in memory, so a failed write (full disk, read-only copy)
changes nothing and raises ``OSError``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB
from tinydb.storages import MemoryStorage

from trainer.records.backend import FileBackend, open_folder
from trainer.records.errors import ReadOnlyStoreError, StoreLockedError  # noqa: F401 (re-export)
from trainer.records.files import SNAPSHOT
from trainer.records.ids import new_uid
from trainer.records.lock import DataLock
from trainer.records.migrations import SCHEMA_VERSION, schema_of

RECORDS_FILE = SNAPSHOT


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class RecordStore:
    def __init__(
        self,
        db: TinyDB,
        clock: Callable[[], str] = utc_now,
        path: Path | None = None,
        backend: FileBackend | None = None,
        read_only: bool = False,
    ):
        self._db = db
        self._clock = clock
        self.path = path
        self._backend = backend
        self.read_only = read_only or bool(backend and backend.read_only)
        self.notices: list[str] = []  # plain-English news from opening, for the UI to show
        self.repaired = False  # a problem was found at open and put right
        self.damaged = False  # a problem was found at open that could not be put right
        self.migrated_from: list[int] = []
        self._closed = False
        self._uids: dict[str, dict[str, int]] = {}

    @property
    def folder(self) -> Path | None:
        return self.path.parent if self.path is not None else None

    @property
    def schema_version(self) -> int:
        return schema_of(self._db.storage.read() or {}) if self._backend else SCHEMA_VERSION

    def kinds(self) -> list[str]:
        return sorted(t for t in self._db.tables() if not t.startswith("_"))

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
        found = self._by_uid(kind, uid)
        return dict(found) if found is not None else None

    def _by_uid(self, kind: str, uid: str):
        """The TinyDB document with this uid, via an index (a scan of 10,000 takes ~25 ms)."""
        table = self._db.table(kind)
        index = self._uids.get(kind)
        if index is None:
            index = self._uids[kind] = {doc.get("uid"): doc.doc_id for doc in table.all()}
        doc_id = index.get(uid)
        doc = table.get(doc_id=doc_id) if doc_id is not None else None
        if doc is not None and doc.get("uid") == uid:
            return doc
        if kind in self._uids and doc_id is not None:  # stale entry: rebuild once
            del self._uids[kind]
            return self._by_uid(kind, uid)
        return None

    # -- writing ---------------------------------------------------------------
    def add(self, kind: str, record: dict) -> dict:
        now = self._clock()
        rec = dict(record)
        rec.setdefault("uid", new_uid())
        rec.setdefault("created", now)
        rec["updated"] = now
        if self._by_uid(kind, rec["uid"]) is not None:
            raise ValueError(f"a '{kind}' record with the uid {rec['uid']} already exists")
        self._write({"op": "put", "kind": kind, "rec": rec})
        doc_id = self._db.table(kind).insert(rec)
        if kind in self._uids:
            self._uids[kind][rec["uid"]] = doc_id
        self._written()
        return rec

    def upsert(self, kind: str, record: dict, **key: Any) -> dict:
        """Update the record matching ``key`` (or insert it), keeping its uid."""
        table = self._db.table(kind)
        existing = table.get(_matcher(key)) if key else None
        if existing is None:
            return self.add(kind, {**key, **record})
        rec = {**dict(existing), **record, "updated": self._clock()}
        self._write({"op": "put", "kind": kind, "rec": rec})
        table.update(rec, doc_ids=[existing.doc_id])
        self._written()
        return rec

    def update(self, kind: str, uid: str, changes: dict) -> dict | None:
        table = self._db.table(kind)
        existing = self._by_uid(kind, uid)
        if existing is None:
            return None
        rec = {**dict(existing), **changes, "updated": self._clock()}
        self._write({"op": "put", "kind": kind, "rec": rec})
        table.update(rec, doc_ids=[existing.doc_id])
        self._written()
        return rec

    def update_existing(self, kind: str, uid: str, changes: dict) -> dict:
        """``update`` for a record the caller knows is there: a missing one is a KeyError."""
        rec = self.update(kind, uid, changes)
        if rec is None:
            raise KeyError(f"no {kind} record {uid}")
        return rec

    def delete(self, kind: str, uid: str) -> bool:
        existing = self._by_uid(kind, uid)
        if existing is None:
            return False
        self._write({"op": "del", "kind": kind, "uid": uid})
        self._db.table(kind).remove(doc_ids=[existing.doc_id])
        self._uids.get(kind, {}).pop(uid, None)
        self._written()
        return True

    def delete_all(self, kind: str, **where: Any) -> int:
        """Delete every record of ``kind`` matching ``where`` in one durable step."""
        table = self._db.table(kind)
        found = table.search(_matcher(where)) if where else table.all()
        if not found:
            return 0
        if self.read_only:
            raise ReadOnlyStoreError()
        if self._closed:
            raise OSError(9, "the records are closed")
        if self._backend is not None:
            self._backend.append_many([{"op": "del", "kind": kind, "uid": d.get("uid")} for d in found])
        table.remove(doc_ids=[d.doc_id for d in found])
        self._uids.pop(kind, None)
        self._written()
        return len(found)

    # -- durability --------------------------------------------------------------
    def _write(self, op: dict) -> None:
        """Make ``op`` durable before memory changes; raises OSError if it cannot."""
        if self.read_only:
            raise ReadOnlyStoreError()
        if self._closed:
            raise OSError(9, "the records are closed")
        if self._backend is not None:
            self._backend.append(op)

    def _written(self) -> None:
        if self._backend is not None:
            self._backend.after_write(lambda: self._db.storage.read() or {})

    def backup(self, reason: str = "manual") -> Path | None:
        """Take a backup now (before a risky step); returns its folder."""
        if self._backend is None:
            return None
        return self._backend.backup(reason)

    def restore_backup(self, backup: Path) -> Path | None:
        """Replace every record with a backup's, after backing up the current ones.

        Returns the folder of the backup taken first. Raises ``StoreError``
        (e.g. a newer format) or ``OSError``; on failure nothing changes.
        """
        if self.read_only:
            raise ReadOnlyStoreError()
        if self._backend is None:
            raise OSError(2, "an in-memory store has no backups")
        data, before = self._backend.restore(Path(backup), self._clock())
        self._db = TinyDB(storage=MemoryStorage)
        self._db.storage.write(data)
        self._uids.clear()
        return before

    def flush(self) -> None:
        """Fold the journal into records.json now (the app also does it at close)."""
        if self._backend is not None and not self.read_only:
            self._backend.compact(self._db.storage.read() or {})

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._backend is not None:
            self._backend.close(self._db.storage.read() or {})
        self._db.close()

    # -- added for exports --
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


def open_store(
    data_dir: Path, *, read_only: bool = False, lock: DataLock | bool = False, clock: Callable[[], str] = utc_now
) -> RecordStore:
    """Open the records in ``data_dir``, repairing what can be repaired.

    ``lock=True`` takes the folder's single-writer lock (raising
    ``StoreLockedError`` when another copy holds it); pass a held
    ``DataLock`` to hand one over. The store releases it at ``close()``.
    ``read_only=True`` never changes a file; writes raise
    ``ReadOnlyStoreError``. A newer records format raises
    ``NewerSchemaError`` without touching anything. Read ``store.notices``.
    """
    data_dir = Path(data_dir)
    if not read_only:
        data_dir.mkdir(parents=True, exist_ok=True)
    held: DataLock | None = None
    if lock is True and not read_only:
        held = DataLock(data_dir).acquire()
    elif isinstance(lock, DataLock):
        held = lock
    try:
        opened = open_folder(data_dir, read_only, clock())
        backend = FileBackend(data_dir, opened.seq, read_only=read_only, lock=held)
        backend.start(opened.data, compact=opened.needs_compaction)
    except BaseException:
        if held is not None:
            held.release()
        raise
    db = TinyDB(storage=MemoryStorage)
    db.storage.write(opened.data)
    store = RecordStore(db, clock=clock, path=data_dir / RECORDS_FILE, backend=backend, read_only=read_only)
    store.notices = list(opened.notices)
    store.repaired, store.damaged = opened.repaired, opened.damaged
    store.migrated_from = opened.migrated_from
    return store


def read_on_disk(data_dir: Path) -> dict:
    """Every record saved on disk in ``data_dir`` ({kind: {doc_id: record}}), as the next
    open would see it: ``records.json`` plus the journal of saves since. Reads only;
    for tests and tools that check what really reached the disk."""
    from trainer.records.files import JOURNAL, load_files

    return load_files(Path(data_dir) / RECORDS_FILE, Path(data_dir) / JOURNAL).data


def memory_store(clock: Callable[[], str] = utc_now) -> RecordStore:
    return RecordStore(TinyDB(storage=MemoryStorage), clock=clock)
