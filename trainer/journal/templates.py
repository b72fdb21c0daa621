"""Reflection templates: ``content/templates/*.yaml``, one template a file.

A template is content, so a trainer adds one by copying a file. Each file
is checked with the shared schema layer; every problem names the file, the
line and the field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from trainer.content_format.frontmatter import read_yaml_file
from trainer.content_format.schema import ID_PATTERN, ContentModel, check
from trainer.domain.diagnostics import ERROR, Diagnostic
from trainer.journal.template_model import TEXT, TICKS, Section, Template, TickOption

FOLDER = "templates"

__all__ = ["TEXT", "TICKS", "Section", "Template", "TickOption", "load_template", "load_templates"]


class TickOptionMeta(ContentModel):
    id: str = Field(pattern=ID_PATTERN)
    label: str = Field(min_length=1)


class SectionMeta(ContentModel):
    id: str = Field(pattern=ID_PATTERN)
    title: str = Field(min_length=1)
    kind: Literal["text", "ticks"] = "text"
    prompt: str = Field(min_length=1)
    example: str = ""
    options: list[TickOptionMeta] = []

    @model_validator(mode="after")
    def _options_match_kind(self) -> SectionMeta:
        if self.kind == TICKS and not self.options:
            raise ValueError(f"section '{self.id}' has kind 'ticks' but no options to tick")
        if self.kind == TEXT and self.options:
            raise ValueError(f"section '{self.id}' lists options; add 'kind: ticks' or remove them")
        ids = [o.id for o in self.options]
        for oid in ids:
            if ids.count(oid) > 1:
                raise ValueError(f"section '{self.id}' has the option id '{oid}' twice")
        return self


class TemplateMeta(ContentModel):
    """The schema of a template file; ``to_template`` makes the plain object the app uses."""

    id: str = Field(pattern=ID_PATTERN)
    title: str = Field(min_length=1)
    short_title: str = ""
    when: str = ""
    order: float = 100
    description: str = ""
    reminder: str = ""
    sections: list[SectionMeta] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_sections(self) -> TemplateMeta:
        seen: set[str] = set()
        for i, section in enumerate(self.sections):
            if section.id in seen:
                raise ValueError(f"duplicate section id '{section.id}' (section {i + 1})")
            seen.add(section.id)
        return self

    def to_template(self) -> Template:
        sections = [
            Section(
                id=s.id,
                title=s.title,
                prompt=s.prompt,
                kind=s.kind,
                example=s.example,
                options=[TickOption(o.id, o.label) for o in s.options],
            )
            for s in self.sections
        ]
        return Template(
            id=self.id,
            title=self.title,
            sections=sections,
            short_title=self.short_title,
            when=self.when,
            order=self.order,
            description=self.description,
            reminder=self.reminder,
        )


def load_template(path: Path) -> tuple[Template | None, list[Diagnostic]]:
    doc, problems = read_yaml_file(path)
    if doc is None:
        return None, problems
    meta, more = check(TemplateMeta, doc)
    return (meta.to_template() if meta is not None else None), problems + more


def load_templates(root: Path) -> tuple[list[Template], list[Diagnostic]]:
    """Every ``*.yaml`` in ``root/templates``, in ``order`` then title order."""
    folder = Path(root) / FOLDER
    if not folder.is_dir():
        return [], []
    templates: list[Template] = []
    diags: list[Diagnostic] = []
    where: dict[str, Path] = {}
    for path in sorted(folder.glob("*.y*ml")):
        template, problems = load_template(path)
        diags.extend(problems)
        if template is None:
            continue
        if template.id in where:
            diags.append(
                Diagnostic(
                    path,
                    1,
                    ERROR,
                    f"field 'id': template id '{template.id}' is already used by "
                    f"{where[template.id].name}; expected a unique id",
                )
            )
            continue
        where[template.id] = path
        templates.append(template)
    templates.sort(key=lambda t: (t.order, t.title.lower()))
    return templates, diags
