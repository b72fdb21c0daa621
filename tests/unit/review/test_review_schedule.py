from datetime import UTC, datetime, timedelta, timezone

import pytest
from fsrs import Card, Rating, Scheduler

from trainer.review.schedule import AGAIN, EASY, GOOD, HARD, auto_rating, fsrs_card_id, review

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
CARD = "01-intro#a"


def test_due_dates_move_as_fsrs_says_on_a_fixed_clock():
    reference = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
    card = Card(card_id=fsrs_card_id(CARD), due=NOW)
    state, when = None, NOW
    for rating in (GOOD, GOOD, HARD, EASY, GOOD):
        card, _ = reference.review_card(card, Rating(rating), review_datetime=when)
        state, due = review(CARD, state, rating, when)
        assert due == card.due
        assert state == card.to_dict()
        when = due  # reviewed on the day it comes due
    # whole days, growing while the answers are good
    first = review(CARD, None, GOOD, NOW)
    second = review(CARD, first.state, GOOD, first.due)
    assert first.due - NOW == timedelta(days=2)
    assert second.due - first.due > first.due - NOW


def test_the_same_answers_on_the_same_clock_give_the_same_dates():
    assert review(CARD, None, GOOD, NOW) == review(CARD, None, GOOD, NOW)


def test_a_lapse_shortens_the_interval():
    first = review(CARD, None, GOOD, NOW)
    second = review(CARD, first.state, GOOD, first.due)
    good_gap = review(CARD, second.state, GOOD, second.due).due - second.due
    lapse_gap = review(CARD, second.state, AGAIN, second.due).due - second.due
    assert lapse_gap < second.due - first.due < good_gap
    assert lapse_gap >= timedelta(days=1)  # no same-day learning steps


def test_ratings_order_the_next_interval():
    gaps = [review(CARD, None, r, NOW).due - NOW for r in (AGAIN, HARD, GOOD, EASY)]
    assert gaps == sorted(gaps) and gaps[0] < gaps[-1]


def test_scored_answers_rate_themselves():
    assert auto_rating(True) == GOOD
    assert auto_rating(False) == AGAIN


def test_a_local_clock_is_read_as_the_same_instant():
    local = NOW.astimezone(timezone(timedelta(hours=10)))
    assert review(CARD, None, GOOD, local) == review(CARD, None, GOOD, NOW)


def test_a_damaged_stored_state_starts_the_card_again():
    assert review(CARD, {"state": "nonsense"}, GOOD, NOW) == review(CARD, None, GOOD, NOW)


@pytest.mark.parametrize("rating", [0, 5, "3"])
def test_a_rating_outside_the_four_is_refused(rating):
    with pytest.raises(ValueError, match="1 to 4"):
        review(CARD, None, rating, NOW)


def test_a_time_without_a_zone_is_refused():
    with pytest.raises(ValueError, match="time zone"):
        review(CARD, None, GOOD, datetime(2026, 3, 2, 9, 0))
