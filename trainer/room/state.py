"""What the room's phones are told: one snapshot of the session as it runs.

The trainer's app builds a ``RoomState`` whenever something a phone shows
changes (phase, groups, roster, timer) and hands it to the server, which
only reads it. So the server never reads the session record for what it
shows, and a phone only ever sees its own group and role.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from trainer.competencies.ratings import OBSERVER_NOTE_LABELS
from trainer.sessions.counts import BEHAVIOURS
from trainer.sessions.grouping import roles_for
from trainer.sessions.plan_model import SessionPlan
from trainer.sessions.session_code import session_code

FEEDBACK_KINDS = ("feedback", "debrief", "reflection")
DEBRIEF_KINDS = ("debrief", "reflection")
# When participants may see their own feedback on their phone; the trainer chooses.
FEEDBACK_OPENS = {  # short: they fit the narrow Live room pane at 1280x800 (the tooltip says more)
    "after_round": "After each round",
    "after_debrief": "After the debrief",
    "never": "Never",
}
DEFAULT_FEEDBACK_OPENS = "after_round"
NOTE_LABELS = OBSERVER_NOTE_LABELS  # the three parts of an observer's notes, as on the desktop form
RATINGS = (
    {"value": 0, "label": "Not done"},
    {"value": 1, "label": "Partly"},
    {"value": 2, "label": "Done well"},
    {"value": "na", "label": "Not applicable"},
)
ROLE_LABELS = {"practitioner": "Practitioner", "person": "Person", "observer": "Observer"}
ROLE_TASKS = {
    "practitioner": "Practise the skill with the person. Your observer counts what you do.",
    "person": "Talk about something real you want to change. Share only what you are happy to share.",
    "observer": "Count what the practitioner does: tap a button each time you hear it.",
}


@dataclass(frozen=True)
class Seat:
    """One person's place in one round."""

    round_index: int
    role: str
    group: tuple[str, ...]  # person ids, in seat order
    learner: str | None  # the practitioner an observer watches


@dataclass(frozen=True)
class RoomState:
    session_uid: str
    code: str
    title: str
    people: dict[str, str]  # id -> name of the people present
    phase_index: int
    phase_count: int
    phase: dict  # kind, kind_label, title, minutes, instructions, prompts
    round_index: int | None  # the round of the current phase, if it is a practice round
    skill: str
    skill_id: str = ""
    done_well: str = ""  # what the round's skill looks like done well (the framework's words)
    seats: dict[int, dict[str, Seat]] = field(default_factory=dict)  # round -> person -> seat
    timer: dict = field(default_factory=dict)  # remaining (s), running, duration (s), at (epoch s)
    round_titles: dict[int, str] = field(default_factory=dict)
    date: str = ""
    team: str = ""
    globals: tuple[dict, ...] = ()  # the framework's global ratings: {id, name, min, max, low, high}
    feedback_opens: str = DEFAULT_FEEDBACK_OPENS  # a key of FEEDBACK_OPENS
    skill_names: dict[str, str] = field(default_factory=dict)  # skill id -> name (for the feedback page)
    plan: SessionPlan | None = None  # for each attendee's attendance file at the end (never sent to phones)

    def feedback_words(self) -> dict:
        """The names a phone needs to show feedback: skills, globals and the checklist's ratings."""
        return {
            "skills": dict(self.skill_names),
            "globals": {g["id"]: {"name": g["name"], "max": g["max"]} for g in self.globals},
            "ratings": {str(r["value"]): r["label"] for r in RATINGS},
            "parts": dict(NOTE_LABELS),
        }

    @property
    def feedback_open(self) -> bool:
        """Whether phones may fetch their own feedback now, as the trainer chose: from the first
        feedback phase after practice on, from the debrief on, or never. The last phase opens it
        too, unless the trainer chose never."""
        if self.feedback_opens == "never":
            return False
        last = self.phase_count > 0 and self.phase_index == self.phase_count - 1
        kinds = DEBRIEF_KINDS if self.feedback_opens == "after_debrief" else FEEDBACK_KINDS
        return self.phase.get("kind") in kinds or last

    def seat(self, person_id: str, round_index: int | None = None) -> Seat | None:
        index = self.round_index if round_index is None else round_index
        if index is None:
            return None
        return self.seats.get(index, {}).get(person_id)

    def view_for(self, person_id: str) -> dict:
        """The JSON a phone shows: the phase, the timer, and this person's group and role only."""
        out: dict = {
            "type": "state",
            "title": self.title,
            "name": self.people.get(person_id, ""),
            "phase": {**self.phase, "number": self.phase_index + 1, "count": self.phase_count},
            "timer": dict(self.timer),
            "round": None,
            "feedback_open": self.feedback_open,
            "feedback_opens": FEEDBACK_OPENS.get(self.feedback_opens, ""),
            "codes": [{"id": key, "label": label} for key, label in BEHAVIOURS],
        }
        seat = self.seat(person_id)
        if seat is not None:
            out["round"] = {
                "index": seat.round_index,
                "number": seat.round_index + 1,
                "skill": self.skill,
                "role": seat.role,
                "role_label": ROLE_LABELS.get(seat.role, seat.role),
                "task": ROLE_TASKS.get(seat.role, ""),
                "group": [
                    {"name": self.people.get(pid, "?"), "role": ROLE_LABELS.get(self._role(seat, pid), "")}
                    for pid in seat.group
                ],
                "observing": self.people.get(seat.learner, "") if seat.learner else "",
                "can_count": seat.role == "observer" and seat.learner is not None,
                "done_well": self.done_well,
                "ratings": list(RATINGS),
                "globals": [dict(g) for g in self.globals] if seat.role == "observer" else [],
                "note_labels": NOTE_LABELS if seat.role == "observer" else {},
            }
        elif self.round_index is not None:
            out["round"] = {"index": self.round_index, "number": self.round_index + 1, "sitting_out": True}
        return out

    def _role(self, seat: Seat, person_id: str) -> str:
        other = self.seats.get(seat.round_index, {}).get(person_id)
        return other.role if other else ""


