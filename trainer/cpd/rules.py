"""What counts as CPD in this app, and for how long.

These are the app's own rules (not a regulator's): each activity a person does
here is credited with the time it takes, marked participatory when it was
done with other people (the NMC's sense of "participatory learning": learning
in which you interact with one or more other people; see ``regulators.py``).
Where the app records time spent (answering a check, a review) it uses that,
capped so that an answer left open over lunch does not count as an hour; where
it does not, a fixed allowance per activity, stated here and in docs/CPD.md,
so a person and their appraiser can see how every minute was reached.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# the kinds of activity, in the order the log shows them
READING = "reading"
CHECKS = "checks"
REVIEWS = "reviews"
SCENARIOS = "scenarios"
CODING = "coding"
TEAM_SESSIONS = "team_sessions"
REFLECTIONS = "reflections"
EXTERNAL = "external"
CONSULTATIONS = "consultations"

KINDS = (READING, CHECKS, REVIEWS, SCENARIOS, CONSULTATIONS, CODING, TEAM_SESSIONS, REFLECTIONS, EXTERNAL)
KIND_TITLES = {
    READING: "Reading modules",
    CHECKS: "Knowledge checks",
    REVIEWS: "Spaced review",
    SCENARIOS: "Scenario practice",
    CONSULTATIONS: "Your turn consultations",
    CODING: "Coding practice",
    TEAM_SESSIONS: "Team sessions",
    REFLECTIONS: "Reflections",
    EXTERNAL: "Other CPD",
}


@dataclass(frozen=True)
class Rule:
    kind: str
    how: str  # how the time is found, in words a person reads in the log
    participatory: bool


RULES = {
    READING: Rule(READING, "the module's stated length, once its knowledge check is passed", False),
    CHECKS: Rule(CHECKS, "time spent answering, at most 10 minutes an answer", False),
    REVIEWS: Rule(REVIEWS, "time spent answering, at most 5 minutes a card", False),
    SCENARIOS: Rule(SCENARIOS, "5 minutes for each reply written, 3 for each skill-spotting round", False),
    CONSULTATIONS: Rule(CONSULTATIONS, "time spent holding the consultation, at most 30 minutes an attempt", False),
    CODING: Rule(CODING, "1 minute for each turn coded, at most 30 a round", False),
    TEAM_SESSIONS: Rule(TEAM_SESSIONS, "the session's length from the trainer's attendance file", True),
    REFLECTIONS: Rule(REFLECTIONS, "30 minutes for each finished reflection", False),
    EXTERNAL: Rule(EXTERNAL, "the time you entered for CPD done outside the app", False),  # per entry
}

CHECK_ANSWER_MAX_SECONDS = 10 * 60
REVIEW_ANSWER_MAX_SECONDS = 5 * 60
SCENARIO_REPLY_MINUTES = 5
SCENARIO_SPOT_MINUTES = 3
CONSULTATION_MAX_SECONDS = 30 * 60
CODING_MINUTES_PER_TURN = 1
CODING_MAX_MINUTES = 30
REFLECTION_MINUTES = 30
EXTERNAL_MAX_MINUTES = 100 * 60  # one entry: a long course at most
METHODS = ("Course or study day", "Conference or workshop", "E-learning", "Reading", "Supervision or coaching", "Other")


def capped_seconds(seconds: object, cap: int) -> float:
    """Seconds as recorded, never negative, never above ``cap`` (not a number: 0)."""
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or seconds != seconds:
        return 0.0
    return float(min(max(seconds, 0), cap))


def consultation_minutes(seconds: object) -> int:
    """Whole minutes, rounded up, of a consultation held (at most 30)."""
    return math.ceil(capped_seconds(seconds, CONSULTATION_MAX_SECONDS) / 60)


def coding_minutes(items: object) -> int:
    if isinstance(items, bool) or not isinstance(items, int) or items <= 0:
        return 0
    return min(items * CODING_MINUTES_PER_TURN, CODING_MAX_MINUTES)
