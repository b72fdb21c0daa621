"""Backup and move: every record of a profile (or of all) as one JSON file.

The format is documented in ``docs/EXPORT_FORMAT.md``. ``restore`` merges a
backup into a store by record uid:

- a record the store does not have is added as it is;
- the same record with a newer ``updated`` time replaces the older one;
- the same uid and ``updated`` (compared as times) but different content is
  a conflict: the incoming record is kept as a copy with a new uid and
  ``conflict_of``;
- a record that fails its kind's schema (``trainer.records.schemas``) is
  never stored: it is set aside in the data folder's ``quarantine.json``;
- restoring the same file twice adds nothing the second time.

The whole file is checked before anything is written.
"""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from trainer import __version__
from trainer.records import attachments, safe_json
from trainer.records.quarantine import describe, set_aside
from trainer.records.schemas import split_valid

FORMAT = "practitioner-trainer-backup"
VERSION = 1
# Kinds with one record per natural key: a second record for the same key
# (made on the new computer before restoring) is merged, not duplicated.
NATURAL_KEYS = {
    "progress": ("profile", "module"),
    "profile_state": ("profile",),
    "review_card": ("profile", "card"),  # one schedule per question: the newer one wins
}
CONFLICT_NAMESPACE = uuid.UUID("6f1d8f52-3c1e-4f55-9d0a-2b7c1e9a4d31")


class BackupError(ValueError):
    """The file is not a backup this version can read (the message says why)."""


def _canonical(rec: dict) -> str:
    return json.dumps(rec, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def export_backup(store, profile_id: str | None = None, now: str | None = None) -> dict:
    """Everything of ``profile_id`` (or every record when None) as plain data."""
    records: dict[str, list[dict]] = {}
    for kind in store.kinds():
        found = store.all(kind) if profile_id is None else store.all(kind, profile=profile_id)
        if found:
            records[kind] = sorted((dict(r) for r in found), key=lambda r: (str(r.get("uid", "")), _canonical(r)))
    profiles = sorted({str(r["profile"]) for rs in records.values() for r in rs if isinstance(r.get("profile"), str)})
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": now or datetime.now(UTC).isoformat(timespec="seconds"),
        "app_version": __version__,
        "scope": "all profiles" if profile_id is None else "one profile",
        "profiles": profiles,
        "records": records,
        "attachments": _attachments_of(store, records),
    }


def _attachments_of(store, records: dict[str, list[dict]]) -> dict[str, str]:
    """{name: base64 bytes} of the files the records attach (a CPD certificate): a backup moves
    them with their records. A file missing from the folder is left out (its record still names it)."""
    out: dict[str, str] = {}
    for recs in records.values():
        for rec in recs:
            name = rec.get("certificate")
            data = attachments.read(store.folder, name) if isinstance(name, str) else None
            if isinstance(name, str) and data is not None:
                out[name] = base64.b64encode(data).decode("ascii")
    return dict(sorted(out.items()))


def _check_attachments(found, where: str) -> dict[str, bytes]:
    if found is None:
        return {}
    if not isinstance(found, dict):
        raise BackupError(f"{where}: field 'attachments' should be an object of file name -> base64 text")
    out = {}
    for name, text in found.items():
        try:
            data = base64.b64decode(text, validate=True) if isinstance(text, str) else None
        except (binascii.Error, ValueError):
            data = None
        if data is None:
            raise BackupError(f"{where}: attachments.{name} should be the file's bytes as base64 text")
        try:
            attachments.check(name, data, f"attachments.{name}")
        except attachments.AttachmentError as exc:
            raise BackupError(f"{where}: {exc}") from None
        out[name] = data
    return out


def backup_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def read_backup(path: Path) -> dict:
    """Read and check a backup file; BackupError names what is wrong."""
    path = Path(path)
    if not path.exists():
        raise BackupError(f"{path}: file not found")
    if not path.is_file():
        raise BackupError(f"{path}: is a folder, not a backup file")

    try:
        data = safe_json.loads(path.read_bytes(), max_depth=48)  # records nest 32 deep at most
    except OSError as exc:
        raise BackupError(f"{path}: cannot read the file ({exc.strerror or exc})") from None
    except safe_json.BadJson as exc:
        if "UTF-8" in exc.reason:
            raise BackupError(
                f"{path}: not a text file; expected a JSON backup made by 'trainer export --format json'"
            ) from None
        where = f"line {exc.line}: " if exc.line is not None else ""
        raise BackupError(f"{path}: {where}{exc.reason}") from None
    return check_backup(data, str(path))


def check_backup(data, where: str = "backup") -> dict:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BackupError(
            f"{where}: not a Practitioner Trainer backup (field 'format' should be "
            f"'{FORMAT}'; made with 'trainer export --format json')"
        )
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise BackupError(f"{where}: field 'version' should be a whole number, not {version!r}")
    if version > VERSION:
        raise BackupError(
            f"{where}: made by a newer version of Practitioner Trainer (format version "
            f"{version}); this version reads format version {VERSION}: please update"
        )
    records = data.get("records")
    if not isinstance(records, dict):
        raise BackupError(f"{where}: field 'records' should be an object of kind -> list of records")
    for kind, recs in records.items():
        if not isinstance(kind, str) or not kind or kind.startswith("_"):
            raise BackupError(f"{where}: records: '{kind}' is not a record kind name")
        if not isinstance(recs, list):
            raise BackupError(f"{where}: records.{kind} should be a list of records")
        seen: set[str] = set()
        for i, rec in enumerate(recs):
            at = f"{where}: records.{kind}[{i}]"
            if not isinstance(rec, dict):
                raise BackupError(f"{at} should be an object")
            uid = rec.get("uid")
            if not isinstance(uid, str) or not uid.strip():
                raise BackupError(f"{at}: field 'uid' should be a non-empty text id")
            if uid in seen:
                raise BackupError(f"{at}: uid '{uid}' appears twice in '{kind}'")
            seen.add(uid)
            for name in ("created", "updated"):
                if name in rec and not isinstance(rec[name], str):
                    raise BackupError(f"{at}: field '{name}' should be an ISO date-time text")
    _check_attachments(data.get("attachments"), where)
    return data


