"""Sending to a learning record store from the app: the saved settings, the
address check and the plain-English words for what happened. No Qt here.

The settings are read and written through two small callables (``get`` and
``put``) so the app can keep them in its QSettings file and the tests in a dict.
The password is never part of them: it is asked each time and then forgotten.
"""

from __future__ import annotations

import errno
import socket
import ssl
import urllib.error
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from trainer.services.lrs import LrsError, SendReport

KEYS = {"address": "lrs/address", "user": "lrs/user", "home": "lrs/home"}
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
EXAMPLE = "https://lrs.example.org/xapi/"


@dataclass(frozen=True)
class LrsSettings:
    address: str = ""
    user: str = ""
    home: str = ""  # the organisation's home page for accounts; "" = the app's own

    @property
    def configured(self) -> bool:
        return bool(self.address.strip())

    @classmethod
    def read(cls, get: Callable[[str], Any]) -> LrsSettings:
        return cls(**{name: str(get(key) or "").strip() for name, key in KEYS.items()})

    def write(self, put: Callable[[str, str], None]) -> None:
        for name, key in KEYS.items():
            put(key, getattr(self, name).strip())

    def host(self) -> str:
        return urlparse(self.address).hostname or self.address


def check_address(text: str) -> str:
    """The LRS address, tidied; raises LrsError in plain words when it will not do.
    https is required: the password travels with every request. Plain http is
    accepted only for this computer (localhost), where nothing crosses a network."""
    address = text.strip()
    if not address:
        raise LrsError(f"Type the address of your learning record store, for example {EXAMPLE}")
    if " " in address:
        raise LrsError("The address cannot contain spaces. Copy it again from your organisation's instructions.")
    parts = urlparse(address if "://" in address else "//" + address)
    if not parts.scheme:
        raise LrsError(f"The address should start with https://, for example {EXAMPLE}")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise LrsError(f"'{address}' is not a web address. It should look like {EXAMPLE}")
    if parts.scheme == "http" and parts.hostname not in LOCAL_HOSTS:
        raise LrsError(
            "The address must start with https:// so that your password and records travel "
            "encrypted. Plain http:// is only allowed for this computer (localhost)."
        )
    try:
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        raise LrsError(f"The port number in '{address}' is not a number.") from None
    return address


def check_home(text: str) -> str:
    """The organisation's home page for accounts (optional): "" or an http(s) address."""
    home = text.strip()
    if not home:
        return ""
    parts = urlparse(home)
    if parts.scheme not in ("http", "https") or not parts.hostname or " " in home:
        raise LrsError(
            "Your organisation's home page should be an address like https://lms.example.org, or left empty."
        )
    return home.rstrip("/")


def check_settings(address: str, user: str, home: str) -> LrsSettings:
    return LrsSettings(check_address(address), user.strip(), check_home(home))


def explain_unreachable(exc: BaseException) -> str:
    """Why the LRS could not be reached, in words a person can act on."""
    reason = getattr(exc, "reason", None) if isinstance(exc, urllib.error.URLError) else None
    cause = reason if isinstance(reason, BaseException) else exc
    if isinstance(cause, (socket.timeout, TimeoutError)):
        return "the learning record store did not answer in time"
    if isinstance(cause, ssl.SSLError):
        return "a secure (https) connection could not be made; check the address"
    if isinstance(cause, socket.gaierror):
        return "no computer was found at that address; check it, and that you are online"
    if isinstance(cause, ConnectionRefusedError) or getattr(cause, "errno", None) == errno.ECONNREFUSED:
        return "the computer at that address refused the connection; check the address and port"
    if isinstance(cause, ConnectionError):
        return "the connection was broken off"
    text = str(reason if reason is not None else exc) or type(exc).__name__
    return f"the learning record store could not be reached ({text})"


def explain_status(status: int) -> str:
    if status == 404:
        return "there is no learning record store at that address (it answered 404 Not found); check the address"
    if status in (401, 403):
        return "the learning record store refused the user name or password"
    if 300 <= status < 400:
        return (
            f"the learning record store's address sent the app somewhere else (a {status} redirect), "
            "which the app does not follow so that your password stays with it; "
            "use the exact address your organisation gave"
        )
    if status >= 500:
        return f"the learning record store had a problem of its own (it answered {status}); try again later"
    return f"the learning record store answered {status}"


def plural(n: int, word: str = "statement") -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def result_message(report: SendReport, failure: str = "", refused: list[str] | None = None) -> tuple[bool, str]:
    """(everything went, the message) after a send; ``failure`` says why the
    rest could not go (from explain_unreachable / explain_status); ``refused``
    names the statements the LRS refused for good (``lrs.describe``)."""
    refused = refused or []
    lines = []
    if report.sent:
        lines.append(f"Sent {plural(report.sent)}.")
    if report.conflicts or report.rejected:
        count = report.conflicts + report.rejected
        lines.append(f"{plural(count)} refused by the learning record store and will not be sent again.")
    elif refused:
        lines.append(
            f"{plural(len(refused))} still refused by the learning record store (correct the record to resend)."
        )
    if report.still_pending:
        why = f": {failure}." if failure else "."
        lines.append(f"{report.still_pending} could not be sent and will be tried again next time{why}")
    if not lines:
        lines.append("Nothing new to send: every statement has already been sent.")
    lines += [f"Refused: {line}" for line in refused[:5]]
    if len(refused) > 5:
        lines.append(f"\u2026 and {len(refused) - 5} more.")
    ok = not report.still_pending and not (report.conflicts or report.rejected) and not refused
    return ok, "\n\n".join(lines)


class RecordingTransport:
    """Wraps a transport and keeps what went wrong last, so the message can say
    why (the outbox itself only keeps a short note per statement)."""

    def __init__(self, transport: Callable):
        self._transport = transport
        self.status: int | None = None
        self.error: BaseException | None = None

    def __call__(self, config, statements):
        try:
            self.status, body = self._transport(config, statements)
        except OSError as exc:
            self.error = exc
            raise
        return self.status, body

    def failure(self) -> str:
        if self.error is not None:
            return explain_unreachable(self.error)
        if self.status is not None and self.status not in (200, 204):
            return explain_status(self.status)
        return ""
