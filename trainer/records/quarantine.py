"""Records the app cannot use, kept where the person can see them.

A record that fails its kind's schema (``schemas.py``), whether it came from
a backup, a feedback bundle or the data folder itself, is never put into the
store; it is added to ``DATA/quarantine.json`` with where it came from and
why, and the command or window says how many were set aside. Nothing is
deleted: someone technical can mend a record there and restore it.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from trainer.records.storage import atomic_write_bytes

QUARANTINE = "quarantine.json"
FORMAT = "practitioner-trainer-quarantine"


def quarantine_path(folder: Path) -> Path:
    return Path(folder) / QUARANTINE


def _read(path: Path) -> list:
    try:
        data = json.loads(path.read_text(encoding="utf-8").removeprefix("\ufeff"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError, RecursionError):
        return None  # type: ignore[return-value]  # unreadable: never overwrite it
    items = data.get("records") if isinstance(data, dict) else None
    return items if isinstance(items, list) else None  # type: ignore[return-value]


def count(folder: Path) -> int:
    """How many records are in the folder's quarantine (0 when none or unreadable)."""
    return len(_read(quarantine_path(folder)) or [])


def _key(kind: Any, record: Any) -> str:
    try:
        return json.dumps([kind, record], sort_keys=True, default=str)
    except (RecursionError, ValueError):
        return f"{kind}:{id(record)}"


def _storable(record: Any) -> Any:
    try:
        json.dumps(record, default=str)
    except (RecursionError, ValueError):
        return "(this record is nested too deeply to keep)"
    return record


def set_aside(folder: Path, kind: str, bad: list[tuple[Any, str]], source: str) -> Path:
    """Add ``bad`` ([(record, why)...]) of ``kind`` to the quarantine; return its file.

    Raises OSError when it cannot be written: then the caller must not drop them.
    """
    path = quarantine_path(folder)
    items = _read(path)
    if items is None:  # a damaged quarantine file is kept; start another beside it
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
        path = path.with_name(f"quarantine-{stamp}.json")
        items = []
    when = datetime.now(UTC).isoformat(timespec="seconds")
    held = {_key(i.get("kind"), i.get("record")) for i in items if isinstance(i, dict)}
    fresh = [(rec, why) for rec, why in bad if _key(kind, rec) not in held]  # e.g. after a crash
    if not fresh and path.exists():
        return path
    items.extend(
        {"kind": kind, "source": source, "why": why, "when": when, "record": _storable(rec)} for rec, why in fresh
    )
    text = json.dumps({"format": FORMAT, "records": items}, ensure_ascii=False, indent=1, default=str)
    atomic_write_bytes(path, (text + "\n").encode("utf-8"))
    return path


def describe(n: int, path: Path | None) -> str:
    """One plain line for the command or window."""
    what = f"{n} record{'s' if n != 1 else ''} could not be used"
    if path is None:
        return f"{what} and {'were' if n != 1 else 'was'} left out."
    return f"{what} and {'were' if n != 1 else 'was'} set aside in {path} (nothing was deleted)."
