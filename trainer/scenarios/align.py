"""Line the two consultations up, moment by moment, and find skills in them.

Pure functions over a loaded Scenario; the viewer and the practice service
both build on these.
"""

from __future__ import annotations

from dataclasses import dataclass

from trainer.scenarios.model import PRACTITIONER, Moment, Scenario, Turn


@dataclass(frozen=True)
class Row:
    """One moment, side by side: the turns both versions share, then each version's own."""

    moment: Moment
    shared: list[Turn]
    traditional: list[Turn]
    sms: list[Turn]

    @property
    def parts_at(self) -> int:
        """Index of the first turn where the versions differ (= number of shared turns)."""
        return len(self.shared)


@dataclass(frozen=True)
class Place:
    """Where a skill is used: a turn of the self-management version."""

    moment: Moment
    index: int  # index into moment.sms
    turn: Turn


def parts_at(moment: Moment) -> int:
    """How many opening turns the two versions of a moment have in common."""
    n = 0
    for a, b in zip(moment.traditional, moment.sms):
        if not a.same_as(b):
            break
        n += 1
    return n


def align(scenario: Scenario) -> list[Row]:
    rows = []
    for m in scenario.moments:
        n = parts_at(m)
        rows.append(Row(m, m.sms[:n], m.traditional[n:], m.sms[n:]))
    return rows


def first_parting(scenario: Scenario) -> Moment | None:
    """The first moment in which the two consultations take different paths."""
    for m in scenario.moments:
        if parts_at(m) < max(len(m.traditional), len(m.sms)):
            return m
    return None


def places(scenario: Scenario, skill: str) -> list[Place]:
    """Every turn tagged with ``skill``, in order: 'show me every place that uses it'."""
    return [Place(m, i, t) for m in scenario.moments for i, t in enumerate(m.sms) if skill in t.tags]


def skill_counts(scenario: Scenario) -> dict[str, int]:
    counts: dict[str, int] = {}
    for m in scenario.moments:
        for t in m.sms:
            for tag in t.tags:
                counts[tag] = counts.get(tag, 0) + 1
    return counts


def spot_targets(scenario: Scenario, moment: Moment) -> list[tuple[int, Turn]]:
    """The practitioner's turns in the SMS version: the ones a learner tags."""
    return [(i, t) for i, t in enumerate(moment.sms) if scenario.role_of(t.speaker) == PRACTITIONER]


def expected_tags(scenario: Scenario, moment: Moment) -> dict[int, list[str]]:
    return {i: list(t.tags) for i, t in spot_targets(scenario, moment)}
