"""Files a person attaches to a record (a CPD certificate), kept in the data folder's
``attachments/`` under a name the app gives: ``<record uid>.<pdf|png|jpg>``.

The record holds the name; backups carry the bytes (see ``trainer/export/backup.py``), so a
certificate moves to a new computer with its record. Only names of that form are ever read or
written, so nothing from outside chooses a path."""

from __future__ import annotations

import re
from pathlib import Path

from trainer.records.storage import atomic_write_bytes

FOLDER = "attachments"
KINDS = {".pdf": "PDF", ".png": "PNG image", ".jpg": "JPEG image", ".jpeg": "JPEG image"}
MAX_BYTES = 5_000_000
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,80}\.(pdf|png|jpg|jpeg)$")
MAGIC = {".pdf": (b"%PDF",), ".png": (b"\x89PNG",), ".jpg": (b"\xff\xd8",), ".jpeg": (b"\xff\xd8",)}


class AttachmentError(ValueError):
    """A file that cannot be attached; the text is one plain line for people."""


def check(name: str, data: bytes, where: str = "the file") -> None:
    """Raise AttachmentError unless ``data`` is a PDF or image of a sane size under a safe name."""
    suffix = Path(name).suffix.lower()
    if not NAME.match(name):
        raise AttachmentError(f"{where}: an attachment name must look like <uid>.pdf, not {name!r}")
    if len(data) > MAX_BYTES:
        raise AttachmentError(f"{where} is {len(data) / 1e6:.1f} MB; a certificate may be 5 MB at most")
    if not data.startswith(MAGIC[suffix]):
        raise AttachmentError(f"{where} is not a {KINDS[suffix]} (its first bytes do not say so)")


def attach(folder: Path, uid: str, source: Path) -> str:
    """Copy ``source`` into the data folder for record ``uid``; returns the name to keep."""
    source = Path(source)
    suffix = source.suffix.lower()
    if suffix not in KINDS:
        raise AttachmentError(f"{source.name}: attach a PDF, PNG or JPEG file")
    try:
        if source.stat().st_size > MAX_BYTES:
            raise AttachmentError(f"{source.name} is larger than 5 MB; attach a smaller copy")
        data = source.read_bytes()
    except OSError as exc:
        raise AttachmentError(f"{source.name}: could not be read ({exc.strerror or exc})") from None
    name = f"{uid}{'.jpg' if suffix == '.jpeg' else suffix}"
    check(name, data, source.name)
    save(folder, name, data)
    return name


def save(folder: Path, name: str, data: bytes) -> None:
    check(name, data)
    target = Path(folder) / FOLDER
    target.mkdir(exist_ok=True)
    atomic_write_bytes(target / name, data)


def path_of(folder: Path | None, name: str) -> Path | None:
    """Where an attachment is, when it is there."""
    if folder is None or not NAME.match(name or ""):
        return None
    path = Path(folder) / FOLDER / name
    return path if path.is_file() else None


def read(folder: Path | None, name: str) -> bytes | None:
    path = path_of(folder, name)
    try:
        return path.read_bytes() if path is not None else None
    except OSError:
        return None
