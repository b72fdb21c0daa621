"""Qt-facing controller for Your turn: times an attempt and keeps it through the service."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from trainer.consultations.model import Consultation, Step
from trainer.consultations.scoring import PathResult
from trainer.services.consultations import ConsultationService
from trainer.ui.common.operation import OperationRunner


class ConsultationsController(QObject):
    attempt_saved = Signal(str)  # the attempt's uid
    save_failed = Signal(str)  # a plain-English message

    def __init__(
        self,
        service: ConsultationService,
        timer: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._ops = OperationRunner("Your consultation", self.save_failed.emit, plain_errors=(ValueError,))
        self.service = service
        self._timer = timer
        self._started = timer()

    @property
    def consultations(self) -> list[Consultation]:
        return self.service.consultations

    def latest(self, consultation_id: str) -> dict | None:
        return self.service.latest(consultation_id)

    def attempts(self, consultation_id: str) -> list[dict]:
        return self.service.attempts(consultation_id)

    def started(self) -> None:
        """A consultation (or a replay) begins: its time, counted as CPD time, starts now."""
        self._started = self._timer()

    def finish(self, consultation: Consultation, steps: list[Step]) -> tuple[dict, PathResult] | None:
        seconds = max(0.0, self._timer() - self._started)
        done = self._ops.run(lambda: self.service.save(consultation, steps, seconds))
        if done is not None:
            self.attempt_saved.emit(done[0]["uid"])
        return done
