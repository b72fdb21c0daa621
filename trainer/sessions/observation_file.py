"""Observation files: one observer's form about one practitioner in one round.

The other way round from feedback bundles (trainer -> participant): in a
team session each observer fills the observer form on their own copy of the
app and hands the file to the trainer, whose copy adds it to the open
session. The format is described in docs/BUNDLES.md ("Observation files").

Reading checks the whole file and gives one plain line naming the file and
the field; the file's ``uid`` lets the trainer's copy import it only once.
"""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from trainer.records.storage import atomic_write_bytes
from trainer.sessions.counts import BEHAVIOUR_KEYS, clean_counts
from trainer.sessions.json_files import check_versioned, read_json_file
from trainer.sessions.session_code import LENGTH, is_code, normalise_code

FORMAT = "practitioner-trainer/observation"
VERSION = 1
MAX_BYTES = 2_000_000
RATINGS = (0, 1, 2, "na", None)  # as the checklist stores them ("na": not applicable)


class ObservationFileError(ValueError):
    """A file that cannot be read; str() is one plain line naming the file."""


# -- the file format ----------------------------------------------------------------
class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True, defer_build=True)


class Observation(_Model):
    """The same shape as the trainer's ``session_observation`` record."""

    note: str = ""
    counts: dict[str, int]
    items: dict[str, dict] = {}
    globals: dict[str, int | None] = {}

    @field_validator("counts")
    @classmethod
    def _counts(cls, value: dict[str, int]) -> dict[str, int]:
        unknown = sorted(set(value) - set(BEHAVIOUR_KEYS))
        if unknown:
            raise ValueError(f"unknown behaviour '{unknown[0]}'")
        if any(v < 0 for v in value.values()):
            raise ValueError("counts cannot be negative")
        return value

    @field_validator("items")
    @classmethod
    def _items(cls, value: dict[str, dict]) -> dict[str, dict]:
        for skill, item in value.items():
            rating = item.get("rating")
            ok = (
                rating in RATINGS
                and not isinstance(rating, bool)
                and all(isinstance(v, str) for k, v in item.items() if k != "rating")
            )
            if not ok:
                raise ValueError(f"skill '{skill}': expected a rating of 0, 1, 2, \"na\" or null and notes as text")
        return value

    @field_validator("globals")
    @classmethod
    def _globals(cls, value: dict[str, int | None]) -> dict[str, int | None]:
        for name, number in value.items():
            if number is not None and (isinstance(number, bool) or not 1 <= number <= 5):
                raise ValueError(f"'{name}': expected a whole number from 1 to 5, or null")
        return value


class ObservationFile(_Model):
    format: str
    version: int
    uid: str
    saved: str = ""
    session_code: str
    round: int = Field(ge=1)
    practitioner: str
    observer: str
    observation: Observation

    @field_validator("uid", "practitioner", "observer")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value:
            raise ValueError("this field is empty; it needs some text")
        return value

    @field_validator("session_code")
    @classmethod
    def _code(cls, value: str) -> str:
        if not is_code(value):
            raise ValueError(f"expected the {LENGTH}-character session code the trainer gave out")
        return normalise_code(value)


# -- writing -------------------------------------------------------------------------
def new_form_uid() -> str:
    return str(uuid.uuid4())


def build_observation_file(
    *,
    uid: str,
    session_code: str,
    round_number: int,
    practitioner: str,
    observer: str,
    note: str = "",
    counts: dict | None = None,
    items: dict | None = None,
    globals_: dict | None = None,
    saved: str = "",
) -> dict:
    """The file as a dict, checked: raises ObservationFileError naming the field."""
    data = {
        "format": FORMAT,
        "version": VERSION,
        "uid": uid,
        "saved": saved,
        "session_code": normalise_code(session_code),
        "round": round_number,
        "practitioner": practitioner.strip(),
        "observer": observer.strip(),
        "observation": {
            "note": note.strip(),
            "counts": clean_counts(counts),
            "items": dict(items or {}),
            "globals": dict(globals_ or {}),
        },
    }
    check_observation_data(data, "the form")
    return data


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "practitioner"


def default_file_name(round_number: int, practitioner: str) -> str:
    """e.g. ``observation-round2-asha-patel.json``."""
    return f"observation-round{round_number}-{_slug(practitioner)}.json"


def write_observation_file(path: Path, data: dict) -> Path:
    path = Path(path)
    if path.suffix.lower() != ".json":
        path = path.with_name(path.name + ".json")
    atomic_write_bytes(path, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    return path


# -- reading -------------------------------------------------------------------------
def check_observation_data(data, name: str) -> ObservationFile:
    """Check a parsed file; raise ObservationFileError with one plain line."""
    return check_versioned(
        data,
        name,
        fmt=FORMAT,
        version=VERSION,
        what="an observation file",
        label="observation file",
        error=ObservationFileError,
        model=ObservationFile,
    )


def read_observation_file(path: Path) -> ObservationFile:
    """Parse and check an observation file; raise ObservationFileError with one plain line."""
    path = Path(path)
    data = read_json_file(path, "an observation file", ObservationFileError, MAX_BYTES)
    return check_observation_data(data, path.name)
