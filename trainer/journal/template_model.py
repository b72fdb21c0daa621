"""Reflection templates as the app uses them: plain frozen dataclasses.

``templates.py`` checks the YAML files with pydantic and builds these, so a
cached course opens without loading pydantic.
"""

from __future__ import annotations

from dataclasses import dataclass, field

TEXT, TICKS = "text", "ticks"


@dataclass(frozen=True)
class TickOption:
    id: str
    label: str


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    prompt: str
    kind: str = TEXT  # "text" or "ticks"
    example: str = ""
    options: list[TickOption] = field(default_factory=list)


@dataclass(frozen=True)
class Template:
    id: str
    title: str
    sections: list[Section]
    short_title: str = ""
    when: str = ""
    order: float = 100
    description: str = ""
    reminder: str = ""

    @property
    def label(self) -> str:
        return self.short_title or self.title

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    @property
    def text_sections(self) -> list[Section]:
        return [s for s in self.sections if s.kind == TEXT]
