"""Qt-facing controller for the Review section: calls ReviewService, announces each review."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from trainer.review.cards import ReviewItem
from trainer.services.review import Reviewed, ReviewOverview, ReviewService
from trainer.ui.common.operation import OperationRunner


class ReviewController(QObject):
    reviewed = Signal(str)  # card id
    save_failed = Signal(str)  # a plain-English message

    def __init__(
        self, service: ReviewService, timer: Callable[[], float] = time.monotonic, parent: QObject | None = None
    ):
        super().__init__(parent)
        self._ops = OperationRunner("Your review", self.save_failed.emit, plain_errors=(ValueError,))
        self.service = service
        self._timer = timer
        self._shown_at = timer()

    def overview(self) -> ReviewOverview:
        return self.service.overview()

    def session(self) -> list[ReviewItem]:
        return self.service.session()

    def now(self):
        return self.service.now()

    def card_shown(self) -> None:
        """A card is on screen: its time starts now (the log records how long it took)."""
        self._shown_at = self._timer()

    def record(self, item: ReviewItem, rating: int, answer: str, correct: bool | None) -> Reviewed | None:
        seconds = max(0.0, self._timer() - self._shown_at)
        done = self._ops.run(lambda: self.service.record(item, rating, answer, correct, seconds))
        if done is not None:
            self.reviewed.emit(item.card_id)
        return done
