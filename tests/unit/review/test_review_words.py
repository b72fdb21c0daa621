from datetime import UTC, datetime, timedelta

from trainer.review.words import due_line, end_line, questions, when

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday


def test_days_are_said_as_a_person_would():
    assert when(NOW - timedelta(days=2), NOW) == "today"
    assert when(NOW + timedelta(hours=3), NOW) == "today"
    assert when(NOW + timedelta(days=1), NOW) == "tomorrow"
    assert when(NOW + timedelta(days=1, hours=16), NOW) == "Wednesday"  # the next day after midnight
    assert when(NOW + timedelta(days=6), NOW) == "Sunday"
    assert when(NOW + timedelta(days=15), NOW) == "Tuesday 17 March"
    assert when(NOW + timedelta(days=400), NOW) == "Tuesday 6 April 2027"


def test_the_due_line_covers_empty_due_waiting_and_many():
    assert due_line(0, None, 0, NOW).startswith("Nothing to review yet: finish a module's check")
    assert due_line(1, None, 3, NOW) == "1 question to review today, about 1 minute."
    assert due_line(6, None, 9, NOW) == "6 questions to review today, about 3 minutes."
    assert due_line(14, None, 20, NOW) == "14 questions due today. A session takes 10 of them, under five minutes."
    assert due_line(0, NOW + timedelta(days=1), 3, NOW) == "Nothing due today. The next come back tomorrow."
    assert due_line(0, None, 3, NOW) == "Nothing due today."


def test_the_end_line():
    assert end_line(8, NOW + timedelta(days=1), NOW) == "8 reviewed, next due tomorrow."
    assert end_line(1, None, NOW) == "1 reviewed."
    assert questions(1) == "1 question" and questions(2) == "2 questions"
