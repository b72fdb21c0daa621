"""The files of a data folder: a snapshot plus an append-only journal.

``records.json`` is a TinyDB-format snapshot (``{kind: {doc_id: record}}``)
that is only ever replaced whole and atomically. Every save appends one JSON
line to ``records.journal`` and fsyncs it, so a save costs the same small
amount however many records there are. At open and at close the journal is
folded into a new snapshot ("compaction") and emptied.

Journal lines carry a sequence number; the snapshot remembers the last one it
contains (``_meta`` doc ``seq``), so a crash between writing the snapshot and
emptying the journal replays nothing twice. Lines are whole records keyed by
``uid``, so replaying is idempotent. A torn last line (a crash during the
append, before the save returned) is dropped; a bad line anywhere else means
the journal is damaged.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from trainer.domain.plain import field, plain
from trainer.records import safe_json

SNAPSHOT = "records.json"
JOURNAL = "records.journal"
META = "_meta"
META_ID = "1"


class CorruptFile(Exception):
    def __init__(self, path: Path, reason: str, detail: str = ""):
        super().__init__(f"{path}: {reason}" + (f" ({detail})" if detail else ""))
        self.path = Path(path)
        self.reason = reason  # plain words for the person
        self.detail = detail  # the parser's words, for ``trainer doctor``


@plain
class Loaded:
    data: dict
    seq: int = 0
    journal_ops: int = 0
    torn_tail: bool = False
    bad_line: int | None = None  # first damaged journal line, if any
    snapshot_found: bool = True
    journal_found: bool = False
    problems: list[str] = field(default_factory=list)


def meta_of(data: dict) -> dict:
    table = data.get(META) or {}
    doc = table.get(META_ID) if isinstance(table, dict) else None
    return doc if isinstance(doc, dict) else {}


def parse_snapshot(path: Path, raw: bytes) -> dict:
    if not raw.strip():
        raise CorruptFile(path, "the file is empty")
    try:
        data = safe_json.loads(raw, allow_nan=True)  # a NaN record is set aside, not the file
    except safe_json.BadJson as exc:
        if "UTF-8" in exc.reason:
            raise CorruptFile(path, "the file is not text") from None
        raise CorruptFile(path, "it is cut short or damaged", exc.reason) from None
    if not isinstance(data, dict):
        raise CorruptFile(path, "it does not hold a set of record tables")
    for kind, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(d, dict) for d in table.values()):
            raise CorruptFile(path, f"the table '{kind}' is not a set of records")
        if not all(k.isdigit() and k.isascii() for k in table):
            raise CorruptFile(path, f"the table '{kind}' has a record without a number")
    return data


def encode_snapshot(data: dict, seq: int) -> bytes:
    meta = dict(meta_of(data))
    meta["seq"] = seq
    out = dict(data)
    out[META] = {META_ID: meta}
    return json.dumps(out, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def encode_op(op: dict) -> bytes:
    return (json.dumps(op, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def read_journal(path: Path) -> tuple[list[dict], bool, int | None]:
    """Return (ops, torn_tail, first_bad_line_number)."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        return [], False, None
    lines = raw.split(b"\n")
    ops: list[dict] = []
    last = len(lines) - 1
    for number, line in enumerate(lines):
        if not line.strip():
            continue
        try:
            op = safe_json.loads(line, allow_nan=True)
            ok = _usable_op(op)
        except ValueError:
            ok = False
        if not ok:
            if number == last:  # no newline after it: the append never finished
                return ops, True, None
            return ops, False, number + 1
        ops.append(op)
    return ops, False, None


def _usable_op(op) -> bool:
    """A journal line this version can replay: anything else is a damaged line."""
    if not isinstance(op, dict) or type(op.get("seq")) is not int or op.get("op") not in ("put", "del"):
        return False
    kind = op.get("kind")
    if not isinstance(kind, str) or not kind or kind.startswith("_"):
        return False
    if op["op"] == "put":
        rec = op.get("rec")
        return isinstance(rec, dict) and isinstance(rec.get("uid"), str) and bool(rec["uid"])
    return isinstance(op.get("uid"), str)


def apply_ops(data: dict, ops: list[dict], after_seq: int) -> tuple[int, int]:
    """Apply journal ops newer than ``after_seq`` to raw TinyDB data."""
    index: dict[str, dict[Any, str]] = {}  # uid -> doc id; a damaged op may carry any uid
    next_id: dict[str, int] = {}
    applied = 0
    seq = after_seq
    for op in ops:
        if op["seq"] <= after_seq:
            continue
        kind = str(op.get("kind"))
        table = data.setdefault(kind, {})
        if kind not in index:
            index[kind] = {doc["uid"]: doc_id for doc_id, doc in table.items() if isinstance(doc.get("uid"), str)}
            next_id[kind] = max((int(k) for k in table if k.isdigit()), default=0) + 1
        uids = index[kind]
        if op["op"] == "put":
            rec = op.get("rec") or {}
            doc_id = uids.get(rec.get("uid"))
            if doc_id is None:
                doc_id = str(next_id[kind])
                next_id[kind] += 1
                uids[rec.get("uid")] = doc_id
            table[doc_id] = rec
        else:
            doc_id = uids.pop(op.get("uid"), None)
            if doc_id is not None:
                table.pop(doc_id, None)
        seq = max(seq, op["seq"])
        applied += 1
    return seq, applied


def load_files(snapshot: Path, journal: Path) -> Loaded:
    """Read a snapshot and replay its journal. Raises CorruptFile for the snapshot."""
    try:
        raw = Path(snapshot).read_bytes()
        data = parse_snapshot(snapshot, raw)
        found = True
    except FileNotFoundError:
        data, found = {}, False
    seq = int(meta_of(data).get("seq", 0) or 0)
    ops, torn, bad = read_journal(journal)
    new_seq, applied = apply_ops(data, ops, seq)
    return Loaded(data, new_seq, applied, torn, bad, found, Path(journal).exists())


def file_id(path: Path) -> tuple | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)
