"""The pydantic models behind ``schemas.problem``: one per record kind (see ``schemas.py``).

Importing this loads pydantic and builds the models, about 100 ms; ``schemas`` imports it
when the first record is checked, so no caller has to put off importing ``schemas``.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    model_validator,
)

from trainer.records.record_check import MAX_DEPTH
from trainer.records.safe_json import depth_within


def _datetime(text: str) -> str:
    datetime.fromisoformat(text)  # ValueError: not a date and time
    return text


def _date(text: str) -> str:
    date.fromisoformat(text[:10])
    return text


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise ValueError("expected a finite number")
    return value


IsoDateTime = Annotated[StrictStr, AfterValidator(_datetime)]
IsoDate = Annotated[StrictStr, AfterValidator(_date)]
Text = StrictStr
Id = Annotated[StrictStr, Field(min_length=1)]
Number = Annotated[float, Field(strict=True), AfterValidator(_finite)]
Position = Annotated[Number, Field(ge=0, le=1)]


class Record(BaseModel):
    """Every kind: a uid, and times that are real times."""

    model_config = ConfigDict(extra="allow", defer_build=True)
    uid: Id

    @model_validator(mode="before")
    @classmethod
    def _not_too_deep(cls, data: Any) -> Any:
        if not depth_within(data, MAX_DEPTH):
            raise ValueError(f"it is nested more than {MAX_DEPTH} deep")
        return data

    created: IsoDateTime | None = None
    updated: IsoDateTime | None = None
    profile: Text | None = None


class Reflection(Record):
    date: IsoDate | None = None
    title: Text = ""
    template: Text = ""
    status: Text = "draft"
    tags: list[Text] = []
    sections: dict[str, Text | None] = {}
    ticks: dict[str, Any] = {}
    link: dict[str, Any] | None = None
    finished_at: IsoDateTime | None = None
    binned_at: IsoDateTime | None = None


class Progress(Record):
    module: Id
    done: StrictBool = False
    done_at: IsoDateTime | None = None
    position: Position = 0.0
    done_by: Literal["check", "hand"] | None = None  # None on records older than issue 21: by hand
    reached_end: StrictBool = False


class ProfileState(Record):
    last_module: Text | None = None


class Profile(Record):
    name: Text = ""


class Goal(Record):
    goal: Text = ""
    importance: StrictInt | None = None
    confidence: StrictInt | None = None
    plan: dict[str, Text] = {}
    every_days: StrictInt = 7
    next_checkin: IsoDate | None = None
    status: Text = ""


class GoalCheckin(Record):
    goal: Id | None = None
    date: IsoDate | None = None
    progress: Text = ""
    note: Text = ""
    confidence: StrictInt | None = None


class Bookmark(Record):
    module: Id
    anchor: Text = ""
    heading: Text = ""
    text: Text = ""
    note: Text = ""


class Rated(Record):
    """Self-assessments and observations (the Skills checklist)."""

    date: IsoDate | None = None
    items: dict[str, dict[str, Any]] = {}
    globals: dict[str, StrictInt | None] = {}
    counts: dict[str, StrictInt] = {}


class SessionObservation(Rated):
    """One observer's record of one practitioner in one round of a team session (issue 24):
    what the trainer typed, a file an observer handed in, or the observer's phone sent."""

    session: Text = ""
    round: Annotated[StrictInt, Field(ge=0)] = 0
    observer: Text = ""
    learner: Text = ""
    skill: Text = ""
    note: Text = ""
    live_taps: list[Text] = []
    observer_name: Text = ""
    learner_name: Text = ""
    session_date: Text = ""


class CodingPractice(Record):
    """A coding practice round: the learner's codes against the expert's (issue 22)."""

    scenario: Id
    scenario_title: Text = ""
    date: IsoDate | None = None
    codes: list[Text] = []
    expert: list[Text] = []
    items: StrictInt = 0
    agreement: Annotated[Number, Field(ge=0, le=1)] | None = None
    kappa: Annotated[Number, Field(ge=-1, le=1)] | None = None
    per_code: dict[str, dict[str, StrictInt]] = {}
    session: Text = ""
    observer: Text = ""
    observer_name: Text = ""


class CheckAttempt(Record):
    """One answer to a knowledge-check question (issue 21)."""

    module: Id
    question: Id
    card: Text = ""
    kind: Text = ""
    attempt: Annotated[StrictInt, Field(ge=1)] = 1
    answer: list[StrictInt] | Text | None = None
    response: Text = ""
    rating: Text | None = None
    correct: StrictBool | None = None
    seconds: Annotated[Number, Field(ge=0)] = 0.0