def globals_of(framework) -> list[dict]:
    """The framework's global ratings as a phone shows them (none without a framework)."""
    return [
        {"id": g.id, "name": g.name, "min": g.min, "max": g.max, "low": g.low, "high": g.high}
        for g in (framework.globals if framework is not None else [])
    ]


def _seats(session: dict) -> dict[int, dict[str, Seat]]:
    out: dict[int, dict[str, Seat]] = {}
    for index, rnd in enumerate(session.get("rounds", [])):
        by_person: dict[str, Seat] = {}
        for group in rnd.get("groups", []):
            roles = roles_for(group, rnd.get("turn", 0))
            learner = next((pid for pid, role in roles.items() if role == "practitioner"), None)
            for pid in group:
                role = roles.get(pid, "")
                by_person[pid] = Seat(index, role, tuple(group), learner if role == "observer" else None)
        out[index] = by_person
    return out


def build_state(
    session: dict,
    plan: SessionPlan | None,
    phase_index: int,
    *,
    remaining: float | None = None,
    running: bool = False,
    duration: float | None = None,
    skill_names: dict[str, str] | None = None,
    done_well: dict[str, str] | None = None,
    now: float | None = None,
    globals_: list[dict] | None = None,
) -> RoomState:
    phases = plan.phases if plan else []
    index = max(0, min(phase_index, len(phases) - 1)) if phases else 0
    phase = phases[index] if phases else None
    round_index = next((i for i, r in enumerate(session.get("rounds", [])) if r.get("phase") == index), None)
    skill_id = session["rounds"][round_index].get("skill", "") if round_index is not None else ""
    full = float(phase.minutes * 60) if phase else 0.0  # a timer not yet started shows the whole phase
    duration = full if duration is None else duration
    remaining = duration if remaining is None else remaining
    return RoomState(
        session_uid=session["uid"],
        code=session_code(session["uid"]),
        title=session.get("title", ""),
        people={p["id"]: p["name"] for p in session.get("participants", []) if p.get("present")},
        phase_index=index,
        phase_count=len(phases),
        phase={
            "kind": phase.kind if phase else "",
            "kind_label": phase.kind_label if phase else "",
            "title": phase.title if phase else "Waiting for the trainer",
            "minutes": phase.minutes if phase else 0,
            "instructions": phase.instructions if phase else "",
            "prompts": list(phase.prompts) if phase else [],
        },
        round_index=round_index,
        skill=(skill_names or {}).get(skill_id, skill_id),
        skill_id=skill_id,
        done_well=(done_well or {}).get(skill_id, ""),
        seats=_seats(session),
        round_titles={
            i: phases[r["phase"]].title for i, r in enumerate(session.get("rounds", [])) if r["phase"] < len(phases)
        },
        date=session.get("date", ""),
        team=session.get("team", ""),
        globals=tuple(dict(g) for g in globals_ or ()),
        skill_names=dict(skill_names or {}),
        feedback_opens=opens if (opens := session.get("feedback_opens")) in FEEDBACK_OPENS else DEFAULT_FEEDBACK_OPENS,
        timer={
            "remaining": round(max(0.0, remaining), 1),
            "running": bool(running),
            "duration": round(duration, 1),
            "at": time.time() if now is None else now,
        },
        plan=plan,
    )
