"""The glue to FSRS: a card's state in, a rating and a time in, the next state and due time out.

The scheduler runs without FSRS's same-day learning steps and without
fuzzing: a card comes back after whole days (a review is a short daily
habit, not a flashcard drill), and the same answers on the same clock always
give the same due dates. The card's state is kept as FSRS's own
``Card.to_dict()``, so the records hold exactly what FSRS needs.
"""

from __future__ import annotations

import zlib
from datetime import UTC, datetime
from typing import Any, NamedTuple

from fsrs import Card, Rating, Scheduler

AGAIN, HARD, GOOD, EASY = (int(r) for r in (Rating.Again, Rating.Hard, Rating.Good, Rating.Easy))
RATINGS = (AGAIN, HARD, GOOD, EASY)
RATING_NAMES = {AGAIN: "Again", HARD: "Hard", GOOD: "Good", EASY: "Easy"}

SCHEDULER = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)


class Scheduled(NamedTuple):
    state: dict[str, Any]  # FSRS's Card.to_dict(), stored in the review_card record
    due: datetime  # in UTC


def auto_rating(correct: bool) -> int:
    """A scored question rates itself: right is Good, wrong is Again."""
    return GOOD if correct else AGAIN


def fsrs_card_id(card_id: str) -> int:
    """FSRS wants an integer id; ours is text ("module#question"). Stable across runs."""
    return zlib.crc32(card_id.encode("utf-8"))


def _utc(when: datetime) -> datetime:
    if when.tzinfo is None:
        raise ValueError("the review time needs a time zone")
    return when.astimezone(UTC)


def card_from_state(card_id: str, state: dict[str, Any] | None, now: datetime) -> Card:
    """The FSRS card for ``state`` (a new card, due now, when there is none or it cannot be read)."""
    if state:
        try:
            return Card.from_dict(state)  # type: ignore[arg-type]  # a stored CardDict
        except (KeyError, TypeError, ValueError):
            pass  # a damaged state from outside: the card starts again; its review logs stay
    return Card(card_id=fsrs_card_id(card_id), due=_utc(now))


def review(card_id: str, state: dict[str, Any] | None, rating: int, now: datetime) -> Scheduled:
    """Rate one review of ``card_id`` at ``now``; FSRS says when it is due next."""
    if rating not in RATINGS:
        raise ValueError(f"a review rating is 1 to 4 (Again, Hard, Good, Easy), not {rating!r}")
    card = card_from_state(card_id, state, now)
    card, _log = SCHEDULER.review_card(card, Rating(rating), review_datetime=_utc(now))
    return Scheduled(dict(card.to_dict()), card.due.astimezone(UTC))
