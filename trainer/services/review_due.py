"""What spaced review has due, without the scheduler: cheap enough for Home at start-up.

Reads the ``review_card`` records (their ``due`` times) and the course; FSRS
itself (``trainer/review/schedule.py``) is only needed to review a card.
"""

from __future__ import annotations

from datetime import datetime

from trainer.domain.course import Course
from trainer.domain.plain import plain
from trainer.records.store import RecordStore
from trainer.review.cards import due_today, next_due, review_items
from trainer.review.words import due_line
from trainer.services.progress import ProgressService

CARD = "review_card"
LOG = "review_log"


def local_now() -> datetime:
    """The app's clock: the local time, with its time zone."""
    return datetime.now().astimezone()


@plain  # not a NamedTuple: typing.NamedTuple compiles each field's annotation (#16 start-up)
class ReviewOverview:
    due: int  # due by the end of today
    next_due: datetime | None  # when the next card after today comes due
    cards: int  # every card the learner has (questions of finished modules)

    def line(self, now: datetime) -> str:
        return due_line(self.due, self.next_due, self.cards, now)


def card_dues(store: RecordStore, profile_id: str) -> dict[str, datetime]:
    """When each card reviewed before is next due."""
    out = {}
    for rec in store.all(CARD, profile=profile_id):
        try:
            due = datetime.fromisoformat(str(rec.get("due")))
        except ValueError:
            continue  # cannot happen for a stored record (the schema checks it): the card counts as new
        if rec.get("card") and due.tzinfo is not None:
            out[str(rec["card"])] = due
    return out


def review_overview(store: RecordStore, course: Course, profile_id: str, now: datetime) -> ReviewOverview:
    items = review_items(course, ProgressService(store, profile_id).done_ids())
    dues = card_dues(store, profile_id)
    return ReviewOverview(len(due_today(items, dues, now)), next_due(items, dues, now), len(items))
