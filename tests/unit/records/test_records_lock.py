"""The data-folder lock: who holds it, how it is described, when a stale one is free."""

import json
import os
import time

import pytest

from trainer.records import lock as lock_module
from trainer.records.errors import StoreLockedError
from trainer.records.lock import DataLock, describe_owner, pid_alive, read_owner

HOST = lock_module._hostname()


@pytest.fixture
def utc(monkeypatch):
    """Local time is UTC, so the owner's time prints the same on every machine."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_hostname_is_this_computers_name():
    assert HOST == os.uname().nodename


@pytest.mark.parametrize("pid", [0, -1])
def test_no_process_has_a_pid_below_one(pid):
    assert pid_alive(pid) is False


def test_this_process_is_alive():
    assert pid_alive(os.getpid()) is True


def test_a_pid_the_os_does_not_know_has_stopped(monkeypatch):
    def kill(pid, signal):
        assert (pid, signal) == (4242, 0)
        raise ProcessLookupError

    monkeypatch.setattr(lock_module.os, "kill", kill)
    assert pid_alive(4242) is False


def test_a_pid_of_another_user_is_alive(monkeypatch):
    def kill(pid, signal):
        raise PermissionError

    monkeypatch.setattr(lock_module.os, "kill", kill)
    assert pid_alive(4242) is True


def test_an_empty_or_broken_lock_file_has_no_owner(tmp_path):
    path = tmp_path / "records.lock"
    assert read_owner(path) == {}  # missing
    path.write_text("")
    assert read_owner(path) == {}
    path.write_text("{not json")
    assert read_owner(path) == {}
    path.write_text("[1, 2]")
    assert read_owner(path) == {}
    path.write_text('{"pid": 7}')
    assert read_owner(path) == {"pid": 7}


def test_an_unknown_owner_is_another_copy():
    assert describe_owner({}) == "another copy of Practitioner Trainer"


def test_an_owner_on_this_computer(utc):
    owner = {"pid": 12, "host": HOST, "time": "2026-03-04T10:15:00+00:00"}
    assert describe_owner(owner) == (
        "another copy of Practitioner Trainer (process 12 on this computer, since 04 March 2026 at 10:15)"
    )


@pytest.mark.parametrize("when", [None, "soon", 5])
def test_an_owner_elsewhere_at_an_unknown_time(when):
    owner = {"pid": 12, "host": "ward-pc"} | ({} if when is None else {"time": when})
    assert describe_owner(owner) == (
        "another copy of Practitioner Trainer (process 12 on computer 'ward-pc', since an unknown time)"
    )


def test_acquire_writes_who_holds_the_lock(tmp_path):
    lock = DataLock(tmp_path / "new")
    assert not lock.held
    assert lock.acquire() is lock
    assert lock.acquire() is lock  # again: already ours
    assert lock.held
    owner = json.loads((tmp_path / "new" / "records.lock").read_text())
    assert owner["pid"] == os.getpid() and owner["host"] == HOST
    assert owner["time"].endswith("+00:00")
    assert lock.took_over is None
    assert lock.state() == "held by this program"
    lock.release()
    assert not lock.held
    assert (tmp_path / "new" / "records.lock").read_text() == ""
    lock.release()  # twice is fine


def test_our_own_pid_left_in_the_file_is_not_a_take_over(tmp_path):
    (tmp_path / "records.lock").write_text(json.dumps({"pid": os.getpid(), "host": HOST}))
    with DataLock(tmp_path) as lock:
        assert lock.took_over is None


def test_the_state_of_a_free_folder(tmp_path):
    assert DataLock(tmp_path).state() == "free"
    (tmp_path / "records.lock").write_text("")
    assert DataLock(tmp_path).state() == "free"


def test_the_state_names_a_stopped_owner(tmp_path):
    (tmp_path / "records.lock").write_text(json.dumps({"pid": 999999, "host": HOST}))
    assert DataLock(tmp_path).state() == "free (left behind by process 999999, which has stopped)"
    DataLock(tmp_path).acquire().release()  # the probe let go of its OS lock


def test_the_state_names_the_owner_holding_it(tmp_path):
    with DataLock(tmp_path):
        other = DataLock(tmp_path)
        assert other.state().startswith("in use by another copy of Practitioner Trainer (process ")
        with pytest.raises(StoreLockedError, match=r"^The data folder .* is in use by another copy"):
            other.acquire()
        assert not other.held


def test_the_state_when_the_lock_file_cannot_be_opened(tmp_path, monkeypatch):
    (tmp_path / "records.lock").write_text("")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(lock_module.os, "open", refuse)
    assert DataLock(tmp_path).state().startswith("could not be checked (")


class NoOsLocks:
    """A drive where flock fails (some network drives): the lock falls back to the pid."""

    LOCK_EX = LOCK_NB = LOCK_UN = 0

    @staticmethod
    def flock(fd, op):
        raise OSError(38, "Function not implemented")


@pytest.fixture
def no_os_locks(monkeypatch):
    monkeypatch.setattr(lock_module, "fcntl", NoOsLocks)


def test_without_os_locks_a_file_with_no_pid_is_free(tmp_path, no_os_locks):
    (tmp_path / "records.lock").write_text("{}")
    with DataLock(tmp_path) as lock:
        assert lock.held


def test_without_os_locks_a_live_pid_on_this_computer_holds_it(tmp_path, no_os_locks):
    (tmp_path / "records.lock").write_text(json.dumps({"pid": os.getppid(), "host": HOST}))
    with pytest.raises(StoreLockedError):
        DataLock(tmp_path).acquire()


def test_without_os_locks_a_stopped_pid_on_this_computer_is_taken_over(tmp_path, no_os_locks, monkeypatch):
    monkeypatch.setattr(lock_module, "pid_alive", lambda pid: pid != 4242)
    (tmp_path / "records.lock").write_text(json.dumps({"pid": 4242, "host": HOST}))
    with DataLock(tmp_path) as lock:
        assert lock.took_over == {"pid": 4242, "host": HOST}


def test_without_os_locks_a_pid_on_another_computer_is_kept(tmp_path, no_os_locks, monkeypatch):
    monkeypatch.setattr(lock_module, "pid_alive", lambda pid: False)
    (tmp_path / "records.lock").write_text(json.dumps({"pid": 4242, "host": "ward-pc"}))
    with pytest.raises(StoreLockedError):
        DataLock(tmp_path).acquire()
