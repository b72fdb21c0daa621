"""Front-matter schemas and the translation of pydantic errors to plain words.

Reused by every kind of content (modules, scenarios, templates, plans):
``check(Model, doc)`` gives the parsed model and diagnostics that name the
file line, the field and what was expected.
"""

from __future__ import annotations

import reprlib
from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from trainer.content_format.frontmatter import Document
from trainer.domain.diagnostics import ERROR, WARNING, Diagnostic, did_you_mean
from trainer.domain.questions import DEFAULT_PASS_MARK

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"

M = TypeVar("M", bound=BaseModel)


class ContentModel(BaseModel):
    """Base for content schemas: unknown fields are kept, then warned about."""

    model_config = ConfigDict(extra="allow", str_strip_whitespace=True, defer_build=True)


class ModuleMeta(ContentModel):
    title: str = Field(min_length=1)
    id: str | None = Field(default=None, pattern=ID_PATTERN)
    order: float | None = None
    summary: str = ""
    duration_minutes: int | None = Field(default=None, gt=0, le=600)
    activity_minutes: int | None = Field(default=None, gt=0, le=600)  # part of duration_minutes
    objectives: list[str] = []
    keypoints: list[str] = []
    skills: list[str] = []
    scenarios: list[str] = []
    reflection_prompt: str = ""

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) else value


class CourseMeta(ContentModel):
    title: str = Field(min_length=1)
    description: str = ""
    licence: str = ""
    order: list[str] = []
    check_pass_mark: float = Field(
        default=DEFAULT_PASS_MARK, ge=0, le=1
    )  # share of a module's check to pass (issue 21)


_EXPECTED = {
    "missing": "this field is required",
    "string_type": "expected text",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "int_from_float": "expected a whole number",
    "float_type": "expected a number",
    "float_parsing": "expected a number",
    "list_type": "expected a list (lines starting with '- ')",
    "dict_type": "expected a set of 'field: value' lines",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "string_too_short": "expected some text, found it empty",
    "string_pattern_mismatch": "expected lower-case letters, digits, '-' or '_' (like 'goal-setting')",
    "greater_than": "expected a number above {gt}",
    "greater_than_equal": "expected a number of at least {ge}",
    "less_than_equal": "expected a number of at most {le}",
    "less_than": "expected a number below {lt}",
    "literal_error": "expected one of {expected}",
    "enum": "expected one of {expected}",
    "too_short": "expected at least {min_length} item(s)",
    "too_long": "expected at most {max_length} item(s)",
}


def _field_name(loc: tuple) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "front matter"


_SHORT = reprlib.Repr()  # formats only the start of a value, however big or deep it is
_SHORT.maxlevel, _SHORT.maxlist, _SHORT.maxdict, _SHORT.maxstring, _SHORT.maxother = 2, 4, 4, 60, 60


def _shown(value: Any) -> str:
    """The value as found, in at most 40 characters; never formats all of a huge value."""
    text = _SHORT.repr(value) if isinstance(value, (str, list, dict, tuple, set)) else str(value)[:60]
    return text if len(text) <= 40 else text[:37] + "..."


def explain(error: Mapping[str, Any]) -> str:
    kind = error.get("type", "")
    template = _EXPECTED.get(kind)
    if template is None:
        message = error.get("msg", "is not valid")
        if message.startswith("Value error, "):
            message = message[len("Value error, ") :]
        return message
    try:
        text = template.format(**(error.get("ctx") or {}))
    except (KeyError, IndexError):
        text = template
    if kind != "missing" and "input" in error:
        text += f", found {_shown(error['input'])}"
    return text


def check(
    model: type[M],
    doc: Document,
    *,
    prefix: tuple = (),
    data: dict | None = None,
) -> tuple[M | None, list[Diagnostic]]:
    """Validate ``data`` (default: the document's front matter) against ``model``."""
    data = doc.data if data is None else data
    out: list[Diagnostic] = []
    known = set(model.model_fields)
    if isinstance(data, dict):
        for key in data:
            if str(key) not in known:
                out.append(
                    Diagnostic(
                        doc.path,
                        doc.line_of(prefix + (key,)),
                        WARNING,
                        f"unknown field '{_field_name(prefix + (key,))}'{did_you_mean(str(key), known)}; it is ignored",
                    )
                )
    try:
        parsed = model.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(err.get("loc", ()))
            # A missing field is reported on the line of the mapping that lacks it.
            line = doc.line_of(prefix + (loc[:-1] if err.get("type") == "missing" else loc))
            out.append(Diagnostic(doc.path, line, ERROR, f"field '{_field_name(prefix + loc)}': {explain(err)}"))
        return None, sorted(out, key=lambda d: d.line)
    return parsed, out
