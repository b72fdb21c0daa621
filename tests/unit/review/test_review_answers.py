import pytest

from tests.unit.review.support import choice, free, order
from trainer.domain.questions import MULTIPLE, Option, Question
from trainer.review.answers import (
    choice_correct,
    choice_feedback,
    choice_text,
    order_correct,
    order_feedback,
    order_text,
    shuffled,
)


def test_a_choice_is_right_only_with_exactly_the_correct_options():
    q = choice("a")
    assert choice_correct(q, [0])
    assert not choice_correct(q, [1])
    assert not choice_correct(q, [0, 1])
    assert not choice_correct(q, [])
    many = Question("m", MULTIPLE, "p", options=(Option("x", True), Option("y", True), Option("z")))
    assert choice_correct(many, [1, 0])
    assert not choice_correct(many, [0])


def test_an_order_is_right_only_in_the_written_order():
    q = order()
    assert order_correct(q, [0, 1, 2])
    assert not order_correct(q, [1, 0, 2])
    assert not order_correct(q, [0, 1])


def test_kinds_that_are_not_scored_are_never_right_by_the_app():
    assert not choice_correct(free(), [])
    assert not order_correct(choice("a"), [0, 1])


def test_answers_are_written_as_plain_text():
    assert choice_text(choice("a"), [0]) == "Would it help if I shared what others have found?"
    assert order_text(order(), [2, 0]) == "Ask what they make of it \u2192 Ask what they know"
    assert choice_text(choice("a"), [7]) == ""


@pytest.mark.parametrize("count", [2, 3, 4, 5, 6])
def test_a_shuffle_is_never_already_in_order(count):
    for seed in range(30):
        order_ = shuffled(count, seed)
        assert sorted(order_) == list(range(count))
        assert order_ != list(range(count))
    assert shuffled(count, 7) == shuffled(count, 7)
    assert shuffled(1, 3) == [0]


def test_feedback_says_why_and_gives_the_answer_when_wrong():
    q = choice("a")
    assert choice_feedback(q, [0]) == [
        "You chose: Would it help if I shared what others have found? \u2014 It asks first."
    ]
    wrong = choice_feedback(q, [1])
    assert wrong[0] == "You chose: You need to cut your salt right down. \u2014 Advice without asking."
    assert wrong[1] == "The answer: Would it help if I shared what others have found? \u2014 It asks first."
    assert choice_feedback(q, []) == [wrong[1]]
    assert order_feedback(order()) == [
        "The order: Ask what they know \u2192 Offer one piece of information \u2192 Ask what they make of it",
        "Start from what they know.",
    ]
