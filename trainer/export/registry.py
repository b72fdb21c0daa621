"""The registry of export sections.

A section is a small function ``collect(ctx) -> dict | None`` that reads
records for one profile and period and returns plain data: a dict with an
``items`` list (and anything else its renderers need). A section that finds
nothing returns None or an empty ``items`` list and is left out of the
document. New record kinds add a section with ``@section(...)``; the
renderers (HTML, Markdown, PDF) show any section through a template block
of the same key, or a generic table when there is none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from trainer.export.period import Period


@dataclass
class ExportContext:
    store: Any  # RecordStore (only the public reading methods are used)
    profile_id: str
    content: Any = None  # trainer.content.Content or None
    period: Period = field(default_factory=Period)

    def records(self, kind: str) -> list[dict]:
        """This profile's records of ``kind`` (empty for a kind never stored)."""
        try:
            found = self.store.all(kind, profile=self.profile_id)
        except Exception:  # a kind another version does not know: nothing to show
            return []
        return [r for r in found if isinstance(r, dict)]

    def module(self, module_id: str):
        course = getattr(self.content, "course", None)
        return course.module(module_id) if course is not None and module_id else None

    def module_title(self, module_id: str | None) -> str:
        mod = self.module(module_id) if module_id else None
        return mod.title if mod is not None else (module_id or "")

    def skill_name(self, skill_id: str) -> str:
        framework = getattr(self.content, "framework", None)
        skill = framework.skill(skill_id) if framework is not None else None
        return skill.name if skill is not None else humanise(skill_id)

    def global_info(self, global_id: str) -> tuple[str, int]:
        framework = getattr(self.content, "framework", None)
        for g in getattr(framework, "globals", None) or []:
            if g.id == global_id:
                return g.name, g.max
        return humanise(global_id), 5

    def global_order(self) -> list[str]:
        framework = getattr(self.content, "framework", None)
        return [g.id for g in getattr(framework, "globals", None) or []]

    def skill_order(self) -> list[str]:
        framework = getattr(self.content, "framework", None)
        return [s.id for s in framework.skills] if framework is not None else []


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    description: str
    collect: Callable[[ExportContext], dict | None]
    in_portfolio: bool = True


SECTIONS: dict[str, Section] = {}


def section(key: str, title: str, description: str = "", in_portfolio: bool = True):
    """Register ``collect`` as the section ``key`` (decorator)."""

    def register(fn: Callable[[ExportContext], dict | None]):
        SECTIONS[key] = Section(key, title, description, fn, in_portfolio)
        return fn

    return register


def portfolio_sections() -> list[Section]:
    _load_builtin_sections()
    return [s for s in SECTIONS.values() if s.in_portfolio]


def get_section(key: str) -> Section | None:
    _load_builtin_sections()
    return SECTIONS.get(key)


def collect_section(key: str, ctx: ExportContext) -> dict | None:
    """Run one section; a section that finds nothing (or breaks on odd data)
    gives None, so one strange record never stops the whole export."""
    sec = get_section(key)
    if sec is None:
        return None
    data = sec.collect(ctx)
    if not data or not data.get("items"):
        return None
    return {"key": sec.key, "title": sec.title, **data}


def _load_builtin_sections() -> None:
    # Imported for their @section side effect; late to avoid an import cycle.
    from trainer.export import sections_consultations, sections_course, sections_records, sections_review  # noqa: F401  # lazy: the sections import this module to register


# -- small helpers shared by sections -------------------------------------------------
def humanise(key: str) -> str:
    text = str(key).replace("_", " ").replace("-", " ").strip()
    return text[:1].upper() + text[1:] if text else ""


def first(rec: dict, *names: str, default=None):
    """The first of ``names`` that ``rec`` has with a non-empty value."""
    for name in names:
        value = rec.get(name)
        if value not in (None, "", [], {}):
            return value
    return default


def as_number(value) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(str(value).strip())
    except (TypeError, ValueError):
        return None


def when(rec: dict, *names: str):
    """The record's own date if it has one, else when it was created."""
    return first(rec, *names, "date", "created", "updated")
