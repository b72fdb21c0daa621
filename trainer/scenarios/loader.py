"""Find, read and validate the scenario files of a course folder.

``load_scenarios(root, known_skills)`` never raises for bad content: every
problem becomes a ``PATH:LINE: error: ...`` Diagnostic, and only scenarios
free of errors are returned for the app to show.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, field_validator

from trainer.content_format.frontmatter import read_document
from trainer.content_format.references import unknown_skills
from trainer.content_format.schema import ID_PATTERN, ContentModel, check
from trainer.content_format.unique import load_unique
from trainer.domain.diagnostics import ERROR, WARNING, Diagnostic
from trainer.scenarios.model import PERSON, PRACTITIONER, Person, Scenario
from trainer.scenarios.parse import parse_body, slug

FOLDER = "scenarios"
SKIP_NAMES = {"readme", "license", "licence", "template", "_template"}


def _as_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


class PersonMeta(ContentModel):
    name: str = Field(min_length=1)
    age_range: str = Field(min_length=1)
    conditions: list[str] = Field(min_length=1)
    what_matters: list[str] = Field(min_length=1)
    activation: int = Field(ge=1, le=4)
    about: str = ""

    _lists = field_validator("conditions", "what_matters", mode="before")(_as_list)

    @field_validator("age_range", mode="before")
    @classmethod
    def _age_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) else value


class ScenarioMeta(ContentModel):
    title: str = Field(min_length=1)
    id: str | None = Field(default=None, pattern=ID_PATTERN)
    setting: str = Field(min_length=1)
    practitioner: str = Field(min_length=1)
    person: PersonMeta
    speakers: dict[str, Literal["practitioner", "person", "companion", "other"]] = Field(min_length=2)
    objectives: list[str] = Field(min_length=1)
    skills: list[str] = []
    summary: str = ""

    _lists = field_validator("objectives", "skills", mode="before")(_as_list)


def scenario_files(root: Path) -> list[Path]:
    folder = Path(root) / FOLDER
    if not folder.is_dir():
        return []
    return sorted(
        (p for p in folder.glob("*.md") if p.is_file() and p.stem.lower() not in SKIP_NAMES),
        key=lambda p: p.name.lower(),
    )


def load_scenario(path: Path, known_skills: set[str] | None = None) -> tuple[Scenario | None, list[Diagnostic]]:
    doc, diags = read_document(path)
    if doc is None:
        return None, diags
    if not doc.has_front_matter:
        return None, [
            Diagnostic(
                path,
                1,
                ERROR,
                "no front matter: a scenario starts with a '---' block "
                "holding title, setting, practitioner, person, speakers "
                "and objectives",
            )
        ]
    meta, problems = check(ScenarioMeta, doc)
    diags.extend(problems)
    if meta is None:
        return None, diags
    roles = set(meta.speakers.values())
    for role in (PRACTITIONER, PERSON):
        if role not in roles:
            diags.append(
                Diagnostic(
                    path,
                    doc.line_of(("speakers",)),
                    ERROR,
                    f"field 'speakers': no speaker has the role '{role}'; expected one "
                    f"line like 'Nurse: practitioner' and one like 'Joy: person'",
                )
            )
    diags.extend(unknown_skills(path, doc, meta.skills, known_skills))
    body = parse_body(doc.body, doc.body_line, path, dict(meta.speakers), known_skills)
    diags.extend(body.diagnostics)
    p = meta.person
    scenario = Scenario(
        id=meta.id or slug(path.stem),
        title=meta.title,
        path=path,
        setting=meta.setting,
        practitioner=meta.practitioner,
        person=Person(p.name, p.age_range, list(p.conditions), list(p.what_matters), p.activation, p.about),
        speakers=dict(meta.speakers),
        objectives=list(meta.objectives),
        skills=list(meta.skills),
        summary=meta.summary,
        introduction=body.introduction,
        moments=body.moments,
    )
    used = set(scenario.tags)
    for i, skill in enumerate(meta.skills):
        if (known_skills is None or skill in known_skills) and skill not in used:
            diags.append(
                Diagnostic(
                    path,
                    doc.line_of(("skills", i)),
                    WARNING,
                    f"field 'skills[{i + 1}]': '{skill}' is listed as taught but no turn is tagged with it",
                )
            )
    if not meta.skills:
        scenario.skills = scenario.tags
    return scenario, diags


@dataclass
class LoadedScenarios:
    scenarios: list[Scenario]  # only those free of errors, in file-name order
    diagnostics: list[Diagnostic]
    ids: set[str]  # every id found, so links to a broken scenario do not error twice


def load_scenarios(root: Path, known_skills: set[str] | None = None) -> LoadedScenarios:
    scenarios, diags, seen = load_unique(
        scenario_files(root), lambda path: load_scenario(path, known_skills), "scenario", _id_line
    )
    return LoadedScenarios(scenarios, diags, set(seen))


def _id_line(path: Path) -> int:
    doc, _ = read_document(path)
    if doc is not None and "id" in doc.data:
        return doc.line_of(("id",))
    return 1
