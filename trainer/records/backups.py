"""Rotating backups of a data folder, in ``DATA/backups/<time>[-reason]/``.

A backup is a copy of the records files (snapshot and journal) made into a
temporary folder and renamed into place, so a crash never leaves a half
backup with a real name. Kept: the newest ``KEEP_LAST``, plus the newest of
each of the last ``KEEP_DAYS`` days.
"""

from __future__ import annotations

import os
import re
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from trainer.records.files import JOURNAL, SNAPSHOT, CorruptFile, Loaded, load_files
from trainer.records.storage import fsync_dir

BACKUP_DIR = "backups"
KEEP_LAST = 10
KEEP_DAYS = 7
_NAME = re.compile(r"^(\d{8})-(\d{6})-(\d{6})(?:-[a-z0-9-]+)?$")


def backup_dir(folder: Path) -> Path:
    return Path(folder) / BACKUP_DIR


def _stamp(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S-%f")


def backup_time(path: Path) -> datetime | None:
    m = _NAME.match(Path(path).name)
    if not m:
        return None
    digits = "".join(m.groups())  # YYYYmmddHHMMSS + microseconds; read by hand (strptime is slow to load)
    try:
        return datetime(
            int(digits[0:4]),
            int(digits[4:6]),
            int(digits[6:8]),
            int(digits[8:10]),
            int(digits[10:12]),
            int(digits[12:14]),
            int(digits[14:].ljust(6, "0")[:6]),
            tzinfo=UTC,
        )
    except ValueError:
        return None


def list_backups(folder: Path) -> list[Path]:
    """Every backup folder, newest first."""
    root = backup_dir(folder)
    if not root.is_dir():
        return []
    found = [p for p in root.iterdir() if p.is_dir() and backup_time(p) is not None]
    return sorted(found, key=lambda p: p.name, reverse=True)


def make_backup(folder: Path, reason: str = "", durable: bool = True, now: datetime | None = None) -> Path | None:
    """Copy the records files into a new backup; None when there is nothing to copy."""
    folder = Path(folder)
    files = [folder / SNAPSHOT, folder / JOURNAL]
    files = [f for f in files if f.exists() and (f.name == SNAPSHOT or f.stat().st_size)]
    if not any(f.name == SNAPSHOT for f in files):
        return None
    root = backup_dir(folder)
    root.mkdir(exist_ok=True)
    name = _stamp(now) + (f"-{reason}" if reason else "")
    final = root / name
    n = 1
    while final.exists():
        final = root / f"{name}-{n}"
        n += 1
    tmp = root / f".partial-{final.name}"
    tmp.mkdir()
    try:
        for f in files:
            shutil.copyfile(f, tmp / f.name)
            if durable:
                with open(tmp / f.name, "rb") as fh:
                    os.fsync(fh.fileno())
        os.replace(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if durable:
        fsync_dir(root)
    rotate(folder, now=now)
    return final


def rotate(
    folder: Path, keep_last: int = KEEP_LAST, keep_days: int = KEEP_DAYS, now: datetime | None = None
) -> list[Path]:
    """Delete backups beyond the policy; return what was deleted."""
    backups = list_backups(folder)
    keep = set(backups[:keep_last])
    now = now or datetime.now(UTC)
    newest_of_day: dict[str, Path] = {}
    for path in backups:  # newest first: the first seen per day is its newest
        when = backup_time(path)
        if when and now - when <= timedelta(days=keep_days):
            newest_of_day.setdefault(when.strftime("%Y%m%d"), path)
    keep.update(newest_of_day.values())
    removed = [p for p in backups if p not in keep]
    for path in removed:
        shutil.rmtree(path, ignore_errors=True)
    for partial in backup_dir(folder).glob(".partial-*") if backup_dir(folder).is_dir() else []:
        shutil.rmtree(partial, ignore_errors=True)  # left by a crash during a backup
    return removed


def load_backup(path: Path) -> Loaded:
    loaded = load_files(Path(path) / SNAPSHOT, Path(path) / JOURNAL)
    if not loaded.snapshot_found:
        raise CorruptFile(Path(path) / SNAPSHOT, "the backup has no records file")
    return loaded


def newest_good_backup(folder: Path) -> tuple[Path, Loaded] | None:
    for path in list_backups(folder):
        try:
            loaded = load_backup(path)
        except (CorruptFile, OSError):
            continue
        if loaded.bad_line is None:
            return path, loaded
    return None


def same_as_newest(folder: Path) -> bool:
    """True when the newest backup already holds exactly the current files."""
    backups = list_backups(folder)
    if not backups:
        return False
    newest = backups[0]
    for name in (SNAPSHOT, JOURNAL):
        a, b = Path(folder) / name, newest / name
        a_bytes = a.read_bytes() if a.exists() else b""
        b_bytes = b.read_bytes() if b.exists() else b""
        if a_bytes != b_bytes:
            return False
    return True


def describe_time(when: datetime | None) -> str:
    if when is None:
        return "an unknown time"
    return when.astimezone().strftime("%d %B %Y at %H:%M")
