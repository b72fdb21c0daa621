"""Scoring a knowledge check and the rule for when a module is done (issue 21). Qt-free.

An answer is what the reader's widgets give:

- ``single``, ``mi-consistent``, ``multiple``: the indexes of the chosen options,
  in the file's order (the reader may show them in any order);
- ``order``: the indexes of the items (as written, i.e. the right order) in the
  order the learner put them;
- ``free-text``, ``skill-prompt``: the learner's own rating of their answer
  against the model answer (one of ``SELF_RATINGS``); "close" or better counts.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from trainer.domain.plain import plain
from trainer.domain.questions import CHOICE_KINDS, MULTIPLE, ORDER, SELF_RATED_KINDS, Question

# A free-text answer rated against the model answer: (value, label), worst first.
SELF_RATINGS = (
    ("missed", "Not close"),
    ("partly", "Partly there"),
    ("close", "Close"),
    ("same", "As good or better"),
)
COUNTS_AS_RIGHT = ("close", "same")

Answer = Sequence[int] | str | None


def score(question: Question, answer: Answer) -> bool | None:
    """Right (True), wrong (False), or not scored yet (None: a free-text answer not rated)."""
    if question.kind in CHOICE_KINDS:
        if isinstance(answer, str) or answer is None:
            return False
        chosen = set(answer)
        right = {i for i, o in enumerate(question.options) if o.correct}
        if question.kind == MULTIPLE:
            return chosen == right  # every correct one chosen, no wrong one
        return len(chosen) == 1 and chosen == right
    if question.kind == ORDER:
        if isinstance(answer, str) or answer is None:
            return False
        return list(answer) == list(range(len(question.items)))
    if question.kind in SELF_RATED_KINDS:
        if not isinstance(answer, str) or not answer:
            return None
        return answer in COUNTS_AS_RIGHT
    return None


def right_answer(question: Question) -> Answer:
    """The answer that scores right (for demo data and tests)."""
    if question.kind in CHOICE_KINDS:
        return [i for i, o in enumerate(question.options) if o.correct]
    if question.kind == ORDER:
        return list(range(len(question.items)))
    return "same"


def wrong_answer(question: Question) -> Answer:
    """An answer that scores wrong: a wrong option, the items backwards, "not close"."""
    if question.kind in CHOICE_KINDS:
        return [next((i for i, o in enumerate(question.options) if not o.correct), 0)]
    if question.kind == ORDER:
        return list(reversed(range(len(question.items))))
    return "missed"


def right_feedback(question: Question, answer: Answer) -> list[tuple[str, bool, str]]:
    """What to show after an answer: (option text, correct, why) for every option chosen,
    for a choice question; nothing for the other kinds (their ``feedback`` says why)."""
    if question.kind not in CHOICE_KINDS or isinstance(answer, str) or answer is None:
        return []
    return [
        (question.options[i].text, question.options[i].correct, question.options[i].feedback)
        for i in sorted(set(answer))
        if 0 <= i < len(question.options)
    ]


@plain  # not a NamedTuple: typing.NamedTuple compiles each field's annotation (#16 start-up)
class CheckResult:
    right: int  # check questions answered right at least once
    total: int  # check questions in the module (skill prompts not counted)
    pass_mark: float  # share needed, 0..1
    answered: int = 0  # check questions with at least one scored attempt

    @property
    def needed(self) -> int:
        """How many must be right to pass (the pass mark of the total, rounded up)."""
        return min(self.total, math.ceil(round(self.pass_mark * self.total, 6)))

    @property
    def passed(self) -> bool:
        return self.right >= self.needed

    def text(self) -> str:
        if not self.total:
            return "This module has no questions to check."
        verdict = "passed" if self.passed else f"{self.needed} needed to pass"
        return f"{self.right} of {self.total} right, pass mark {round(self.pass_mark * 100)}%: {verdict}"


def check_result(
    questions: Iterable[Question], attempts: Iterable[tuple[str, bool | None]], pass_mark: float
) -> CheckResult:
    """The result of a module's check from every attempt so far: (question id, correct).
    A question counts as right once any attempt at it was right."""
    ids = [q.id for q in questions if q.in_check]
    right: set[str] = set()
    answered: set[str] = set()
    for qid, correct in attempts:
        if qid in ids and correct is not None:
            answered.add(qid)
            if correct:
                right.add(qid)
    return CheckResult(len(right), len(ids), pass_mark, len(answered))


def module_done(reached_end: bool, result: CheckResult) -> bool:
    """The completion rule: the learner reached the end of the module and passed its check."""
    return reached_end and result.passed
