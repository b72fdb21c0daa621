"""Load ``content/competencies.yaml``: the skills everything else refers to."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, model_validator

from trainer.domain.diagnostics import ERROR, Diagnostic
from trainer.modules.frontmatter import read_yaml_file
from trainer.modules.schema import ID_PATTERN, ContentModel, check

FILE_NAME = "competencies.yaml"


class ScalePoint(ContentModel):
    value: int | None = None  # None means "not applicable"
    label: str = Field(min_length=1)


class Skill(ContentModel):
    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1)
    group: str = ""
    description: str = ""
    done_well: str = Field(min_length=1)
    example: str = ""


class GlobalRating(ContentModel):
    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1)
    description: str = ""
    low: str = ""
    high: str = ""
    min: int = 1
    max: int = 5


class Threshold(ContentModel):
    fair: float
    good: float


class Framework(ContentModel):
    title: str = "Competency framework"
    scale: list[ScalePoint] = Field(min_length=2)
    skills: list[Skill] = Field(min_length=1)
    globals: list[GlobalRating] = []
    thresholds: dict[str, Threshold] = {}

    @model_validator(mode="after")
    def _unique(self) -> "Framework":
        seen: set[str] = set()
        for i, skill in enumerate(self.skills):
            if skill.id in seen:
                raise ValueError(f"duplicate skill id '{skill.id}' (item {i + 1})")
            seen.add(skill.id)
        return self

    @property
    def skill_ids(self) -> set[str]:
        return {s.id for s in self.skills}

    def skill(self, skill_id: str) -> Skill | None:
        return next((s for s in self.skills if s.id == skill_id), None)


def load_framework(root: Path) -> tuple[Framework | None, list[Diagnostic]]:
    path = Path(root) / FILE_NAME
    if not path.is_file():
        return None, []
    doc, problems = read_yaml_file(path)
    if doc is None:
        return None, problems
    framework, more = check(Framework, doc)
    if framework is None and not any(d.is_error for d in more):
        more.append(Diagnostic(path, 1, ERROR, "competency framework is not valid"))
    return framework, problems + more
