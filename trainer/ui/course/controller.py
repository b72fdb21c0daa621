"""Qt-facing controller: calls the services and announces what changed.

Widgets never write records themselves: they call a method here, and the
controller emits one past-tense signal that every interested widget hears.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from trainer.content import Content
from trainer.domain.course import Module
from trainer.services.progress import ModuleProgress, ProgressService
from trainer.ui.common.operation import OperationRunner


class CourseController(QObject):
    module_opened = Signal(str)
    progress_changed = Signal(str)
    save_failed = Signal(str)

    def __init__(self, content: Content, progress: ProgressService, parent: QObject | None = None):
        super().__init__(parent)
        self._ops = OperationRunner("Your progress", self.save_failed.emit)
        self.content = content
        self.course = content.course
        self._progress = progress
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
        if self._ops.ok(lambda: self._progress.set_done(module_id, done)):
            self.progress_changed.emit(module_id)

    def save_position(self, module_id: str, position: float) -> None:
        self._ops.ok(lambda: self._progress.save_position(module_id, position))
