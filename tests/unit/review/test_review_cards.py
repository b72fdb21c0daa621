from datetime import UTC, datetime, timedelta, timezone

from tests.unit.review.support import course
from trainer.review.cards import SESSION_LIMIT, day_end, due_today, next_due, review_items, session

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def test_new_cards_appear_only_after_their_module_is_done():
    c = course()
    assert review_items(c, set()) == []
    ids = [i.card_id for i in review_items(c, {"01-intro"})]
    assert ids == ["01-intro#a", "01-intro#b", "01-intro#epe"]  # review: false stays out
    ids = [i.card_id for i in review_items(c, {"01-intro", "02-asking", "03-empty"})]
    assert ids[3:] == ["02-asking#own-words", "02-asking#salt"]


def test_a_module_that_failed_to_load_gives_no_cards():
    c = course()
    c.modules[0].error = "broken"
    assert review_items(c, {"01-intro"}) == []


def test_scored_kinds_are_marked_by_the_app_and_free_text_by_the_learner():
    items = {i.question.id: i for i in review_items(course(), {"01-intro", "02-asking"})}
    assert items["a"].scored and items["b"].scored and items["epe"].scored
    assert not items["own-words"].scored and not items["salt"].scored


def test_today_ends_at_midnight_in_the_clocks_own_time_zone():
    assert day_end(NOW) == datetime(2026, 3, 3, tzinfo=UTC)
    later = datetime(2026, 3, 2, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert day_end(later) == datetime(2026, 3, 3, tzinfo=timezone(timedelta(hours=-5)))


def test_due_today_puts_the_oldest_due_first_then_new_cards_in_course_order():
    items = review_items(course(), {"01-intro", "02-asking"})
    dues = {
        "01-intro#a": NOW + timedelta(hours=10),  # later today: due
        "01-intro#b": NOW - timedelta(days=3),  # overdue: first
        "01-intro#epe": NOW + timedelta(days=2),  # not today
    }
    ids = [i.card_id for i in due_today(items, dues, NOW)]
    assert ids == ["01-intro#b", "01-intro#a", "02-asking#own-words", "02-asking#salt"]
    assert next_due(items, dues, NOW) == NOW + timedelta(days=2)


def test_nothing_after_today_means_no_next_due():
    items = review_items(course(), {"01-intro"})
    assert next_due(items, {}, NOW) is None
    assert next_due(items, {"01-intro#a": NOW - timedelta(days=1)}, NOW) is None


def test_a_session_is_short():
    items = review_items(course(), {"01-intro", "02-asking"}) * 5  # 25 due
    assert len(session(items, {}, NOW)) == SESSION_LIMIT
    assert [i.card_id for i in session(items, {}, NOW, limit=2)] == ["01-intro#a", "01-intro#b"]
    assert session(items, {}, NOW, limit=-1) == []
