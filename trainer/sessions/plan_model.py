"""Session plans as the app uses them: plain frozen dataclasses.

``plans.py`` checks the YAML files with pydantic and builds these, so a
cached course opens without loading pydantic.
"""

from __future__ import annotations

from dataclasses import dataclass, field

KIND_LABELS = {
    "welcome": "Welcome",
    "input": "Input",
    "demo": "Demonstration",
    "practice": "Practice",
    "feedback": "Observer feedback",
    "switch": "Switch roles",
    "debrief": "Debrief",
    "reflection": "Reflection",
    "break": "Break",
}
FORMAT_SIZES = {"pairs": 2, "triads": 3}


@dataclass(frozen=True)
class Practice:
    format: str  # "pairs" or "triads"
    skill: str
    material: str = "own-goal"  # or "scenario"
    scenario: str | None = None
    new_groups: bool = False


@dataclass(frozen=True)
class Phase:
    kind: str  # one of KIND_LABELS
    title: str
    minutes: int
    instructions: str = ""
    prompts: list[str] = field(default_factory=list)
    module: str | None = None
    scenario: str | None = None
    practice: Practice | None = None

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


@dataclass(frozen=True)
class SessionPlan:
    id: str
    title: str
    phases: list[Phase]
    summary: str = ""
    audience: str = ""

    @property
    def total_minutes(self) -> int:
        return sum(p.minutes for p in self.phases)

    def practice_phases(self) -> list[int]:
        """Indexes of the phases that are practice rounds, in order."""
        return [i for i, p in enumerate(self.phases) if p.kind == "practice"]
