"""The app on a data folder it cannot write to: one plain message, a non-zero exit, and
no profile made that would live only in records.journal."""

import errno
import os
import tempfile

import pytest

from trainer.app import start
from trainer.records.store import open_store, read_on_disk
from trainer.ui.common.store_prompts import StorePrompts


def _refuse(monkeypatch, folder, err, lock_too: bool):
    real_open, real_mkstemp = os.open, tempfile.mkstemp

    def fake_open(path, flags, *a, **k):
        if lock_too and str(path).startswith(str(folder)) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(err, os.strerror(err), str(path))
        return real_open(path, flags, *a, **k)

    def fake_mkstemp(*a, dir=None, **k):
        if dir is not None and str(dir).startswith(str(folder)):
            raise OSError(err, os.strerror(err), str(dir))
        return real_mkstemp(*a, dir=dir, **k)

    monkeypatch.setattr(os, "open", fake_open)
    monkeypatch.setattr(tempfile, "mkstemp", fake_mkstemp)


@pytest.mark.parametrize("lock_too", [True, False], ids=["lock-unwritable", "no-new-files"])
def test_new_profile_on_an_unwritable_folder_is_refused_plainly(sample_course, tmp_path, monkeypatch, capsys, lock_too):
    store = open_store(tmp_path, lock=True)
    store.add("profiles", {"uid": "asha", "profile": "asha", "name": "Asha"})
    store.close()
    shown = []
    monkeypatch.setattr(StorePrompts, "show_error", classmethod(lambda cls, p, t, text: shown.append(text)))
    _refuse(monkeypatch, tmp_path, errno.EROFS, lock_too)
    code = start(sample_course, tmp_path, interactive=True, profile="New Person")
    monkeypatch.undo()
    assert code != 0
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1 and "cannot be written" in err
    assert len(shown) == 1 and "cannot be written" in shown[0]
    names = [r["name"] for r in read_on_disk(tmp_path)["profiles"].values()]
    assert "New Person" not in names
