"""Opening a data folder safely, and writing to it: used by ``open_store``.

``open_folder`` reads the snapshot and journal, sets aside a file that will
not parse (never overwriting it), restores the newest good backup, migrates
old layouts (after a backup) and refuses newer ones. ``FileBackend`` then
appends each save to the journal (fsynced before the save returns), takes a
backup now and then, and folds the journal into the snapshot at close.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from trainer.domain.plain import field, plain
from trainer.records import backups as bk
from trainer.records.errors import ReadOnlyStoreError, StoreConflictError
from trainer.records.files import (
    JOURNAL,
    META,
    SNAPSHOT,
    CorruptFile,
    apply_ops,
    encode_op,
    encode_snapshot,
    file_id,
    load_files,
    read_journal,
)
from trainer.records.lock import DataLock
from trainer.records.migrations import check_not_newer, migrate, new_data
from trainer.records.storage import atomic_write_bytes

BACKUP_EVERY_SECONDS = 10 * 60  # at most one backup per this many seconds of writing
JOURNAL_LIMIT = 16 * 1024 * 1024  # fold a journal this big into records.json (rare: days of saves)


@plain
class Opened:
    data: dict
    seq: int
    notices: list[str] = field(default_factory=list)
    repaired: bool = False  # something was wrong and was put right
    damaged: bool = False  # something was wrong and could not be put right
    migrated_from: list[int] = field(default_factory=list)
    needs_compaction: bool = False


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S")


def _aside(path: Path, read_only: bool) -> Path:
    """Move a damaged file to ``<stem>.corrupt-<time><suffix>``; never overwrite it."""
    target = path.with_name(f"{path.stem}.corrupt-{_stamp()}{path.suffix}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.stem}.corrupt-{_stamp()}-{n}{path.suffix}")
        n += 1
    if not read_only:
        os.replace(path, target)
    return target


def open_folder(folder: Path, read_only: bool, now: str) -> Opened:
    folder = Path(folder)
    snapshot, journal = folder / SNAPSHOT, folder / JOURNAL
    notices: list[str] = []
    try:
        loaded = load_files(snapshot, journal)
        check_not_newer(loaded.data)
        opened = Opened(loaded.data, loaded.seq)
        opened.needs_compaction = bool(loaded.journal_ops or loaded.torn_tail or not loaded.snapshot_found)
    except CorruptFile as bad:
        opened = _restore(folder, bad, read_only)
        loaded = None
    if loaded is not None and loaded.bad_line is not None:
        kept = journal.with_name(f"records.journal.corrupt-{_stamp()}")
        if not read_only:
            shutil.copyfile(journal, kept)
        notices.append(
            f"Part of your recent changes could not be read (line {loaded.bad_line} of "
            f"{journal.name} is damaged). Everything before that point was kept. "
            + (f"A copy of the damaged file is at {kept}." if not read_only else "")
        )
        opened.repaired = True
        opened.needs_compaction = True
    opened.notices[:0] = notices
    data, steps = migrate(opened.data, now) if opened.data else (new_data(), [])
    if steps and not read_only and snapshot.exists():
        bk.make_backup(folder, reason=f"before-migration-v{steps[0]}")
    opened.data, opened.migrated_from = data, steps
    opened.needs_compaction = opened.needs_compaction or bool(steps) or not snapshot.exists()
    _set_aside_invalid(folder, opened, read_only)
    return opened


def _set_aside_invalid(folder: Path, opened: Opened, read_only: bool) -> None:
    """Take records the app cannot use out of ``opened.data``, into the quarantine file
    (read-only: out of memory only). Raises OSError when they cannot be kept."""
    from trainer.records.quarantine import describe, set_aside
    from trainer.records.record_check import problem

    found, path = 0, None
    for kind, table in opened.data.items():
        if kind == META:
            continue
        bad = [(doc_id, rec, why) for doc_id, rec in table.items() if (why := problem(kind, rec)) is not None]
        if not bad:
            continue
        if not read_only:
            path = set_aside(folder, kind, [(rec, why) for _i, rec, why in bad], "the data folder")
        for doc_id, _rec, _why in bad:
            del table[doc_id]
        found += len(bad)
    if found:
        opened.notices.append(describe(found, path))
        opened.needs_compaction = True
        opened.repaired = opened.repaired or not read_only


def _restore(folder: Path, bad: CorruptFile, read_only: bool) -> Opened:
    kept = _aside(bad.path, read_only)
    journal = folder / JOURNAL
    found = bk.newest_good_backup(folder)
    where = f"It has been kept, unchanged, at:\n{kept}" if not read_only else f"It is at:\n{bad.path}"
    head = (
        f"Your records file could not be read ({bad.reason}). This can happen after a "
        f"crash, a power cut or a full disk. {where}\n\n"
    )
    if found is None:
        text = head + (
            "No backup could be found, so the app starts with empty records. "
            "Please keep the damaged file: someone technical may be able to "
            "recover it."
        )
        opened = Opened(new_data(), 0, [text], damaged=True, needs_compaction=True)
        return opened
    path, loaded = found
    # Saves made after that backup may still be in the journal: replay them.
    ops, _torn, _bad = read_journal(journal)
    seq, applied = apply_ops(loaded.data, ops, loaded.seq)
    check_not_newer(loaded.data)
    text = head + (
        f"Your records were restored from the backup made on "
        f"{bk.describe_time(bk.backup_time(path))}"
        + (f", plus {applied} later change{'s' if applied != 1 else ''}" if applied else "")
        + ". Anything saved between that backup and the damage may be missing."
    )
    return Opened(loaded.data, seq, [text], repaired=True, needs_compaction=True)


def _probe_writable(folder: Path) -> None:
    """Raise OSError unless a new file can be made in ``folder`` (snapshots and backups are)."""
    fd, tmp = tempfile.mkstemp(prefix=".write-test.", dir=folder)
    os.close(fd)
    os.unlink(tmp)


class FileBackend:
    """Writes for one open data folder. Not thread-safe: the UI thread owns it."""

    def __init__(
        self,
        folder: Path,
        seq: int,
        read_only: bool = False,
        lock: DataLock | None = None,
        clock: Callable[[], float] = time.monotonic,
        backup_every: float = BACKUP_EVERY_SECONDS,
    ):
        self.folder = Path(folder)
        self.snapshot = self.folder / SNAPSHOT
        self.journal = self.folder / JOURNAL
        self.read_only = read_only
        self.lock = lock
        self.seq = seq
        self._clock = clock
        self.backup_every = backup_every
        self._last_backup = clock()
        self._fd: int | None = None
        self._ids: tuple | None = None
        self.dirty = False
        self.broken: str | None = None
        self.restore_notices: list[str] = []  # from the last restore: records set aside

    # -- set-up ------------------------------------------------------------------
    def start(self, data: dict, compact: bool) -> None:
        if self.read_only:
            return
        _probe_writable(self.folder)  # else saves would pile up in the journal, never folded in
        if compact:
            self.compact(data)
        else:
            self._open_journal()
        if not bk.same_as_newest(self.folder):
            bk.make_backup(self.folder)
        self._last_backup = self._clock()

    def _open_journal(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
        self._fd = os.open(self.journal, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        self._ids = (file_id(self.snapshot), os.fstat(self._fd).st_ino)

    def _check_ours(self) -> None:
        if self._ids is None:
            return
        current = (file_id(self.snapshot), (file_id(self.journal) or (None,))[0])
        if current != self._ids:
            raise StoreConflictError(
                errno.ESTALE,
                "the records were changed by another copy of the app; close this window and open the app again",
            )

    # -- writing -----------------------------------------------------------------
    def append_many(self, ops: list[dict]) -> None:
        """Append ops as journal lines with one write and one fsync: all or none."""
        if self.read_only:
            raise ReadOnlyStoreError()
        if self.broken:
            raise OSError(errno.EIO, self.broken)
        if not ops:
            return
        self._check_ours()
        data = b"".join(encode_op({"seq": self.seq + n, **op}) for n, op in enumerate(ops, 1))
        fd = self._journal_fd()
        size = os.fstat(fd).st_size
        try:
            written = os.write(fd, data)
            if written != len(data):
                raise OSError(errno.ENOSPC, "No space left on device")
            os.fsync(fd)
        except OSError:
            self._undo_append(size)
            raise
        self.seq += len(ops)
        self.dirty = True

    def _journal_fd(self) -> int:
        """The open journal (opened by ``open``; a closed backend is never written)."""
        if self._fd is None:
            raise OSError(errno.EBADF, "the records are closed")
        return self._fd

    def _undo_append(self, size: int) -> None:
        try:
            fd = self._journal_fd()
            os.ftruncate(fd, size)
            self._ids = (file_id(self.snapshot), os.fstat(fd).st_ino)
        except OSError as exc:  # cannot even tidy up: stop writing rather than damage more
            self.broken = f"the journal could not be repaired after a failed save ({exc})"

    def after_write(self, data: Callable[[], dict] | None = None) -> None:
        """Now and then (never on every keystroke): fold a huge journal in, take a backup."""
        if data is not None and os.fstat(self._journal_fd()).st_size > JOURNAL_LIMIT:
            try:
                self.compact(data())
            except OSError:
                pass  # the journal still holds every save
        if self._clock() - self._last_backup < self.backup_every:
            return
        self._last_backup = self._clock()
        try:
            bk.make_backup(self.folder, durable=False)
        except OSError:
            pass  # a failed backup must not fail the save that already succeeded

    def compact(self, data: dict) -> None:
        """Fold the journal into a new snapshot, then empty the journal."""
        if self.read_only:
            return
        self._check_ours()
        atomic_write_bytes(self.snapshot, encode_snapshot(data, self.seq))
        atomic_write_bytes(self.journal, b"")
        self._open_journal()
        self.dirty = False

    def restore(self, backup: Path, now: str) -> tuple[dict, Path | None]:
        """Load a backup, back up the current files, then make the backup current."""
        if self.read_only:
            raise ReadOnlyStoreError()
        loaded = bk.load_backup(backup)  # CorruptFile if it cannot be read
        data, _steps = migrate(loaded.data, now)
        checked = Opened(data, loaded.seq)
        _set_aside_invalid(self.folder, checked, read_only=False)  # the backup's bad records
        before = bk.make_backup(self.folder, reason="before-restore")
        self.seq = max(self.seq, loaded.seq)
        self.compact(checked.data)
        self.restore_notices = checked.notices
        return checked.data, before

    def backup(self, reason: str) -> Path | None:
        if self.read_only:
            raise ReadOnlyStoreError()
        return bk.make_backup(self.folder, reason=reason)

    def close(self, data: dict) -> None:
        try:
            if self.dirty and not self.read_only and not self.broken:
                try:
                    self.compact(data)
                except OSError:
                    pass  # the journal still holds every save; the next open folds it in
        finally:
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None
            if self.lock is not None:
                self.lock.release()
