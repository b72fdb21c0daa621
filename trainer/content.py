"""Load everything in a course folder and collect every problem found.

This is the single entry point used by the app and by ``trainer validate``.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.domain.course import Course
from trainer.domain.diagnostics import Diagnostic
from trainer.domain.plain import field, plain
from trainer.signed_cache import Sealed

if TYPE_CHECKING:  # the loaders are imported when loading, keeping start-up light
    from trainer.competencies.model import Framework
    from trainer.sessions.plan_model import SessionPlan


def default_content() -> Path:
    """The course to open when none is named: ``$TRAINER_CONTENT``, else the bundled one."""
    chosen = os.environ.get("TRAINER_CONTENT")
    return Path(chosen) if chosen else bundled_content()


def bundled_content() -> Path:
    """The course shipped with the app (``content/`` next to the package)."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "content", here / "content"):
        if candidate.is_dir():
            return candidate
    return here.parent / "content"


# Parts of a cached course unpickled when first used: opening the app on Home
# needs none of them, so their classes are not even imported then.
DEFERRED = ("framework", "scenarios", "plans", "templates", "consultations")


@plain
class Content:
    root: Path
    course: Course
    framework: Framework | None
    scenarios: list = field(default_factory=list)
    plans: list[SessionPlan] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    templates: list = field(default_factory=list)  # reflection templates
    consultations: list = field(default_factory=list)  # branching consultations (issue 22)
    cache_key: str | None = None  # set when loaded through trainer.content_cache

    @property
    def has_framework(self) -> bool:
        """Whether the course has a competency framework (without loading it)."""
        if "framework" in self.__dict__:
            return self.framework is not None
        return bool(self.__dict__.get("_has_framework"))

    def __getstate__(self) -> dict:
        for name in DEFERRED:
            getattr(self, name)  # a part still pickled is loaded first
        state = dict(self.__dict__)
        state.pop("_pickled", None)
        state["_has_framework"] = self.framework is not None
        # Sealed: kept beside the cache's signed part, checked when first used (signed_cache)
        state["_pickled"] = {
            name: Sealed(pickle.dumps(state.pop(name), protocol=pickle.HIGHEST_PROTOCOL)) for name in DEFERRED
        }
        return state

    def __getattr__(self, name: str):
        """Called only for a missing attribute: a deferred part of a cached course."""
        pickled = self.__dict__.get("_pickled")
        if pickled is not None and name in pickled:
            part = pickled.pop(name)
            try:
                value = pickle.loads(part.open())  # Sealed: checked against its signed digest first
            except ValueError:  # changed on disk since it was cached: read from the course itself
                value = getattr(load_content(self.root), name)
            setattr(self, name, value)
            return value
        raise AttributeError(name)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_error]

    def summary_line(self) -> str:
        n_mod = len(self.course.modules)
        e, w = len(self.errors), len(self.warnings)
        return (
            f"{n_mod} module{'s' if n_mod != 1 else ''}, {len(self.scenarios)} scenario"
            f"{'s' if len(self.scenarios) != 1 else ''}, {e} error{'s' if e != 1 else ''}, "
            f"{w} warning{'s' if w != 1 else ''}"
        )


def load_content(root: Path) -> Content:
    from trainer.competencies.framework import load_framework
    from trainer.consultations.loader import load_consultations
    from trainer.journal.templates import load_templates
    from trainer.modules.loader import load_course
    from trainer.scenarios.loader import load_scenarios
    from trainer.sessions.plans import load_plans

    root = Path(root)
    diags: list[Diagnostic] = []
    framework, problems = load_framework(root)
    diags.extend(problems)
    known_skills = framework.skill_ids if framework else None
    loaded = load_scenarios(root, known_skills=known_skills)
    diags.extend(loaded.diagnostics)
    course = load_course(root, known_skills=known_skills, known_scenarios=loaded.ids)
    diags.extend(course.diagnostics)
    templates, problems = load_templates(root)
    diags.extend(problems)
    plans, problems = load_plans(root, known_skills=known_skills, known_modules={m.id for m in course.modules})
    diags.extend(problems)
    branching = load_consultations(root, known_skills=known_skills)
    diags.extend(branching.diagnostics)
    diags.sort(key=lambda d: (str(d.path), d.line))
    return Content(
        root=root,
        course=course,
        framework=framework,
        scenarios=loaded.scenarios,
        plans=plans,
        diagnostics=diags,
        templates=templates,
        consultations=branching.consultations,
    )
