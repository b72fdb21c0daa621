"""Which review cards exist, which are due today, and a short session of them.

A card is one question of a module (``Question.review`` true) once the
learner has finished that module. A card nobody has reviewed yet is "new"
and due at once; a reviewed card is due when its stored ``due`` time comes.
"Today" ends at midnight in the time zone of the ``now`` given.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import datetime, timedelta

from trainer.domain.course import Course
from trainer.domain.questions import SCORED_KINDS, Question, card_id

SESSION_LIMIT = 10  # about 20-30 seconds a card: a session takes under five minutes


class ReviewItem:
    """A question of a finished module, as spaced review shows it. A plain class, not a frozen
    dataclass: Home counts these at start-up, where a dataclass costs half a millisecond (#16)."""

    __slots__ = ("module_id", "module_title", "question")

    def __init__(self, module_id: str, module_title: str, question: Question) -> None:
        self.module_id = module_id
        self.module_title = module_title
        self.question = question

    def _key(self) -> tuple:
        return (self.module_id, self.module_title, self.question)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ReviewItem) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash((self.module_id, self.question.id))

    def __repr__(self) -> str:
        return f"ReviewItem({self.module_id!r}, {self.module_title!r}, {self.question.id!r})"

    @property
    def card_id(self) -> str:
        return card_id(self.module_id, self.question.id)

    @property
    def scored(self) -> bool:
        """Marked by the app (choice, order); otherwise the learner rates their own recall."""
        return self.question.kind in SCORED_KINDS


def review_items(course: Course, done_ids: Collection[str]) -> list[ReviewItem]:
    """Every reviewable question of the modules in ``done_ids``, in course order.

    ``done_ids`` is the one definition of "finished" the review uses: the
    modules whose progress record says done."""
    return [
        ReviewItem(m.id, m.title, q) for m in course.readable() if m.id in done_ids for q in m.questions if q.review
    ]


def day_end(now: datetime) -> datetime:
    """Midnight at the end of ``now``'s day, in ``now``'s own time zone."""
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    return midnight + timedelta(days=1)


def due_today(items: list[ReviewItem], dues: Mapping[str, datetime], now: datetime) -> list[ReviewItem]:
    """The items due by the end of today: reviewed cards oldest due first, then new ones in course order.

    ``dues`` maps a card id to its next due time (cards reviewed before)."""
    end = day_end(now)
    old = sorted(
        (i for i in items if i.card_id in dues and dues[i.card_id] < end),
        key=lambda i: dues[i.card_id],
    )
    new = [i for i in items if i.card_id not in dues]
    return old + new


def next_due(items: list[ReviewItem], dues: Mapping[str, datetime], now: datetime) -> datetime | None:
    """When the next card after today comes due (None: nothing is scheduled after today)."""
    end = day_end(now)
    later = [dues[i.card_id] for i in items if i.card_id in dues and dues[i.card_id] >= end]
    return min(later) if later else None


def session(
    items: list[ReviewItem], dues: Mapping[str, datetime], now: datetime, limit: int = SESSION_LIMIT
) -> list[ReviewItem]:
    """A short session: at most ``limit`` of today's due items, the oldest due first."""
    return due_today(items, dues, now)[: max(0, limit)]
