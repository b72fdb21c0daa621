"""Load ``content/competencies.yaml``: the skills everything else refers to.

Checks beyond the field types (duplicate ids, a scale that cannot be used,
thresholds the wrong way round) are made after parsing, so that each
problem is reported on the line of the offending entry.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field

from trainer.competencies.coding import DEFAULT_THRESHOLDS, KNOWN_THRESHOLDS
from trainer.competencies.model import Framework, GlobalRating, ScalePoint, Skill, Threshold
from trainer.content_format.frontmatter import Document, read_yaml_file
from trainer.content_format.schema import ID_PATTERN, ContentModel, check
from trainer.domain.diagnostics import ERROR, WARNING, Diagnostic, did_you_mean

FILE_NAME = "competencies.yaml"

# The item ratings the app understands: 0 not done, 1 partly, 2 done well,
# and null for "not applicable".
ALLOWED_SCALE_VALUES = (0, 1, 2, None)


class ScalePointMeta(ContentModel):
    value: int | None = None  # None means "not applicable"
    label: str = Field(min_length=1)


class SkillMeta(ContentModel):
    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1)
    group: str = ""
    description: str = ""
    done_well: str = Field(min_length=1)
    example: str = ""


class GlobalRatingMeta(ContentModel):
    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1)
    description: str = ""
    low: str = ""
    high: str = ""
    min: int = 1
    max: int = 5
    group: Literal["relational", "technical"] = "relational"


class ThresholdMeta(ContentModel):
    fair: float
    good: float


class FrameworkMeta(ContentModel):
    """The schema of ``competencies.yaml``; ``to_framework`` makes the plain object the app uses."""

    title: str = "Competency framework"
    scale: list[ScalePointMeta] = Field(min_length=2)
    skills: list[SkillMeta] = Field(min_length=1)
    globals: list[GlobalRatingMeta] = []
    thresholds: dict[str, ThresholdMeta] = {}

    def to_framework(self) -> Framework:
        return Framework(
            title=self.title,
            scale=[ScalePoint(p.value, p.label) for p in self.scale],
            skills=[
                Skill(
                    id=s.id,
                    name=s.name,
                    done_well=s.done_well,
                    group=s.group,
                    description=s.description,
                    example=s.example,
                )
                for s in self.skills
            ],
            globals=[
                GlobalRating(
                    id=g.id,
                    name=g.name,
                    description=g.description,
                    low=g.low,
                    high=g.high,
                    min=g.min,
                    max=g.max,
                    group=g.group,
                )
                for g in self.globals
            ],
            thresholds={k: Threshold(fair=t.fair, good=t.good) for k, t in self.thresholds.items()},
        )


__all__ = ["Framework", "GlobalRating", "ScalePoint", "Skill", "Threshold", "load_framework"]


def _nested_extras(framework: FrameworkMeta):
    for name in ("scale", "skills", "globals"):
        for i, entry in enumerate(getattr(framework, name)):
            for key in entry.model_extra or {}:
                yield (name, i), key, set(type(entry).model_fields)
    for name, entry in framework.thresholds.items():
        for key in entry.model_extra or {}:
            yield ("thresholds", name), key, set(ThresholdMeta.model_fields)


def _dotted(loc: tuple) -> str:
    return "".join(f"[{p + 1}]" if isinstance(p, int) else (f".{p}" if i else str(p)) for i, p in enumerate(loc))


def _problems(framework: FrameworkMeta, doc: Document) -> list[Diagnostic]:
    """Rules that need the whole file: each reported on its own line."""
    out: list[Diagnostic] = []

    def err(loc: tuple, message: str) -> None:
        out.append(Diagnostic(doc.path, doc.line_of(loc), ERROR, message))

    # Unknown fields inside entries (the top level is checked by schema.check).
    for loc, key, known in _nested_extras(framework):
        out.append(
            Diagnostic(
                doc.path,
                doc.line_of(loc + (key,)),
                WARNING,
                f"unknown field '{_dotted(loc + (key,))}'{did_you_mean(key, known)}; it is ignored",
            )
        )
    seen: dict[str, int] = {}
    for i, skill in enumerate(framework.skills):
        if skill.id in seen:
            err(
                ("skills", i, "id"),
                f"field 'skills[{i + 1}].id': duplicate skill id '{skill.id}' "
                f"(first used on line {seen[skill.id]}); every skill needs its own id",
            )
        else:
            seen[skill.id] = doc.line_of(("skills", i, "id"))
    seen_globals: dict[str, int] = {}
    for i, rating in enumerate(framework.globals):
        if rating.id in seen_globals or rating.id in seen:
            err(
                ("globals", i, "id"),
                f"field 'globals[{i + 1}].id': duplicate id '{rating.id}'; every global rating needs its own id",
            )
        seen_globals.setdefault(rating.id, i)
        if rating.min >= rating.max:
            err(
                ("globals", i, "min"),
                f"field 'globals[{i + 1}]': expected min below max, found min {rating.min} and max {rating.max}",
            )
    values: set = set()
    for i, point in enumerate(framework.scale):
        if point.value not in ALLOWED_SCALE_VALUES:
            err(
                ("scale", i, "value"),
                f"field 'scale[{i + 1}].value': expected 0, 1, 2 or null (not applicable), found {point.value}",
            )
        elif point.value in values:
            shown = "null" if point.value is None else point.value
            err(("scale", i, "value"), f"field 'scale[{i + 1}].value': the value {shown} is listed twice")
        values.add(point.value)
    missing = [v for v in ALLOWED_SCALE_VALUES if v not in values]
    if missing:
        shown = ", ".join("null" if v is None else str(v) for v in missing)
        err(("scale",), f"field 'scale': expected a label for each of 0, 1, 2 and null; missing {shown}")
    absent = [k for k in DEFAULT_THRESHOLDS if k not in framework.thresholds]
    if absent:
        where = ("thresholds",) if "thresholds" in doc.data else ()
        used = "; ".join(f"{k} fair {DEFAULT_THRESHOLDS[k][0]:g}, good {DEFAULT_THRESHOLDS[k][1]:g}" for k in absent)
        out.append(
            Diagnostic(
                doc.path,
                doc.line_of(where),
                WARNING,
                f"field 'thresholds': no value for {', '.join(absent)}; using the built-in defaults ({used})",
            )
        )
    for key, pair in framework.thresholds.items():
        if key not in KNOWN_THRESHOLDS:
            out.append(
                Diagnostic(
                    doc.path,
                    doc.line_of(("thresholds", key)),
                    WARNING,
                    f"unknown threshold 'thresholds.{key}'{did_you_mean(key, list(KNOWN_THRESHOLDS))}; it is not used",
                )
            )
        if pair.fair > pair.good:
            err(
                ("thresholds", key),
                f"field 'thresholds.{key}': expected 'fair' at or below 'good', "
                f"found fair {pair.fair} and good {pair.good}",
            )
    return out


def load_framework(root: Path) -> tuple[Framework | None, list[Diagnostic]]:
    path = Path(root) / FILE_NAME
    if not path.is_file():
        return None, []
    doc, problems = read_yaml_file(path)
    if doc is None:
        return None, problems
    framework, more = check(FrameworkMeta, doc)
    if framework is None:
        if not any(d.is_error for d in more):
            more.append(Diagnostic(path, 1, ERROR, "competency framework is not valid"))
        return None, problems + more
    more.extend(_problems(framework, doc))
    if any(d.is_error for d in more):
        return None, problems + more
    return framework.to_framework(), problems + more