@dataclass
class RestoreReport:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    older_skipped: int = 0
    conflicts: int = 0
    kinds: list[str] = field(default_factory=list)
    quarantined: int = 0
    quarantine_file: Path | None = None

    def summary(self) -> str:
        parts = [f"{self.added} added", f"{self.replaced} updated", f"{self.unchanged} already there"]
        if self.older_skipped:
            parts.append(f"{self.older_skipped} older kept as they were")
        if self.conflicts:
            parts.append(f"{self.conflicts} kept as conflict copies")
        text = ", ".join(parts)
        if self.quarantined:
            text += ". " + describe(self.quarantined, self.quarantine_file).rstrip(".")
        return text


def _same_key(store, kind: str, rec: dict) -> dict | None:
    key = NATURAL_KEYS.get(kind)
    if not key or any(k not in rec for k in key):
        return None
    found = store.all(kind, **{k: rec[k] for k in key})
    return found[0] if found else None


def _when(text) -> datetime | None:
    """An ``updated`` time as a time (none: no time, or not one); naive times are UTC."""
    try:
        when = datetime.fromisoformat(str(text))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def conflict_uid(rec: dict) -> str:
    return str(uuid.uuid5(CONFLICT_NAMESPACE, _canonical(rec)))


def _replace(store, kind: str, old: dict, new: dict) -> None:
    store.replace(kind, old["uid"], new)  # one journal step: a full disk keeps the old one


def merge_progress(mine: dict, theirs: dict) -> dict:
    """Two computers' progress on the same module: done on either counts as done
    (the earliest date), reading position is the furthest; the backup's uid is kept."""
    older, newer = sorted((mine, theirs), key=lambda r: str(r.get("updated", "")))
    merged = {**older, **newer, "uid": theirs["uid"]}
    done_at = sorted(str(r["done_at"]) for r in (mine, theirs) if r.get("done") and r.get("done_at"))
    if mine.get("done") or theirs.get("done"):
        merged["done"] = True
        merged["done_at"] = done_at[0] if done_at else merged.get("done_at")
    positions = [r["position"] for r in (mine, theirs) if isinstance(r.get("position"), (int, float))]
    if positions:
        merged["position"] = max(positions)
    created = sorted(str(r["created"]) for r in (mine, theirs) if r.get("created"))
    if created:
        merged["created"] = created[0]
    return merged


def merge_record(store, kind: str, rec: dict, report: RestoreReport) -> None:
    existing = store.get(kind, rec["uid"]) or _same_key(store, kind, rec)
    if existing is None:
        store.import_record(kind, rec)
        report.added += 1
        return
    if kind == "progress" and existing["uid"] != rec["uid"]:
        merged = merge_progress(existing, rec)
        if _canonical(merged) == _canonical(existing):
            report.unchanged += 1
        else:
            _replace(store, kind, existing, merged)
            report.replaced += 1
        return
    if _canonical(existing) == _canonical(rec):
        report.unchanged += 1
        return
    mine, theirs = _when(existing.get("updated")), _when(rec.get("updated"))
    if mine and theirs and theirs > mine:
        _replace(store, kind, existing, rec)
        report.replaced += 1
    elif (mine and theirs and theirs < mine) or kind in NATURAL_KEYS:
        report.older_skipped += 1
    else:  # same time (or no telling which is newer), different content: keep both
        copy = {**rec, "uid": conflict_uid(rec), "conflict_of": rec["uid"]}
        if store.get(kind, copy["uid"]) is None:
            store.import_record(kind, copy)
            report.conflicts += 1
        else:
            report.unchanged += 1


def restore(store, data: dict) -> RestoreReport:
    """Merge a checked backup into ``store`` (see the module docstring)."""
    check_backup(data)
    report = RestoreReport(kinds=sorted(data["records"]))
    checked = {kind: split_valid(kind, [dict(r) for r in data["records"][kind]]) for kind in report.kinds}
    for kind, (_good, bad) in checked.items():  # set aside first: a failure here writes no record
        if bad and store.folder is not None:
            report.quarantine_file = set_aside(store.folder, kind, bad, "a backup file")
        report.quarantined += len(bad)
    files = _check_attachments(data.get("attachments"), "backup")
    if store.folder is not None:  # the files first: a record never names a file that is not there
        for name, blob in files.items():
            if attachments.path_of(store.folder, name) is None:
                attachments.save(store.folder, name, blob)
    with store.atomic():  # the whole restore is one durable step: all of it or none
        for kind, (good, _bad) in checked.items():
            for rec in good:
                merge_record(store, kind, rec, report)
    return report
