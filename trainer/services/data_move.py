"""Move the data folder somewhere else, safely. Qt-free.

"Move" is a verified copy: every file is copied to a new, empty folder; the
copy is opened read-only and its records counted against the original; only
then is the new place written to a small per-user pointer file (read by
``trainer.paths.default_data_dir``). The old folder is never changed, so
nothing is lost if anything goes wrong; the person deletes it when happy.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from trainer.domain.errors import reason
from trainer.paths import location_file
from trainer.records.lock import LOCK_FILE
from trainer.records.store import open_store

SKIP = {LOCK_FILE}  # belongs to the running copy of the app, not to the data


class MoveError(Exception):
    """The move could not be done; the message says why in plain words."""


@dataclass(frozen=True)
class MoveResult:
    old: Path
    new: Path
    records: int
    files: int

    def message(self) -> str:
        return (
            f"Your data was copied to {self.new} ({self.records} records, {self.files} files) "
            f"and checked. The app will use it from the next start. Your old folder, {self.old}, "
            "has not been changed: delete it yourself once you are happy."
        )


def count_records(folder: Path) -> dict[str, int]:
    """{kind: number of records} as a fresh read-only open of ``folder`` sees them."""
    store = open_store(Path(folder), read_only=True)
    try:
        return {kind: len(store.all(kind)) for kind in store.kinds()}
    finally:
        store.close()


def check_target(old: Path, new: Path) -> None:
    old, new = Path(old).resolve(), Path(new).expanduser().resolve()
    if new == old:
        raise MoveError("That is the folder your data is in already.")
    if new.is_relative_to(old):
        raise MoveError("Choose a folder outside the current data folder.")
    if old.is_relative_to(new):
        raise MoveError("Choose a new, empty folder, not one that holds the current data folder.")
    if new.exists() and not new.is_dir():
        raise MoveError(f"{new} is a file, not a folder.")
    if new.exists() and any(new.iterdir()):
        raise MoveError(f"{new} is not empty. Choose a new, empty folder.")


def _copy(old: Path, new: Path) -> int:
    files = 0
    new.mkdir(parents=True, exist_ok=True)
    for item in sorted(old.iterdir()):
        if item.name in SKIP:
            continue
        target = new / item.name
        if item.is_dir():
            shutil.copytree(item, target)
            files += sum(1 for p in target.rglob("*") if p.is_file())
        else:
            shutil.copy2(item, target)
            files += 1
    return files


def _remove_copy(new: Path, made: bool) -> None:
    for item in list(new.iterdir()) if new.exists() else []:
        if item.is_dir():
            shutil.rmtree(item, ignore_errors=True)
        else:
            item.unlink(missing_ok=True)
    if made:
        try:
            new.rmdir()
        except OSError:
            pass


def move_data(old: Path, new: Path, pointer: Path | None = None) -> MoveResult:
    """Copy ``old`` into the empty folder ``new``, verify, and point the app at it."""
    old, new = Path(old).resolve(), Path(new).expanduser().resolve()
    if not old.is_dir():
        raise MoveError(f"The current data folder {old} cannot be found.")
    check_target(old, new)
    made = not new.exists()
    try:
        expected = count_records(old)
        files = _copy(old, new)
        found = count_records(new)
    except OSError as exc:
        _remove_copy(new, made)
        raise MoveError(
            f"Could not copy your data to {new}: {reason(exc)}. Nothing was changed; your data is still in {old}."
        ) from exc
    except Exception as exc:
        _remove_copy(new, made)
        raise MoveError(
            f"The copy in {new} could not be checked ({exc}). It was removed; your data is still in {old}."
        ) from exc
    if found != expected:
        _remove_copy(new, made)
        raise MoveError(
            f"The copy in {new} did not match the original, so it was removed. Your data is still in {old}."
        )
    write_location(new, pointer)
    return MoveResult(old, new, sum(expected.values()), files)


def write_location(folder: Path, pointer: Path | None = None) -> Path:
    """Record ``folder`` as the data folder for future starts (atomically)."""
    pointer = Path(pointer) if pointer is not None else location_file()
    pointer.parent.mkdir(parents=True, exist_ok=True)
    tmp = pointer.with_name(pointer.name + ".tmp")
    tmp.write_text(str(Path(folder).resolve()) + "\n", encoding="utf-8")
    tmp.replace(pointer)
    return pointer
