"""Session plans: ``content/sessions/*.yaml``, a timed list of phases.

A plan is data a trainer can write without Python. Each phase has a kind
(welcome, input, demo, practice, feedback, switch, debrief, reflection,
break),
minutes, instructions for the room and prompts. A practice phase says the
format (pairs or triads), the skill in focus (a framework skill id) and the
material (the participants' own change goal, or a scenario's person).

Errors name the file, the line, the field and what was expected; they are
collected by ``trainer validate`` through ``trainer/content.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from trainer.content_format.frontmatter import read_yaml_file
from trainer.content_format.schema import ID_PATTERN, ContentModel, check
from trainer.domain.diagnostics import ERROR, WARNING, Diagnostic, did_you_mean
from trainer.sessions.grouping import SIZES, blocks_of
from trainer.sessions.plan_model import FORMAT_SIZES, KIND_LABELS, Phase, Practice, SessionPlan

FOLDER = "sessions"

PhaseKind = Literal["welcome", "input", "demo", "practice", "feedback", "switch", "debrief", "reflection", "break"]

__all__ = ["FORMAT_SIZES", "KIND_LABELS", "Phase", "Practice", "SessionPlan", "load_plans", "plan_summary"]


class PracticeMeta(ContentModel):
    format: Literal["pairs", "triads"]
    skill: str = Field(min_length=1)
    material: Literal["own-goal", "scenario"] = "own-goal"
    scenario: str | None = Field(default=None, pattern=ID_PATTERN)
    new_groups: bool = False

    @model_validator(mode="after")
    def _scenario_named(self) -> PracticeMeta:
        if self.material == "scenario" and not self.scenario:
            raise ValueError("material 'scenario' needs a 'scenario:' id naming whose person to play")
        return self


class PhaseMeta(ContentModel):
    kind: PhaseKind
    title: str = Field(min_length=1)
    minutes: int = Field(gt=0, le=480)
    instructions: str = ""
    prompts: list[str] = []
    module: str | None = Field(default=None, pattern=ID_PATTERN)
    scenario: str | None = Field(default=None, pattern=ID_PATTERN)
    practice: PracticeMeta | None = None

    @model_validator(mode="after")
    def _practice_matches_kind(self) -> PhaseMeta:
        if self.kind == "practice" and self.practice is None:
            raise ValueError("a 'practice' phase needs a 'practice:' block with format and skill")
        if self.kind != "practice" and self.practice is not None:
            raise ValueError(f"only a 'practice' phase has a 'practice:' block (this one is '{self.kind}')")
        return self

    def to_phase(self) -> Phase:
        p = self.practice
        practice = (
            Practice(format=p.format, skill=p.skill, material=p.material, scenario=p.scenario, new_groups=p.new_groups)
            if p is not None
            else None
        )
        return Phase(
            kind=self.kind,
            title=self.title,
            minutes=self.minutes,
            instructions=self.instructions,
            prompts=list(self.prompts),
            module=self.module,
            scenario=self.scenario,
            practice=practice,
        )


class SessionPlanMeta(ContentModel):
    """The schema of a plan file; ``to_plan`` makes the plain object the app uses."""

    id: str = Field(pattern=ID_PATTERN)
    title: str = Field(min_length=1)
    summary: str = ""
    audience: str = ""
    phases: list[PhaseMeta] = Field(min_length=1)

    def to_plan(self) -> SessionPlan:
        return SessionPlan(
            id=self.id,
            title=self.title,
            phases=[p.to_phase() for p in self.phases],
            summary=self.summary,
            audience=self.audience,
        )


@dataclass
class LoadedPlan:
    plan: SessionPlan
    path: Path


def plan_files(root: Path) -> list[Path]:
    folder = Path(root) / FOLDER
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def load_plans(
    root: Path,
    known_skills: set[str] | None = None,
    known_modules: set[str] | None = None,
    known_scenarios: set[str] | None = None,
) -> tuple[list[SessionPlan], list[Diagnostic]]:
    """Every valid plan under ``root/sessions`` plus every problem found (never raises)."""
    plans: list[SessionPlan] = []
    diags: list[Diagnostic] = []
    seen: dict[str, Path] = {}
    for path in plan_files(root):
        doc, problems = read_yaml_file(path)
        diags.extend(problems)
        if doc is None:
            continue
        meta, problems = check(SessionPlanMeta, doc)
        plan = meta.to_plan() if meta is not None else None
        diags.extend(problems)
        extra_checks = [(("phases", i), phase) for i, phase in enumerate(plan.phases)] if plan else []
        for i, raw in enumerate(doc.data.get("phases") or []):
            if isinstance(raw, dict):  # unknown fields inside phases are warned about too
                diags.extend(d for d in _unknown_fields(doc, raw, ("phases", i)))
        if plan is None:
            if not any(d.is_error for d in problems):
                diags.append(Diagnostic(path, 1, ERROR, "session plan is not valid"))
            continue
        bad = False
        for loc, phase in extra_checks:
            for field, value, known, what in (
                ("module", phase.module, known_modules, "module"),
                ("scenario", phase.scenario, known_scenarios, "scenario"),
            ):
                if value and known is not None and value not in known:
                    diags.append(_unknown(doc, loc + (field,), value, known, what))
                    bad = True
            if phase.practice is not None:
                p = phase.practice
                if known_skills is not None and p.skill not in known_skills:
                    diags.append(
                        _unknown(
                            doc,
                            loc + ("practice", "skill"),
                            p.skill,
                            known_skills,
                            "skill",
                            "; expected an id from the competency framework",
                        )
                    )
                    bad = True
                if p.scenario and known_scenarios is not None and p.scenario not in known_scenarios:
                    diags.append(_unknown(doc, loc + ("practice", "scenario"), p.scenario, known_scenarios, "scenario"))
                    bad = True
        if plan.id in seen:
            diags.append(
                Diagnostic(
                    path,
                    doc.line_of(("id",)),
                    ERROR,
                    f"duplicate plan id '{plan.id}' (also used by {seen[plan.id].name})",
                )
            )
            continue
        seen[plan.id] = path
        if not bad:  # a plan with errors is not also warned about its shape
            diags.extend(short_blocks(plan, doc))
            plans.append(plan)
    diags.sort(key=lambda d: (str(d.path), d.line))
    return plans, diags


def short_blocks(plan: SessionPlan, doc) -> list[Diagnostic]:
    """A warning for each block of rounds too short for everyone in a group to take the
    practitioner's turn at its skill (a pairs block of one round, a triads block of two)."""
    indexes = plan.practice_phases()
    practice = [plan.phases[i].practice for i in indexes]
    if not practice or any(p is None for p in practice):
        return []
    steps = [p for p in practice if p is not None]
    places = blocks_of([p.format for p in steps], [p.new_groups for p in steps])
    out = []
    for block in sorted({b for b, _turn in places}):
        rounds = [(i, p) for i, p, (b, _turn) in zip(indexes, steps, places) if b == block]
        first_index, first = rounds[0]
        size = SIZES[first.format]
        if len(rounds) >= size:
            continue
        skills = ", ".join(dict.fromkeys(f"'{p.skill}'" for _i, p in rounds))
        out.append(
            Diagnostic(
                doc.path,
                doc.line_of(("phases", first_index)),
                WARNING,
                f"phase {first_index + 1}: a {first.format} block of {len(rounds)} round"
                f"{'s' if len(rounds) > 1 else ''}: only {len(rounds)} of every {size} people practise {skills} "
                f"as practitioner; give the block {size} rounds, or accept that the others only watch this skill",
            )
        )
    return out