class ConsultationAttempt(Record):
    """A branching consultation held to its end ("Your turn", issue 22): the path and its figures."""

    consultation: Id
    consultation_title: Text = ""
    profession: Text = ""
    date: IsoDate | None = None
    path: list[dict[str, StrictStr | Annotated[StrictInt, Field(ge=0)]]] = []
    counts: dict[str, Annotated[StrictInt, Field(ge=0)]] = {}
    figures: dict[str, Annotated[Number, Field(ge=0)] | None] = {}
    levels: dict[str, Text | None] = {}
    expert_matches: Annotated[StrictInt, Field(ge=0)] = 0
    decisions: Annotated[StrictInt, Field(ge=0)] = 0
    end: Text = ""
    seconds: Annotated[Number, Field(ge=0)] = 0.0
    skills: list[Text] = []
    finished_at: IsoDateTime | None = None


Rating = Annotated[StrictInt, Field(ge=1, le=4)]  # FSRS: Again, Hard, Good, Easy
Seconds = Annotated[Number, Field(ge=0)]


class ReviewCard(Record):
    """One question's spaced-review schedule (``trainer/review``): FSRS's card state."""

    card: Id  # "module#question"
    module: Id
    question: Id
    fsrs: dict[str, Any] = {}
    due: IsoDateTime


class ReviewLog(Record):
    """One review of one card: what was answered and how it was rated."""

    card: Id
    module: Text = ""
    question: Text = ""
    kind: Text = ""
    rating: Rating
    reviewed_at: IsoDateTime
    answer: Text = ""
    correct: StrictBool | None = None  # None: rated by the learner, not marked
    seconds: Seconds = 0.0
    next_due: IsoDateTime | None = None


class AttendanceRound(BaseModel):
    model_config = ConfigDict(extra="allow")
    round: Annotated[StrictInt, Field(ge=1)]
    title: Text = ""
    skill: Text = ""
    role: Literal["practitioner", "person", "observer"]


class SessionAttendance(Record):
    """A team session the person attended, from the trainer's attendance file (issue 19)."""

    session_uid: Id
    title: Text = ""
    date: IsoDate
    team: Text = ""
    minutes: Annotated[StrictInt, Field(ge=0, le=24 * 60)]
    participatory: StrictBool = True
    rounds: list[AttendanceRound] = []
    practitioner_turns: Annotated[StrictInt, Field(ge=0)] = 0
    feedback: Annotated[StrictInt, Field(ge=0)] = 0


class EvidenceItem(BaseModel):
    model_config = ConfigDict(extra="allow")
    kind: Text
    uid: Id
    title: Text = ""
    day: Text = ""


class CpdEvidence(Record):
    """The items a person picked as evidence for one requirement of a regulator (issue 19)."""

    regulator: Id
    requirement: Id
    items: list[EvidenceItem] = []


class ExternalCpd(Record):
    """CPD done outside the app, entered by hand (issue 19)."""

    title: Annotated[StrictStr, Field(min_length=1, max_length=300)]
    date: IsoDate
    minutes: Annotated[StrictInt, Field(ge=1, le=100 * 60)]
    participatory: StrictBool = False
    method: Text = ""
    note: Text = ""
    certificate: Annotated[StrictStr, Field(pattern=r"^([A-Za-z0-9][A-Za-z0-9-]{0,80}\.(pdf|png|jpg|jpeg))?$")] = ""


class CpdChoice(Record):
    """The regulator a person revalidates with, and the last day of their cycle (issue 19)."""

    regulator: Id
    cycle_end: IsoDate


MODELS: dict[str, type[Record]] = {
    "reflection": Reflection,
    "progress": Progress,
    "profile_state": ProfileState,
    "profiles": Profile,
    "goal": Goal,
    "goal_checkin": GoalCheckin,
    "bookmark": Bookmark,
    "self_assessment": Rated,
    "observation": Rated,
    "session_observation": SessionObservation,
    "coding_practice": CodingPractice,
    "check_attempt": CheckAttempt,
    "consultation_attempt": ConsultationAttempt,
    "review_card": ReviewCard,
    "review_log": ReviewLog,
    "session_attendance": SessionAttendance,
    "cpd_evidence": CpdEvidence,
    "cpd_choice": CpdChoice,
    "external_cpd": ExternalCpd,
}
