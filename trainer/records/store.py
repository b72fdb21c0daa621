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

import copy
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB
from tinydb.storages import MemoryStorage

from trainer.records.backend import FileBackend, open_folder
from trainer.records.errors import (  # noqa: F401 (re-export)
    FolderNotWritableError,
    ReadOnlyStoreError,
    StoreConflictError,
    StoreLockedError,
    not_writable_message,
)
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
        self._uids: dict[str, dict[Any, int]] = {}  # uid -> TinyDB doc id, per kind
        self._pending: list[dict] | None = None  # journal ops of an open atomic() step
        self._saved: dict[str, dict | None] = {}  # tables as they were before it

    @property
    def folder(self) -> Path | None:
        return self.path.parent if self.path is not None else None

    @property
    def closed(self) -> bool:
        """Closed (the app is quitting or switching profile): nothing more is saved."""
        return self._closed

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
        doc_id = self._insert(kind, rec)
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
        self._put_doc(kind, existing.doc_id, rec)
        self._written()
        return rec

    def update(self, kind: str, uid: str, changes: dict) -> dict | None:
        existing = self._by_uid(kind, uid)
        if existing is None:
            return None
        rec = {**dict(existing), **changes, "updated": self._clock()}
        self._write({"op": "put", "kind": kind, "rec": rec})
        self._put_doc(kind, existing.doc_id, rec)
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
        self._remove_doc(kind, existing.doc_id)
        self._uids.get(kind, {}).pop(uid, None)
        self._written()
        return True

    def delete_all(self, kind: str, **where: Any) -> int:
        """Delete every record of ``kind`` matching ``where`` in one durable step."""
        table = self._db.table(kind)
        found = table.search(_matcher(where)) if where else table.all()
        if not found:
            return 0
        self._write_many([{"op": "del", "kind": kind, "uid": d.get("uid")} for d in found], kind)
        table.remove(doc_ids=[d.doc_id for d in found])
        self._uids.pop(kind, None)
        self._written()
        return len(found)

    def replace(self, kind: str, old_uid: str, record: dict) -> dict:
        """Swap the record ``old_uid`` for ``record`` (kept as it is: uid and times) in one
        durable step: a failed write (full disk) leaves the old record, never neither."""
        with self.atomic():
            self.delete(kind, old_uid)
            return self.import_record(kind, record)

    def add_many(self, kind: str, records: list[dict]) -> list[dict]:
        """Add records as they are (uid and times kept) in one durable step, in time linear
        in their number (TinyDB copies a whole table on each single insert)."""
        recs = [dict(r) for r in records]
        index = self._uids.get(kind) or {doc.get("uid"): doc.doc_id for doc in self._db.table(kind).all()}
        now = self._clock()
        seen: set = set()
        for rec in recs:
            rec.setdefault("uid", new_uid())
            rec.setdefault("created", now)
            rec.setdefault("updated", now)
            if not isinstance(rec["uid"], str) or not rec["uid"]:
                raise ValueError(f"a '{kind}' record needs a text uid, not {rec['uid']!r}")
            if rec["uid"] in index or rec["uid"] in seen:
                raise ValueError(f"a '{kind}' record with the uid {rec['uid']} already exists")
            seen.add(rec["uid"])
        if not recs:
            return []
        self._write_many([{"op": "put", "kind": kind, "rec": rec} for rec in recs], kind)
        self._db.table(kind).insert_multiple(recs)
        self._uids.pop(kind, None)
        self._written()
        return recs

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """Make every write inside one durable step (one journal write): all or none.

        Memory changes at once (reads inside see them); the journal is written at the
        end; if that fails, or the block raises, memory goes back as it was.
        """
        if self._pending is not None:  # nested: the outer step writes (or undoes) it all
            yield
            return
        self._pending, self._saved = [], {}
        try:
            yield
            ops, self._pending = self._pending, None
            if ops and self._backend is not None:
                self._backend.append_many(ops)
        except BaseException:
            self._rollback()
            raise
        finally:
            self._pending, self._saved = None, {}
        self._written()

    def _rollback(self) -> None:
        raw = self._db.storage.read() or {}
        for kind, table in self._saved.items():
            if table is None:
                raw.pop(kind, None)
            else:
                raw[kind] = table
            self._db.table(kind).clear_cache()
        self._db.storage.write(raw)
        self._uids.clear()

    # -- memory ------------------------------------------------------------------
    # TinyDB copies a whole table on every insert, update or remove; on the plain
    # in-memory storage the store changes the one document in place instead, so a
    # save costs the same however many records there are (a restore is linear).
    def _tables(self) -> dict | None:
        storage = self._db.storage
        if type(storage) is not MemoryStorage:
            return None  # e.g. a test's storage that fails on write: go through TinyDB
        if storage.memory is None:
            storage.write({})
        return storage.memory

    def _insert(self, kind: str, rec: dict) -> int:
        table, tables = self._db.table(kind), self._tables()
        if tables is None:
            return table.insert(rec)
        doc_id = table._get_next_id()
        tables.setdefault(kind, {})[str(doc_id)] = dict(rec)  # a copy, as TinyDB keeps
        table.clear_cache()
        return doc_id

    def _put_doc(self, kind: str, doc_id: int, rec: dict) -> None:
        table, tables = self._db.table(kind), self._tables()
        if tables is None:
            table.update(rec, doc_ids=[doc_id])
            return
        tables[kind][str(doc_id)] = dict(rec)
        table.clear_cache()

    def _remove_doc(self, kind: str, doc_id: int) -> None:
        table, tables = self._db.table(kind), self._tables()
        if tables is None:
            table.remove(doc_ids=[doc_id])
            return
        tables[kind].pop(str(doc_id), None)
        table.clear_cache()

    # -- durability --------------------------------------------------------------
    def _write(self, op: dict) -> None:
        """Make ``op`` durable before memory changes; raises OSError if it cannot."""
        self._write_many([op], op["kind"])

    def _write_many(self, ops: list[dict], kind: str) -> None:
        if self.read_only:
            raise ReadOnlyStoreError()
        if self._closed:
            raise OSError(9, "the records are closed")
        if self._pending is not None:  # inside atomic(): written at its end
            if kind not in self._saved:
                raw = self._db.storage.read() or {}
                self._saved[kind] = copy.deepcopy(raw[kind]) if kind in raw else None
            self._pending.extend(ops)
        elif self._backend is not None:
            self._backend.append_many(ops)

    def _written(self) -> None:
        if self._backend is not None and self._pending is None:
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
        self.notices.extend(self._backend.restore_notices)
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
    held: DataLock | None = None
    try:
        if not read_only:
            data_dir.mkdir(parents=True, exist_ok=True)
        if lock is True and not read_only:
            held = DataLock(data_dir).acquire()
        elif isinstance(lock, DataLock):
            held = lock
        opened = open_folder(data_dir, read_only, clock())
        backend = FileBackend(data_dir, opened.seq, read_only=read_only, lock=held)
        backend.start(opened.data, compact=opened.needs_compaction)
    except BaseException as exc:
        if held is not None:
            held.release()
        if isinstance(exc, OSError) and not isinstance(exc, StoreConflictError):
            raise FolderNotWritableError(not_writable_message(data_dir, exc)) from None
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