def _field(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part + 1}]" if isinstance(part, int) else ("." if out else "") + str(part)
    return out


def _unknown(doc, loc: tuple, value: str, known: set[str], what: str, tail: str = "") -> Diagnostic:
    return Diagnostic(
        doc.path,
        doc.line_of(loc),
        ERROR,
        f"field '{_field(loc)}': unknown {what} id '{value}'{did_you_mean(value, known)}{tail}",
    )


def _unknown_fields(doc, raw: dict, loc: tuple) -> list[Diagnostic]:
    out = []
    known = set(PhaseMeta.model_fields)
    for key in raw:
        if str(key) not in known:
            out.append(
                Diagnostic(
                    doc.path,
                    doc.line_of(loc + (key,)),
                    WARNING,
                    f"unknown field '{_field(loc + (key,))}'{did_you_mean(str(key), known)}; it is ignored",
                )
            )
    practice = raw.get("practice")
    if isinstance(practice, dict):
        known_p = set(PracticeMeta.model_fields)
        for key in practice:
            if str(key) not in known_p:
                out.append(
                    Diagnostic(
                        doc.path,
                        doc.line_of(loc + ("practice", key)),
                        WARNING,
                        f"unknown field '{_field(loc + ('practice', key))}'"
                        f"{did_you_mean(str(key), known_p)}; it is ignored",
                    )
                )
    return out


def plan_summary(plan: SessionPlan) -> str:
    """One line for ``trainer validate``: the phases sum shown."""
    n = len(plan.phases)
    rounds = len(plan.practice_phases())
    return (
        f"plan '{plan.id}': {n} phase{'s' if n != 1 else ''}, {rounds} practice round"
        f"{'s' if rounds != 1 else ''}, {plan.total_minutes} minutes in all"
    )
