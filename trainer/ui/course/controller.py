"""Qt-facing controller: calls the services and announces what changed.

Widgets never write records themselves: they call a method here, and the
controller emits one past-tense signal that every interested widget hears.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from trainer.content import Content
from trainer.domain.course import Module
from trainer.domain.questions import Question
from trainer.modules.scoring import Answer
from trainer.services.checks import CheckService, Submitted
from trainer.services.progress import ModuleProgress, ProgressService
from trainer.ui.common.operation import OperationRunner


class CourseController(QObject):
    module_opened = Signal(str)
    progress_changed = Signal(str)
    save_failed = Signal(str)

    check_answered = Signal(str, str)  # module id, question id

    def __init__(
        self,
        content: Content,
        progress: ProgressService,
        checks: CheckService | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._ops = OperationRunner("Your progress", self.save_failed.emit)
        self.content = content
        self.course = content.course
        self._progress = progress
        self.checks = checks if checks is not None else CheckService(progress.store, self.course, progress)
        self.current_id: str | None = None

    # -- queries -----------------------------------------------------------------
    def module(self, module_id: str) -> Module | None:
        return self.course.module(module_id)

    def progress(self, module_id: str) -> ModuleProgress:
        return self._progress.progress(module_id)

    def done_ids(self) -> set[str]:
        return self._progress.done_ids()

    def counted_ids(self) -> set[str]:
        """Done under the completion rule, not only ticked by hand: what progress counts."""
        return self._progress.counted_ids()

    def start_module_id(self) -> str | None:
        last = self._progress.last_module()
        module = self.course.module(last) if last else None
        if module and module.ok:
            return last
        readable = self.course.readable()
        return readable[0].id if readable else (self.course.modules[0].id if self.course.modules else None)

    def neighbour(self, step: int) -> Module | None:
        if self.current_id is None:
            return None
        return self.course.neighbour(self.current_id, step)

    # -- commands ----------------------------------------------------------------
    def open_module(self, module_id: str) -> None:
        module = self.course.module(module_id)
        if module is None:
            return
        self.current_id = module_id
        if module.ok:
            self._ops.ok(lambda: self._progress.open_module(module_id))
        self.module_opened.emit(module_id)

    def set_done(self, module_id: str, done: bool) -> None:
        """Ticked or unticked by hand: recorded as done by hand."""
        if self._ops.ok(lambda: self._progress.set_done(module_id, done)):
            self.progress_changed.emit(module_id)

    def check_text(self, module_id: str) -> str:
        """The check's result line: "4 of 5 right, pass mark 80%: module done"."""
        module = self.course.module(module_id)
        return self.checks.status_text(module) if module is not None else ""

    def submit_answer(
        self, module: Module, question: Question, answer: Answer, text: str = "", seconds: float = 0
    ) -> Submitted | None:
        """Record one answer to the module's check; done by the check when it completes the module."""
        before = self._progress.progress(module.id)
        submitted = self._ops.run(lambda: self.checks.submit(module, question, answer, text, seconds))
        if submitted is not None:
            self.check_answered.emit(module.id, question.id)
            if submitted.progress != before:
                self.progress_changed.emit(module.id)
        return submitted

    def reach_end(self, module_id: str) -> None:
        """The learner has seen the end of the module: done now if its check was passed."""
        module = self.course.module(module_id)
        if module is None or not module.ok or self.checks.closed:  # a scroll as the window closes
            return
        before = self._progress.progress(module_id)
        after = self._ops.run(lambda: self.checks.reach_end(module))
        if after is not None and after != before:
            self.progress_changed.emit(module_id)

    def save_position(self, module_id: str, position: float) -> None:
        self._ops.ok(lambda: self._progress.save_position(module_id, position))
