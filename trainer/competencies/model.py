"""The competency framework as the app uses it: plain frozen dataclasses.

``framework.py`` checks ``competencies.yaml`` with pydantic and builds these;
everything else uses them, so a cached course opens without loading pydantic.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from trainer.competencies.coding import KNOWN_THRESHOLDS
from trainer.competencies.kinds import OBSERVATION, SELF_ASSESSMENT  # noqa: F401 (re-exported)


@dataclass(frozen=True)
class ScalePoint:
    value: int | None  # None means "not applicable"
    label: str


@dataclass(frozen=True)
class Skill:
    id: str
    name: str
    done_well: str
    group: str = ""
    description: str = ""
    example: str = ""


@dataclass(frozen=True)
class GlobalRating:
    id: str
    name: str
    description: str = ""
    low: str = ""
    high: str = ""
    min: int = 1
    max: int = 5
    group: str = "relational"  # MITI's two global scores: relational or technical

    @property
    def threshold_key(self) -> str:
        return f"{self.group}_global"


@dataclass(frozen=True)
class Threshold:
    fair: float
    good: float


@dataclass(frozen=True)
class Framework:
    scale: list[ScalePoint]
    skills: list[Skill]
    title: str = "Competency framework"
    globals: list[GlobalRating] = field(default_factory=list)
    thresholds: dict[str, Threshold] = field(default_factory=dict)

    @property
    def skill_ids(self) -> set[str]:
        return {s.id for s in self.skills}

    def skill(self, skill_id: str) -> Skill | None:
        return next((s for s in self.skills if s.id == skill_id), None)

    def global_rating(self, global_id: str) -> GlobalRating | None:
        return next((g for g in self.globals if g.id == global_id), None)

    def scale_label(self, value: int | None) -> str:
        for point in self.scale:
            if point.value == value:
                return point.label
        return str(value)

    def threshold(self, key: str) -> Threshold:
        """The fair/good pair for ``key``; the built-in default if the file has none."""
        found = self.thresholds.get(key)
        if found is not None:
            return found

        fair, good = KNOWN_THRESHOLDS.get(key, (0.0, 0.0))
        return Threshold(fair=fair, good=good)
