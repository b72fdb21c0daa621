"""The course as plain data: modules and their metadata."""

from __future__ import annotations

from pathlib import Path

from trainer.domain.diagnostics import Diagnostic
from trainer.domain.plain import field, plain
from trainer.domain.questions import DEFAULT_PASS_MARK, Question


@plain
class Heading:
    level: int
    anchor: str
    text: str


@plain
class Module:
    id: str
    title: str
    path: Path
    order: float
    summary: str = ""
    duration_minutes: int | None = None
    activity_minutes: int | None = None  # the exercise's share of duration_minutes
    objectives: list[str] = field(default_factory=list)
    keypoints: list[str] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    scenarios: list[str] = field(default_factory=list)
    reflection_prompt: str = ""
    questions: list[Question] = field(default_factory=list)  # knowledge check + skill prompts
    body: str = ""
    body_line: int = 1  # line of the file where the Markdown body starts
    extra: dict = field(default_factory=dict)
    error: str | None = None  # set when the module failed to load
    root: Path | None = None  # the course folder: images are shown only from inside it

    @property
    def ok(self) -> bool:
        return self.error is None


@plain
class Course:
    title: str
    root: Path
    modules: list[Module] = field(default_factory=list)
    licence: str = ""
    description: str = ""
    check_pass_mark: float = DEFAULT_PASS_MARK  # course.yaml: share of a module's check to pass
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def module(self, module_id: str) -> Module | None:
        for m in self.modules:
            if m.id == module_id:
                return m
        return None

    def readable(self) -> list[Module]:
        return [m for m in self.modules if m.ok]

    def neighbour(self, module_id: str, step: int) -> Module | None:
        """The readable module ``step`` places away in course order."""
        ids = [m.id for m in self.readable()]
        if module_id not in ids:
            return None
        i = ids.index(module_id) + step
        if 0 <= i < len(ids):
            return self.module(ids[i])
        return None
