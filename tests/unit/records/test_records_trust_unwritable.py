"""A read-only or full data folder at start-up: one plain line saying what to do and a
non-zero exit, never an OSError traceback, and never changes left only in the journal.

The tests run as any user (root ignores file modes), so the folder is made
unwritable by refusing the calls that would write in it.
"""

import builtins
import errno
import json
import os
import tempfile
from pathlib import Path

import pytest

from trainer.cli import main
from trainer.records.errors import StoreError
from trainer.records.store import open_store

T1 = "2026-01-02T10:00:00+00:00"
GOOD = {"uid": "r1", "profile": "default", "title": "Mine", "date": "2026-01-02", "created": T1, "updated": T1}


def _inside(path, folder) -> bool:
    try:
        return Path(os.fspath(path)).resolve().is_relative_to(folder.resolve())
    except (TypeError, ValueError):
        return False


def refuse_writes(monkeypatch, folder: Path, err: int, new_files_only: bool = False) -> None:
    """Make writing in ``folder`` fail with ``err`` (only new files with ``new_files_only``)."""
    real_open, real_mkstemp, real_mkdir, real_bopen = os.open, tempfile.mkstemp, os.mkdir, builtins.open
    writes = os.O_WRONLY | os.O_RDWR | os.O_CREAT

    def fail(path):
        raise OSError(err, os.strerror(err), str(path))

    def fake_open(path, flags, *a, **k):
        if _inside(path, folder) and flags & writes and not (new_files_only and os.path.exists(path)):
            fail(path)
        return real_open(path, flags, *a, **k)

    def fake_mkstemp(*a, dir=None, **k):
        if dir is not None and _inside(dir, folder):
            fail(dir)
        return real_mkstemp(*a, dir=dir, **k)

    def fake_mkdir(path, *a, **k):
        if _inside(path, folder):
            fail(path)
        return real_mkdir(path, *a, **k)

    def fake_bopen(file, mode="r", *a, **k):
        if (
            isinstance(file, (str, Path))
            and _inside(file, folder)
            and set(mode) & set("wax+")
            and not (new_files_only and os.path.exists(file))
        ):
            fail(file)
        return real_bopen(file, mode, *a, **k)

    monkeypatch.setattr(os, "open", fake_open)
    monkeypatch.setattr(tempfile, "mkstemp", fake_mkstemp)
    monkeypatch.setattr(os, "mkdir", fake_mkdir)
    monkeypatch.setattr(builtins, "open", fake_bopen)


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "data"
    store = open_store(folder, lock=True)
    store.import_record("reflection", GOOD)
    store.close()
    return folder


def _files(folder):
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _bundle(tmp_path):
    from trainer.sessions.bundles import FORMAT

    path = tmp_path / "bundle.json"
    path.write_text(
        json.dumps(
            {
                "format": FORMAT,
                "version": 1,
                "session": {"uid": "s", "date": "2026-01-02"},
                "learner": {"name": "A"},
                "observations": [{"uid": "o", "round": 1, "observer_name": "B", "counts": {}}],
            }
        )
    )
    return path


def _backup(tmp_path):
    from trainer.export.backup import FORMAT, VERSION

    path = tmp_path / "backup.json"
    path.write_text(
        json.dumps({"format": FORMAT, "version": VERSION, "records": {"reflection": [{**GOOD, "uid": "r2"}]}})
    )
    return path


COMMANDS = {
    "doctor": lambda tmp, data: ["doctor", "--data", str(data)],
    "restore": lambda tmp, data: ["restore", str(_backup(tmp)), "--data", str(data)],
    "import-bundle": lambda tmp, data: ["import-bundle", str(_bundle(tmp)), "--data", str(data)],
}


@pytest.mark.parametrize("err", [errno.EROFS, errno.EACCES, errno.ENOSPC])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_command_on_an_unwritable_folder_says_what_to_do_in_one_line(
    tmp_path, data, capsys, monkeypatch, command, err
):
    argv = COMMANDS[command](tmp_path, data)
    before = _files(data)
    refuse_writes(monkeypatch, data, err)
    code = main(argv)
    monkeypatch.undo()
    out = capsys.readouterr()
    assert code != 0
    said = [line for line in (out.out + out.err).splitlines() if "cannot be" in line or "full" in line]
    assert len(said) == 1 and str(data) in said[0]
    assert "Traceback" not in out.err and "Errno" not in out.out + out.err
    assert _files(data) == before


def test_open_refuses_a_folder_where_no_new_file_can_be_made(data, monkeypatch):
    """The lock and journal files are still writable, but no snapshot or backup could
    ever be written: a profile made now would live only in records.journal."""
    before = _files(data)
    refuse_writes(monkeypatch, data, errno.EACCES, new_files_only=True)
    with pytest.raises(StoreError, match="cannot be written"):
        open_store(data, lock=True)
    monkeypatch.undo()
    assert {p: b for p, b in _files(data).items() if p.name != "records.lock"} == {
        p: b for p, b in before.items() if p.name != "records.lock"
    }
    store = open_store(data, lock=True)  # the lock was let go
    store.close()
