"""A single-writer lock on a data folder.

The lock file (``records.lock``) holds who took it: pid, host and time. The
real exclusion is an OS lock on that file (``fcntl.flock`` on POSIX,
``msvcrt.locking`` on Windows), which the OS drops when a process dies, so a
lock left by a crashed copy is simply free and is taken over. Where no OS
lock is available, a lock whose pid no longer runs on this host is stale and
is taken over too.

flock locks belong to an open file, so a second ``acquire`` in the same
process fails just as one from another process does.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

from trainer.domain.errors import reason
from trainer.records.errors import StoreLockedError

LOCK_FILE = "records.lock"

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]  # no fcntl on Windows
try:  # Windows
    import msvcrt
except ImportError:
    msvcrt = None  # type: ignore[assignment]  # msvcrt only on Windows


def _hostname() -> str:
    """This computer's name (``socket`` is loaded only where ``os.uname`` is missing)."""
    # socket.gethostname() is the same name: a mutant choosing it cannot be told apart
    if hasattr(os, "uname"):  # pragma: no mutate
        return os.uname().nodename
    import socket

    return socket.gethostname()


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover, no mutate block (Windows only: never runs here)
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # type: ignore[attr-defined]
        if handle:
            ctypes.windll.kernel32.CloseHandle(handle)  # type: ignore[attr-defined]
            return True
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_owner(path: Path) -> dict:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


def describe_owner(owner: dict) -> str:
    if not owner:
        return "another copy of Practitioner Trainer"
    where = "this computer" if owner.get("host") == _hostname() else f"computer '{owner.get('host')}'"
    try:
        since = datetime.fromisoformat(owner["time"]).astimezone().strftime("%d %B %Y at %H:%M")
    except (KeyError, TypeError, ValueError):
        since = "an unknown time"
    return f"another copy of Practitioner Trainer (process {owner.get('pid')} on {where}, since {since})"


class DataLock:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.path = self.folder / LOCK_FILE
        self._fd: int | None = None
        self.took_over: dict | None = None  # the stale owner we replaced, if any

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> DataLock:
        if self._fd is not None:
            return self
        self.folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            previous = read_owner(self.path)
            if not self._os_lock(fd, previous):
                raise StoreLockedError(
                    f"The data folder {self.folder} is in use by {describe_owner(previous)}.", previous
                )
        except BaseException:
            os.close(fd)
            raise
        if previous.get("pid") and previous.get("pid") != os.getpid():
            self.took_over = previous  # its owner stopped without letting go
        info = {"pid": os.getpid(), "host": _hostname(), "time": datetime.now(UTC).isoformat(timespec="seconds")}
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        # Not fsynced: the OS lock is the lock, and after a crash its owner is gone
        # whatever the file says (an empty or stale file reads as free).
        os.write(fd, json.dumps(info).encode("utf-8"))
        self._fd = fd
        return self

    def _os_lock(self, fd: int, previous: dict) -> bool:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return True
            except BlockingIOError:
                return False
            except OSError:  # no OS locks here (some network drives): fall back
                return self._stale_or_free(previous)
        if msvcrt is not None:  # pragma: no cover, no mutate block (Windows only)
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
                return True
            except OSError:
                return False
        return self._stale_or_free(previous)  # pragma: no cover, no mutate (no fcntl and no msvcrt)

    @staticmethod
    def _stale_or_free(previous: dict) -> bool:
        if not previous.get("pid"):
            return True
        if previous.get("host") != _hostname():
            return False  # cannot tell whether it still runs: be safe
        return not pid_alive(int(previous["pid"]))

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            os.ftruncate(fd, 0)  # the file stays; an empty one means "free"
        except OSError:
            pass
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_UN)
            except OSError:
                pass
        os.close(fd)

    def state(self) -> str:
        """One line for ``trainer doctor``: free, held by us, or by whom."""
        if self._fd is not None:
            return "held by this program"
        owner = read_owner(self.path)
        if not self.path.exists():
            return "free"
        try:
            fd = os.open(self.path, os.O_RDWR)
        except OSError as exc:
            return f"could not be checked ({reason(exc)})"
        try:
            free = self._os_lock(fd, owner)
            if free and fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)  # the probe writes nothing: the owner's details stay
        if not free:
            return f"in use by {describe_owner(owner)}"
        if owner.get("pid"):
            return f"free (left behind by process {owner['pid']}, which has stopped)"
        return "free"

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *_exc):
        self.release()
