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
from trainer.review.cards import ReviewItem, due_today, next_due, review_items, session
from trainer.review.schedule import RATING_NAMES, review
from trainer.services.progress import ProgressService

CARD = "review_card"
LOG = "review_log"


def local_now() -> datetime:
    """The app's clock: the local time, with its time zone."""
    return datetime.now().astimezone()


class ReviewOverview(NamedTuple):
    due: int  # due by the end of today
    next_due: datetime | None  # when the next card after today comes due
    cards: int  # every card the learner has (questions of finished modules)


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

    def _cards(self) -> dict[str, dict]:
        return {str(r["card"]): r for r in self._store.all(CARD, profile=self.profile_id) if r.get("card")}

    def dues(self) -> dict[str, datetime]:
        """When each card reviewed before is next due."""
        out = {}
        for card, rec in self._cards().items():
            try:
                due = datetime.fromisoformat(str(rec.get("due")))
            except ValueError:
                continue  # cannot happen for a stored record (the schema checks it); treated as new
            if due.tzinfo is not None:
                out[card] = due
        return out

    def overview(self) -> ReviewOverview:
        items, dues, now = self.items(), self.dues(), self.now()
        return ReviewOverview(len(due_today(items, dues, now)), next_due(items, dues, now), len(items))

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
