"""Spaced review for one learner: what is due, a short session, and each review recorded.

The rules are in ``trainer/review``; this service reads and writes the two
record kinds. ``review_card`` holds one question's schedule (FSRS's card
state and when it is next due); ``review_log`` holds one review (the answer,
right or wrong, the rating, how long it took). A review writes both in one
atomic step. The clock is injected: tests move it, the app passes the local
time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import NamedTuple

from trainer.domain.course import Course
from trainer.records.store import RecordStore
from trainer.review.cards import ReviewItem, review_items, session
from trainer.review.schedule import RATING_NAMES, review
from trainer.services.progress import ProgressService
from trainer.services.review_due import CARD, LOG, ReviewOverview, card_dues, local_now, review_overview

__all__ = ["CARD", "LOG", "ReviewOverview", "ReviewService", "Reviewed", "local_now"]


class Reviewed(NamedTuple):
    rating: int
    rating_name: str
    next_due: datetime


class ReviewService:
    def __init__(
        self,
        store: RecordStore,
        course: Course,
        profile_id: str = "default",
        clock: Callable[[], datetime] = local_now,
    ):
        self._store = store
        self._course = course
        self.profile_id = profile_id
        self._clock = clock

    def now(self) -> datetime:
        return self._clock()

    # -- reading -------------------------------------------------------------------
    def items(self) -> list[ReviewItem]:
        """Every card: the reviewable questions of the modules the learner has finished."""
        return review_items(self._course, ProgressService(self._store, self.profile_id).done_ids())

    def dues(self) -> dict[str, datetime]:
        """When each card reviewed before is next due."""
        return card_dues(self._store, self.profile_id)

    def overview(self) -> ReviewOverview:
        return review_overview(self._store, self._course, self.profile_id, self.now())

    def session(self) -> list[ReviewItem]:
        """Today's short session (at most ``SESSION_LIMIT`` cards, the oldest due first)."""
        return session(self.items(), self.dues(), self.now())

    def logs(self) -> list[dict]:
        return sorted(
            self._store.all(LOG, profile=self.profile_id), key=lambda r: (str(r.get("reviewed_at", "")), str(r["uid"]))
        )

    # -- writing -------------------------------------------------------------------
    def record(
        self, item: ReviewItem, rating: int, answer: str = "", correct: bool | None = None, seconds: float = 0.0
    ) -> Reviewed:
        """Schedule the card with FSRS and record the review: both records in one atomic step."""
        now = self.now()
        existing = self._store.find_one(CARD, profile=self.profile_id, card=item.card_id)
        scheduled = review(item.card_id, existing.get("fsrs") if existing else None, rating, now)
        due = scheduled.due.isoformat(timespec="seconds")
        card = {"module": item.module_id, "question": item.question.id, "fsrs": scheduled.state, "due": due}
        log = {
            "profile": self.profile_id,
            "card": item.card_id,
            "module": item.module_id,
            "question": item.question.id,
            "kind": item.question.kind,
            "rating": rating,
            "reviewed_at": now.isoformat(timespec="seconds"),
            "answer": answer,
            "correct": correct,
            "seconds": round(max(0.0, float(seconds)), 1),
            "next_due": due,
        }
        with self._store.atomic():
            self._store.upsert(CARD, card, profile=self.profile_id, card=item.card_id)
            self._store.add(LOG, log)
        return Reviewed(rating, RATING_NAMES[rating], scheduled.due)
