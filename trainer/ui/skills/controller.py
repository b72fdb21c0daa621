"""Qt-facing controller for the Skills section: calls RatingsService, announces changes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from trainer.competencies.ratings import RatingError
from trainer.services.ratings import OBSERVATION, SELF_ASSESSMENT, RatingsService
from trainer.ui.common.operation import OperationRunner


class SkillsController(QObject):
    self_assessment_saved = Signal(str)  # uid
    observation_saved = Signal(str)  # uid
    record_deleted = Signal(str, str)  # kind, uid
    save_failed = Signal(str)  # a plain-English message

    def __init__(
        self,
        service: RatingsService,
        content=None,
        done_ids: Callable[[], set[str]] | None = None,
        parent: QObject | None = None,
        evidence: Callable[[], list[tuple[str, str]]] | None = None,
    ):
        super().__init__(parent)
        self._ops = OperationRunner("Your ratings", self.save_failed.emit, plain_errors=(RatingError,))
        self.service = service
        self.framework = service.framework
        self.content = content
        self._done_ids = done_ids or (lambda: set())
        self._evidence = evidence or (list)

    # -- queries -------------------------------------------------------------------
    def evidence_choices(self) -> list[tuple[str, str]]:
        """(label with date and title, record uid), newest first: what a rating can link to."""
        return self._evidence()

    def today(self) -> str:
        return self.service.today()

    def self_assessments(self) -> list[dict]:
        return self.service.self_assessments()

    def observations(self) -> list[dict]:
        return self.service.observations()

    def done_ids(self) -> set[str]:
        return set(self._done_ids())

    def summaries(self):
        course = self.content.course if self.content is not None else None
        return self.service.summaries(course, self.done_ids())

    def suggestions(self, summaries):
        scenarios = list(getattr(self.content, "scenarios", None) or [])
        return self.service.suggestions(summaries, self.done_ids(), scenarios)

    # -- commands ------------------------------------------------------------------
    def save_self_assessment(self, data: dict, uid: str | None = None) -> dict | None:
        rec = self._ops.run(lambda: self.service.save_self_assessment(data, uid))
        if rec is not None:
            self.self_assessment_saved.emit(rec["uid"])
        return rec

    def save_observation(self, data: dict, uid: str | None = None) -> dict | None:
        rec = self._ops.run(lambda: self.service.save_observation(data, uid))
        if rec is not None:
            self.observation_saved.emit(rec["uid"])
        return rec

    def delete_self_assessment(self, uid: str) -> None:
        self._delete(SELF_ASSESSMENT, uid)

    def delete_observation(self, uid: str) -> None:
        self._delete(OBSERVATION, uid)

    def _delete(self, kind: str, uid: str) -> None:
        if self._ops.run(lambda: self.service.delete(kind, uid)):
            self.record_deleted.emit(kind, uid)
