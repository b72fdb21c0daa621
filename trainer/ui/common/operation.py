"""One way to run a service call from the UI (after Anki's ``CollectionOp``).

Controllers never catch errors themselves: they hand the call to their
``OperationRunner``, which runs it, turns an ``OSError`` or a store error into
one plain-English message, and reports that message through the controller's
failure signal. The caller gets the result (or ``None``) and emits its own
past-tense success signal (``reflection_saved``, ``progress_changed``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from trainer.domain.errors import CHECK_FOLDER, not_saved
from trainer.records.errors import StoreError

T = TypeVar("T")


# Plain classes, not dataclasses: this module is on the start-up path, where each
# dataclass costs about half a millisecond to make.
class Outcome(Generic[T]):
    __slots__ = ("ok", "value", "message")

    def __init__(self, ok: bool, value: T | None = None, message: str = "") -> None:
        self.ok, self.value, self.message = ok, value, message


class OperationRunner:
    """``what`` names what is being saved ("Your progress"); ``report`` gets the
    message when a call fails (usually a signal's ``emit``). ``plain_errors``
    are the domain's own errors, whose text is already written for people."""

    def __init__(
        self,
        what: str,
        report: Callable[[str], object],
        plain_errors: tuple[type[Exception], ...] = (),
        hint: str = CHECK_FOLDER,
    ) -> None:
        self.what, self.report, self.plain_errors, self.hint = what, report, plain_errors, hint
        self.last_error = ""

    def attempt(self, action: Callable[[], T]) -> Outcome[T]:
        try:
            value = action()
        except self.plain_errors as exc:
            message = plain(exc)
        except StoreError as exc:
            message = str(exc)
        except OSError as exc:
            message = not_saved(self.what, exc, self.hint)
        else:
            self.last_error = ""
            return Outcome(True, value)
        self.last_error = message
        self.report(message)
        return Outcome(False, None, message)

    def run(self, action: Callable[[], T]) -> T | None:
        """The call's result, or None when it failed (and was reported)."""
        return self.attempt(action).value

    def ok(self, action: Callable[[], object]) -> bool:
        """Whether the call went through (for calls that return nothing)."""
        return self.attempt(action).ok


def plain(exc: Exception) -> str:
    """A domain error's text as a sentence: capital first letter, a full stop."""
    text = str(exc).strip().strip("'")
    if not text:
        return "Something went wrong."
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."
