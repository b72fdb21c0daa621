"""Scoring each kind of question and the check's pass mark (#21)."""

import pytest

from trainer.domain.questions import FREE_TEXT, MI_CONSISTENT, MULTIPLE, ORDER, SINGLE, SKILL_PROMPT, Option, Question
from trainer.modules.scoring import CheckResult, check_result, module_done, right_feedback, score


def choice(kind: str, *correct: bool) -> Question:
    options = tuple(Option(f"o{i}", c, f"why {i}") for i, c in enumerate(correct))
    return Question("q", kind, "p", (1,), options)


@pytest.mark.parametrize(
    ("question", "answer", "expected"),
    [
        (choice(SINGLE, False, True, False), [1], True),
        (choice(SINGLE, False, True, False), [0], False),
        (choice(SINGLE, False, True, False), [0, 1], False),  # two picked for a single answer
        (choice(SINGLE, False, True, False), [], False),
        (choice(MI_CONSISTENT, True, False), [0], True),
        (choice(MI_CONSISTENT, True, False), [1], False),
        (choice(MULTIPLE, True, False, True), [0, 2], True),
        (choice(MULTIPLE, True, False, True), [2, 0], True),
        (choice(MULTIPLE, True, False, True), [0], False),  # one correct one missed
        (choice(MULTIPLE, True, False, True), [0, 1, 2], False),  # a wrong one chosen too
        (choice(SINGLE, False, True), "close", False),  # a rating is not a choice
        (Question("q", ORDER, "p", items=("a", "b", "c")), [0, 1, 2], True),
        (Question("q", ORDER, "p", items=("a", "b", "c")), [1, 0, 2], False),
        (Question("q", ORDER, "p", items=("a", "b", "c")), [0, 1], False),
        (Question("q", ORDER, "p", items=("a", "b", "c")), None, False),
        (Question("q", FREE_TEXT, "p", model_answer="m"), "same", True),
        (Question("q", FREE_TEXT, "p", model_answer="m"), "close", True),
        (Question("q", FREE_TEXT, "p", model_answer="m"), "partly", False),
        (Question("q", FREE_TEXT, "p", model_answer="m"), "missed", False),
        (Question("q", FREE_TEXT, "p", model_answer="m"), None, None),  # not rated yet
        (Question("q", SKILL_PROMPT, "p", model_answer="m"), "close", True),
    ],
)
def test_score_each_kind(question, answer, expected):
    assert score(question, answer) is expected


def test_feedback_is_given_for_each_chosen_option():
    q = choice(MULTIPLE, True, False, True)
    assert right_feedback(q, [2, 1]) == [("o1", False, "why 1"), ("o2", True, "why 2")]
    assert right_feedback(Question("q", ORDER, "p", items=("a", "b", "c")), [0, 1, 2]) == []


def questions(n: int, prompts: int = 0) -> list[Question]:
    out = [Question(f"q{i}", FREE_TEXT, "p", model_answer="m") for i in range(n)]
    return out + [Question(f"s{i}", SKILL_PROMPT, "p", model_answer="m") for i in range(prompts)]


def test_a_question_counts_once_right_on_any_attempt():
    attempts = [("q0", False), ("q0", True), ("q0", False), ("q1", False), ("q2", None)]
    result = check_result(questions(5), attempts, 0.8)
    assert (result.right, result.total, result.answered) == (1, 5, 2)


def test_skill_prompts_and_unknown_questions_are_not_part_of_the_check():
    result = check_result(questions(3, prompts=2), [("s0", True), ("gone", True), ("q0", True)], 0.8)
    assert (result.right, result.total) == (1, 3)


@pytest.mark.parametrize(
    ("right", "total", "mark", "passed", "needed"),
    [
        (4, 5, 0.8, True, 4),
        (3, 5, 0.8, False, 4),
        (3, 4, 0.8, False, 4),  # 80% of 4 is 3.2: four needed
        (5, 6, 0.8, True, 5),  # 4.8 rounds up to 5
        (0, 3, 0.0, True, 0),
        (3, 3, 1.0, True, 3),
        (2, 3, 1.0, False, 3),
        (1, 3, 0.3, True, 1),  # 0.9 needs 1, even with float rounding
        (0, 0, 0.8, True, 0),  # no check: nothing to pass
    ],
)
def test_pass_mark(right, total, mark, passed, needed):
    result = CheckResult(right, total, mark)
    assert result.passed is passed and result.needed == needed


def test_result_text():
    assert CheckResult(4, 5, 0.8).text() == "4 of 5 right, pass mark 80%: passed"
    assert CheckResult(3, 5, 0.8).text() == "3 of 5 right, pass mark 80%: 4 needed to pass"


def test_completion_rule_needs_both_the_end_and_the_pass():
    passed, failed = CheckResult(4, 5, 0.8), CheckResult(3, 5, 0.8)
    assert module_done(True, passed)
    assert not module_done(False, passed)
    assert not module_done(True, failed)
