"""The observer's notes as a phone sends them: checked in full before anything is stored.

A phone's message is data only. ``read_notes`` turns it into a ``PhoneNotes``
or raises ``NotesError`` with one plain line naming the field and what was
expected, for the phone to show; the store is never touched on a refusal.
The global ratings are checked against the framework's globals the room
state carries (their ids and ranges).
"""

from __future__ import annotations

import unicodedata
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, ValidationError, field_validator

MAX_NOTE = 2000  # characters in the free note
MAX_PART = 1000  # characters in each of the three parts (what was said, the response, an alternative)
MAX_GLOBALS = 12

Part = Annotated[StrictStr, Field(max_length=MAX_PART)]


class NotesError(ValueError):
    """A notes message that is refused; str() is for the phone."""


def _no_controls(text: str) -> str:
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs") and ch not in "\n\t" for ch in text):
        raise ValueError("notes cannot hold control characters")
    return text


class PhoneNotes(BaseModel):
    """``{"type": "notes", "round", "note", "said", "response", "alternative", "globals"}``."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    type: Literal["notes"]
    round: Annotated[StrictInt, Field(ge=0, le=99)]
    note: Annotated[StrictStr, Field(max_length=MAX_NOTE)] = ""
    said: Part = ""
    response: Part = ""
    alternative: Part = ""
    globals: Annotated[dict[StrictStr, StrictInt | None], Field(max_length=MAX_GLOBALS)] = {}

    @field_validator("note", "said", "response", "alternative")
    @classmethod
    def _text(cls, value: str) -> str:
        return _no_controls(value)

    def item_notes(self) -> dict[str, str]:
        return {"said": self.said, "response": self.response, "alternative": self.alternative}


def read_notes(msg: dict, globals_: tuple[dict, ...]) -> PhoneNotes:
    """The checked message; ``globals_`` are the framework's [{id, name, min, max}]."""
    try:
        notes = PhoneNotes.model_validate(msg)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "message"
        raise NotesError(f"the notes were not saved: field '{where}': {err['msg']}") from None
    known = {g["id"]: g for g in globals_}
    for gid, value in notes.globals.items():
        meta = known.get(gid)
        if meta is None:
            raise NotesError(f"the notes were not saved: field 'globals.{gid}': not a global rating of this course")
        if value is not None and not meta["min"] <= value <= meta["max"]:
            raise NotesError(
                f"the notes were not saved: field 'globals.{gid}': "
                f"expected a whole number from {meta['min']} to {meta['max']}, or null"
            )
    return notes


def notes_view(rec: dict, skill_id: str) -> dict:
    """What a phone shows back of the saved notes: the free note, the three parts, the globals."""
    item = (rec.get("items") or {}).get(skill_id) or {}
    parts = {key: item.get(key, "") for key in ("said", "response", "alternative")}
    return {"note": rec.get("note", ""), **parts, "globals": dict(rec.get("globals") or {})}
