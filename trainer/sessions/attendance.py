"""Attendance files: proof that one person attended a team session, as one JSON file.

When the trainer exports a session, every attendee (observed or not) gets an
attendance file: the session (title, date, length), the role they played in
each practice round (practitioner, person or observer) and how many pieces of
observer feedback were written about them. The attendee imports it into their
own copy of the app, where it becomes a ``session_attendance`` record that
their CPD log credits (``trainer.cpd``). The format is in docs/CPD.md.

The file is data only: it is read with the safe JSON reader, checked whole
against a schema before anything is written, and any problem is one plain
line naming the file and the field. The record's uid is derived from the
session and the attendee, so importing the same file twice adds nothing.
"""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from trainer.records.storage import atomic_write_bytes
from trainer.sessions.attendance_kind import KIND as KIND  # the record kind, also read from here
from trainer.sessions.attendance_kind import AttendanceError
from trainer.sessions.certificates import certificates_html as certificates_html  # also read from here
from trainer.sessions.grouping import roles_for
from trainer.sessions.json_files import check_versioned, read_json_file, session_identity
from trainer.sessions.plan_model import SessionPlan

FORMAT = "practitioner-trainer/attendance"
VERSION = 1
SOURCE = "team-session-attendance"
MAX_BYTES = 1_000_000
MAX_MINUTES = 24 * 60
_NAMESPACE = uuid.UUID("0b8f6a52-3c1d-4e7a-9f20-5d6c7e8a9b14")
Role = Literal["practitioner", "person", "observer"]


# -- the file format ----------------------------------------------------------------
class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True, defer_build=True, strict=True)


class AttendanceSession(_Model):
    uid: str = Field(min_length=1, max_length=200)
    title: str = Field(default="", max_length=300)
    date: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    team: str = Field(default="", max_length=300)
    plan_title: str = Field(default="", max_length=300)
    minutes: int = Field(ge=1, le=MAX_MINUTES)
    facilitator: str = Field(default="", max_length=300)


class AttendanceAttendee(_Model):
    id: str = Field(min_length=1, max_length=200)
    name: str = Field(min_length=1, max_length=300)


class AttendanceRound(_Model):
    round: int = Field(ge=1, le=1000)
    title: str = Field(default="", max_length=300)
    skill: str = Field(default="", max_length=200)
    role: Role


class Attendance(_Model):
    format: str
    version: int
    exported: str = ""
    session: AttendanceSession
    attendee: AttendanceAttendee
    rounds: list[AttendanceRound] = Field(default=[], max_length=1000)
    feedback: int = Field(default=0, ge=0, le=10_000)  # observations written about the attendee


# -- export --------------------------------------------------------------------------
def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "attendee"


def session_minutes(session: dict, plan: SessionPlan | None) -> int:
    """The session's length: its own ``minutes`` if it has one, else its plan's total."""
    own = session.get("minutes")
    if isinstance(own, int) and not isinstance(own, bool) and own > 0:
        return min(own, MAX_MINUTES)
    total = plan.total_minutes if plan is not None else 0
    if total <= 0:
        raise AttendanceError("the session's length is not known: its plan could not be found")
    return min(total, MAX_MINUTES)


def build_attendance(
    session: dict,
    plan: SessionPlan | None,
    observations: list[dict],
    exported: str = "",
    facilitator: str = "",
) -> dict[str, dict]:
    """{participant id: attendance dict} for every participant marked present."""
    titles = {i: plan.phases[r["phase"]].title for i, r in enumerate(session["rounds"])} if plan else {}
    out: dict[str, dict] = {}
    for person in session["participants"]:
        if not person.get("present", True):
            continue
        pid = person["id"]
        rounds = []
        for index, rnd in enumerate(session["rounds"]):
            group = next((g for g in rnd["groups"] if pid in g), None)
            if group is None:
                continue
            role = roles_for(group, int(rnd.get("turn", 0))).get(pid, "observer")
            rounds.append(
                {"round": index + 1, "title": titles.get(index, ""), "skill": rnd.get("skill", ""), "role": role}
            )
        out[pid] = {
            "format": FORMAT,
            "version": VERSION,
            "exported": exported,
            "session": {
                **session_identity(session),
                "minutes": session_minutes(session, plan),
                "facilitator": facilitator,
            },
            "attendee": {"id": pid, "name": person["name"]},
            "rounds": rounds,
            "feedback": sum(1 for o in observations if o.get("learner") == pid),
        }
    return out


def write_attendance(outdir: Path, session: dict, files: dict[str, dict]) -> list[Path]:
    """Write one ``attendance-<date>-<name>-<id>.json`` per attendee (atomically); returns the paths."""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    paths = []
    for pid, data in files.items():
        path = outdir / f"attendance-{session['date']}-{_slug(data['attendee']['name'])}-{pid[:6]}.json"
        atomic_write_bytes(path, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
        paths.append(path)
    return paths


# -- import --------------------------------------------------------------------------


def read_attendance(path: Path) -> Attendance:
    """Parse and check an attendance file; raise AttendanceError with one plain line."""
    path = Path(path)
    data = read_json_file(path, "an attendance file", AttendanceError, MAX_BYTES)
    return check_versioned(
        data,
        path.name,
        fmt=FORMAT,
        version=VERSION,
        what="an attendance file",
        label="attendance file",
        error=AttendanceError,
        model=Attendance,
    )


def attendance_uid(session_uid: str, attendee_id: str, profile_id: str) -> str:
    """The same attendance imported into the same profile always becomes the same record uid."""
    return str(uuid.uuid5(_NAMESPACE, f"{session_uid}/{attendee_id}/{profile_id}"))


def attendance_record(att: Attendance, profile_id: str, name: str) -> dict:
    """The ``session_attendance`` record an attendance file becomes."""
    return {
        "uid": attendance_uid(att.session.uid, att.attendee.id, profile_id),
        "profile": profile_id,
        "source": SOURCE,
        "file": name,
        "session_uid": att.session.uid,
        "title": att.session.title or att.session.plan_title or "Team session",
        "date": att.session.date,
        "team": att.session.team,
        "plan_title": att.session.plan_title,
        "minutes": att.session.minutes,
        "participatory": True,
        "facilitator": att.session.facilitator,
        "attendee": att.attendee.name,
        "rounds": [r.model_dump() for r in att.rounds],
        "practitioner_turns": sum(1 for r in att.rounds if r.role == "practitioner"),
        "feedback": att.feedback,
    }
