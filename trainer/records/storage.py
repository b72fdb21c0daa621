"""A TinyDB storage that never leaves a half-written file.

TinyDB's stock JSONStorage truncates and rewrites the file in place. Here
every write goes to a temporary file in the same folder, is flushed and
fsynced, then atomically replaces the old file; the folder is fsynced so
the rename itself survives a power cut.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from tinydb.storages import Storage


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a reader sees the old or the new file."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    fsync_dir(path.parent)


class AtomicJSONStorage(Storage):
    def __init__(self, path: str | os.PathLike, **_: Any):
        self.path = Path(path)

    def read(self) -> dict | None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        if not raw.strip():
            return None
        return json.loads(raw.decode("utf-8"))

    def write(self, data: dict) -> None:
        text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
        atomic_write_bytes(self.path, text.encode("utf-8"))

    def close(self) -> None:
        pass
