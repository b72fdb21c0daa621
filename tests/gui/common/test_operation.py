"""The one operation runner: service calls from the UI, errors as one plain message."""

from __future__ import annotations

import errno

from trainer.domain.errors import not_saved, reason
from trainer.records.errors import StoreError
from trainer.ui.common.operation import OperationRunner


class Refused(Exception):
    pass


def _full_disk():
    raise OSError(errno.ENOSPC, "No space left on device", "/data/records.journal")


def test_a_call_that_works_gives_its_result_and_reports_nothing():
    said: list[str] = []
    ops = OperationRunner("Your progress", said.append)
    assert ops.run(lambda: {"uid": "r1"}) == {"uid": "r1"}
    assert ops.ok(lambda: None) is True
    assert said == [] and ops.last_error == ""


def test_an_os_error_becomes_one_plain_sentence():
    said: list[str] = []
    ops = OperationRunner("Your progress", said.append)
    assert ops.run(_full_disk) is None
    assert said == [
        "Your progress could not be saved: No space left on device. "
        "Check that the data folder is writable and the disk is not full."
    ]
    assert ops.last_error == said[0]
    assert "/data/records.journal" not in said[0] and "Errno" not in said[0]


def test_store_and_domain_errors_keep_their_own_words():
    said: list[str] = []
    ops = OperationRunner("The session", said.append, plain_errors=(Refused,))

    def store_closed():
        raise StoreError("The records are read-only.")

    def refused():
        raise Refused("choose a session plan first")

    assert not ops.ok(store_closed)
    assert not ops.ok(refused)
    assert said == ["The records are read-only.", "Choose a session plan first."]


def test_other_errors_are_not_swallowed():
    ops = OperationRunner("Your progress", lambda _m: None)
    try:
        ops.run(lambda: 1 / 0)
    except ZeroDivisionError:
        pass
    else:
        raise AssertionError("a programming error must surface, not become a message")


def test_a_later_success_clears_the_last_error():
    ops = OperationRunner("Your reflection", lambda _m: None, hint="Your text is still here.")
    ops.run(_full_disk)
    assert ops.last_error.endswith("Your text is still here.")
    ops.run(lambda: 1)
    assert ops.last_error == ""


def test_reason_prefers_the_systems_words():
    assert reason(OSError(errno.EACCES, "Permission denied", "/x")) == "Permission denied"
    assert reason(OSError("odd")) == "odd"
    assert (
        not_saved("The bookmark", OSError(errno.EROFS, "Read-only file system"), hint="")
        == "The bookmark could not be saved: Read-only file system."
    )
