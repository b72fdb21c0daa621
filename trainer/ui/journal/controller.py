"""Qt-facing controller for the journal and the learner's own goals.

Widgets call methods here; each write goes through a service and is
announced by one past-tense signal. A failed write (disk full, folder
read-only) emits ``save_failed`` with a plain message and returns False,
so the editor can keep the text and try again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from trainer.services.goals import GoalService
from trainer.services.journal import JournalFilter, JournalService
from trainer.ui.common.operation import OperationRunner

if TYPE_CHECKING:  # the template classes load with the templates, not at start-up
    from trainer.journal.template_model import Template

DEFAULT_TEMPLATE = "gibbs"


class JournalController(QObject):
    reflection_started = Signal(str)  # uid of a new draft to open
    last_started: str | None = None  # for a Journal view built after the draft was started
    reflection_saved = Signal(str)  # uid
    reflection_binned = Signal(str)
    reflection_restored = Signal(str)
    reflection_purged = Signal(str)
    goals_changed = Signal()
    save_failed = Signal(str)

    def __init__(
        self,
        journal: JournalService,
        goals: GoalService,
        describe_link: Callable[[dict], str] | None = None,
        parent: QObject | None = None,
        link_options: Callable[[], list[dict]] | None = None,
    ):
        super().__init__(parent)
        self._ops = OperationRunner(
            "Your reflection",
            self.save_failed.emit,
            hint="Your text is still here and will be saved as soon as the disk can take it. "
            "Check that the data folder is writable and the disk is not full.",
        )
        self.journal = journal
        self.goals = goals
        self._describe_link = describe_link
        self._link_options = link_options

    # -- queries -------------------------------------------------------------------
    @property
    def templates(self) -> list[Template]:
        return self.journal.templates

    def template(self, template_id: str) -> Template | None:
        return self.journal.template(template_id)

    def get(self, uid: str) -> dict | None:
        return self.journal.get(uid)

    def entries(self, where: JournalFilter = JournalFilter()) -> list[dict]:
        return self.journal.entries(where)

    def link_options(self) -> list[dict]:
        """Links a learner can choose in the editor (modules and skills)."""
        return list(self._link_options()) if self._link_options is not None else []

    def describe_link(self, link: dict | None) -> str:
        if not link:
            return ""
        if self._describe_link is not None:
            text = self._describe_link(link)
            if text:
                return text
        kind = link.get("kind", "")
        return f"{kind.capitalize()}: {link.get(kind, '')}"

    # -- reflections -----------------------------------------------------------------
    def start_reflection(self, template_id: str | None = None, link: dict | None = None, title: str = "") -> str | None:
        """Create a draft from a template (Gibbs by default) and announce it."""
        template_id = template_id or DEFAULT_TEMPLATE
        if self.template(template_id) is None and self.templates:
            template_id = self.templates[0].id
        if not title and link:
            title = f"Reflection on {self.describe_link(link).split(': ', 1)[-1]}"
        rec = self._ops.run(lambda: self.journal.create(template_id, link, title=title))
        if rec is None:
            return None
        self.last_started = rec["uid"]
        self.reflection_started.emit(rec["uid"])
        return rec["uid"]

    def save(self, uid: str, changes: dict) -> bool:
        before = self.journal.get(uid)
        rec = self._ops.run(lambda: self.journal.save(uid, changes))
        if rec is None:
            return False
        if before is None or rec.get("updated") != before.get("updated") or rec != before:
            self.reflection_saved.emit(uid)
        return True

    def finish(self, uid: str) -> bool:
        return self.save(uid, {"status": "finished"})

    def reopen(self, uid: str) -> bool:
        return self.save(uid, {"status": "draft"})

    def duplicate(self, uid: str) -> str | None:
        rec = self._ops.run(lambda: self.journal.duplicate(uid))
        if rec is None:
            return None
        self.last_started = rec["uid"]
        self.reflection_started.emit(rec["uid"])
        return rec["uid"]

    def delete(self, uid: str) -> bool:
        if self._ops.run(lambda: self.journal.delete(uid)) is None:
            return False
        self.reflection_binned.emit(uid)
        return True

    def restore(self, uid: str) -> bool:
        if self._ops.run(lambda: self.journal.restore(uid)) is None:
            return False
        self.reflection_restored.emit(uid)
        return True

    def purge(self, uid: str) -> bool:
        if self._ops.run(lambda: self.journal.purge(uid)) is None:
            return False
        self.reflection_purged.emit(uid)
        return True

    @property
    def last_error(self) -> str:
        """The message of the last save that failed ('' once a save went through)."""
        return self._ops.last_error

    # -- goals -----------------------------------------------------------------------
    def create_goal(self, **fields: Any) -> dict | None:
        rec = self._ops.run(lambda: self.goals.create(**fields))
        if rec is not None:
            self.goals_changed.emit()
        return rec

    def update_goal(self, uid: str, changes: dict) -> dict | None:
        rec = self._ops.run(lambda: self.goals.update(uid, changes))
        if rec is not None:
            self.goals_changed.emit()
        return rec

    def check_in(self, goal_uid: str, **fields: Any) -> dict | None:
        rec = self._ops.run(lambda: self.goals.check_in(goal_uid, **fields))
        if rec is not None:
            self.goals_changed.emit()
        return rec

    # -- errors ----------------------------------------------------------------------


def link_describer(content: Any) -> Callable[[dict], str]:
    """Turn a link into words using the loaded course: 'Module: Goal setting'."""

    def describe(link: dict) -> str:
        kind = link.get("kind", "")
        target = link.get(kind, "")
        if kind == "module":
            module = content.course.module(target)
            return f"Module: {module.title if module else target}"
        if kind == "skill":
            skill = content.framework.skill(target) if content.framework else None
            return f"Skill: {skill.name if skill else target}"
        if kind == "scenario":
            found = next((s for s in getattr(content, "scenarios", []) if getattr(s, "id", None) == target), None)
            name = getattr(found, "title", None) or target
            moment = link.get("moment")
            return f"Scenario: {name}" + (f", moment {moment}" if moment not in (None, "") else "")
        if kind == "consultation":
            found = next((c for c in getattr(content, "consultations", []) if getattr(c, "id", None) == target), None)
            return f"Consultation held: {getattr(found, 'title', None) or target}"
        if kind == "session":
            round_ = link.get("round")
            return f"Team session: {target}" + (f", round {round_}" if round_ not in (None, "") else "")
        return ""

    return describe


def link_choices(content: Any) -> Callable[[], list[dict]]:
    """Every readable module, then every skill of the competency framework."""

    def choices() -> list[dict]:
        links = [{"kind": "module", "module": m.id} for m in content.course.readable()]
        if content.framework is not None:
            links += [{"kind": "skill", "skill": s.id} for s in content.framework.skills]
        return links

    return choices
