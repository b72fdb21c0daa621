"""Plain-English words for things that go wrong with files and disks.

Every place that reports an ``OSError`` to a person uses these, so the app
says the same thing the same way: the reason (``No space left on device``),
then what to do.
"""

from __future__ import annotations

CHECK_FOLDER = "Check that the data folder is writable and the disk is not full."


def reason(exc: BaseException) -> str:
    """The operating system's words for the error, without the errno and path noise."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def not_saved(what: str, exc: BaseException, hint: str = CHECK_FOLDER) -> str:
    """'Your progress could not be saved: No space left on device. Check that ...'"""
    return f"{what} could not be saved: {reason(exc)}. {hint}".rstrip()
