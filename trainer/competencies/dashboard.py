"""The skills dashboard as plain data: per skill, where the learner stands.

Built from the learner's self-assessments and observer checklists, the
modules that teach each skill (their ``skills:`` front matter) and the
modules already done.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from trainer.competencies.model import Framework
from trainer.competencies.ratings import OBSERVER_NOTES, is_score, item_rating, nice_date, sort_key
from trainer.domain.course import Module

SELF = "self"
OBSERVER = "observer"


@dataclass(frozen=True)
class Point:
    date: str
    source: str  # SELF or OBSERVER
    value: int


@dataclass
class SkillSummary:
    skill_id: str
    name: str
    group: str
    latest_self: Any = None
    latest_self_date: str | None = None
    latest_observer: Any = None
    latest_observer_date: str | None = None
    history: list[Point] = field(default_factory=list)
    evidence: int = 0
    modules: list[Module] = field(default_factory=list)  # every module teaching it
    modules_done: list[Module] = field(default_factory=list)

    @property
    def score(self) -> float | None:
        """Mean of the latest self and observer scores that are numbers."""
        values = [v for v in (self.latest_self, self.latest_observer) if is_score(v)]
        return sum(values) / len(values) if values else None

    def series(self, source: str) -> list[Point]:
        return [p for p in self.history if p.source == source]

    @property
    def trend(self) -> str:
        """Change over time in words with an arrow, from self ratings (else observer)."""
        for source in (SELF, OBSERVER):
            points = self.series(source)
            if len(points) >= 2:
                delta = points[-1].value - points[0].value
                who = "" if source == SELF else " (observer)"
                since = nice_date(points[0].date, year=False)
                if delta > 0:
                    return f"\u2191 up {delta} since {since}{who}"
                if delta < 0:
                    return f"\u2193 down {-delta} since {since}{who}"
                return f"\u2192 steady since {since}{who}"
        return "\u2014 one rating so far" if self.history else "\u2014 not rated yet"


@dataclass(frozen=True)
class Suggestion:
    skill_id: str
    skill_name: str
    text: str
    module_id: str | None = None
    scenario_id: str | None = None


def _evidence(record: dict, skill_id: str, keys: tuple[str, ...]) -> bool:
    item = (record.get("items") or {}).get(skill_id) or {}
    return any(str(item.get(k) or "").strip() for k in keys)


def summarise(
    framework: Framework,
    self_records: list[dict],
    observations: list[dict],
    modules_by_skill: dict[str, list[Module]] | None = None,
    done_ids: set[str] | None = None,
    practice: list[dict] | None = None,
) -> list[SkillSummary]:
    """One summary per skill, in framework order.

    Evidence counts self-assessment items with a note or a link, observer
    checklists that rated the skill or left notes on it, and practice records
    (``practice``: branching consultations held) that list it in ``skills``.
    """
    modules_by_skill = modules_by_skill or {}
    done_ids = done_ids or set()
    selfs = sorted(self_records, key=sort_key)
    obs = sorted(observations, key=sort_key)
    out = []
    for skill in framework.skills:
        s = SkillSummary(skill.id, skill.name, skill.group)
        for rec in selfs:
            value = item_rating(rec, skill.id)
            if value is not None:
                s.latest_self, s.latest_self_date = value, rec.get("date")
            if is_score(value):
                s.history.append(Point(rec.get("date", ""), SELF, value))
            if _evidence(rec, skill.id, ("note", "link")):
                s.evidence += 1
        for rec in obs:
            value = item_rating(rec, skill.id)
            if value is not None:
                s.latest_observer, s.latest_observer_date = value, rec.get("date")
            if is_score(value):
                s.history.append(Point(rec.get("date", ""), OBSERVER, value))
            if value is not None or _evidence(rec, skill.id, OBSERVER_NOTES):
                s.evidence += 1
        s.evidence += sum(1 for rec in practice or [] if skill.id in (rec.get("skills") or []))
        s.history.sort(key=lambda p: (p.date, p.source))
        s.modules = list(modules_by_skill.get(skill.id, []))
        s.modules_done = [m for m in s.modules if m.id in done_ids]
        out.append(s)
    return out


def weakest(summaries: list[SkillSummary], limit: int = 3) -> list[SkillSummary]:
    """Rated skills below 'done well', lowest score first (framework order breaks ties)."""
    rated = [s for s in summaries if s.score is not None and s.score < 2]
    return sorted(rated, key=lambda s: s.score or 0.0)[:limit]


def _scenario_id(scenario: Any) -> str | None:
    return getattr(scenario, "id", None) or (scenario.get("id") if isinstance(scenario, dict) else None)


def _scenario_title(scenario: Any) -> str:
    title = getattr(scenario, "title", None) or (scenario.get("title") if isinstance(scenario, dict) else None)
    return title or _scenario_id(scenario) or "a scenario"


def suggest(
    summaries: list[SkillSummary],
    done_ids: set[str] | None = None,
    scenarios_by_skill: dict[str, list] | None = None,
    limit: int = 3,
) -> list[Suggestion]:
    """For the weakest skills: the next module not yet done, else a scenario, else practice."""
    done_ids = done_ids or set()
    scenarios_by_skill = scenarios_by_skill or {}
    out = []
    for s in weakest(summaries, limit):
        todo = [m for m in s.modules if m.id not in done_ids]
        scenarios = scenarios_by_skill.get(s.skill_id, [])
        if todo:
            out.append(
                Suggestion(s.skill_id, s.name, f"Read the module \u201c{todo[0].title}\u201d", module_id=todo[0].id)
            )
        elif scenarios:
            out.append(
                Suggestion(
                    s.skill_id,
                    s.name,
                    f"Practise with the scenario \u201c{_scenario_title(scenarios[0])}\u201d",
                    scenario_id=_scenario_id(scenarios[0]),
                )
            )
        elif s.modules:
            out.append(
                Suggestion(
                    s.skill_id,
                    s.name,
                    f"Revisit \u201c{s.modules[0].title}\u201d and practise it in a round",
                    module_id=s.modules[0].id,
                )
            )
        else:
            out.append(Suggestion(s.skill_id, s.name, "Practise it in a round and ask an observer to rate it"))
    return out
