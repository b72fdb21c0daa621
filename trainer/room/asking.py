"""People whose name is not on the roster: they type it, the trainer adds them or refuses.

A phone asks with the session code and a name; it gets an unguessable request
id to poll. The trainer's app lists the requests; adding the person to the
roster (or refusing) answers the phone, which then joins like anyone else.
"""

from __future__ import annotations

import secrets
import unicodedata
from dataclasses import dataclass

MAX_NAME = 60
MAX_WAITING = 30  # requests waiting at once; more are refused until the trainer answers


class AskError(ValueError):
    """A request that is refused; str() is for the phone."""


@dataclass
class Ask:
    id: str
    name: str
    status: str = "waiting"  # waiting, accepted, refused
    person: str = ""


def clean_name(raw: object) -> str:
    """A typed name, trimmed; control characters and over-long names are refused."""
    if not isinstance(raw, str):
        raise AskError("type your name")
    name = " ".join(raw.split())
    if not name:
        raise AskError("type your name")
    if len(name) > MAX_NAME:
        raise AskError(f"a name has at most {MAX_NAME} characters")
    if any(unicodedata.category(ch).startswith("C") for ch in name):
        raise AskError("a name cannot hold control characters")
    return name


class Asks:
    def __init__(self):
        self._by_id: dict[str, Ask] = {}

    def add(self, raw_name: object) -> Ask:
        name = clean_name(raw_name)
        if sum(a.status == "waiting" for a in self._by_id.values()) >= MAX_WAITING:
            raise AskError("the trainer has many names to check; wait a moment and try again")
        ask = Ask(secrets.token_urlsafe(18), name)
        self._by_id[ask.id] = ask
        return ask

    def get(self, ask_id: object) -> Ask | None:
        return self._by_id.get(ask_id) if isinstance(ask_id, str) else None

    def answer(self, ask_id: str, person: str | None) -> Ask | None:
        ask = self._by_id.get(ask_id)
        if ask is None or ask.status != "waiting":
            return None
        ask.status, ask.person = ("accepted", person) if person else ("refused", "")
        return ask

    def forget(self, ask_id: str) -> None:
        self._by_id.pop(ask_id, None)

    def waiting(self) -> list[dict]:
        return [{"id": a.id, "name": a.name} for a in self._by_id.values() if a.status == "waiting"]

    def clear(self) -> None:
        self._by_id.clear()
