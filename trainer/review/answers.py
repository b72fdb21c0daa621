"""Marking a scored review answer, and writing any answer as plain text for the records."""

from __future__ import annotations

from collections.abc import Sequence

from trainer.domain.questions import CHOICE_KINDS, ORDER, Question
from trainer.modules.scoring import score

ORDER_JOIN = " \u2192 "  # the learner's order, as text: "first → second → third"
CHOICE_JOIN = " | "


def correct_options(question: Question) -> set[int]:
    return {i for i, option in enumerate(question.options) if option.correct}


def choice_correct(question: Question, chosen: Sequence[int]) -> bool:
    """Right when exactly the correct options are chosen (all of them, none wrong): the
    module check's own rule (``trainer.modules.scoring``), so a question is marked alike in both."""
    return question.kind in CHOICE_KINDS and score(question, list(chosen)) is True


def order_correct(question: Question, order: Sequence[int]) -> bool:
    """Right when the items (indexes into ``question.items``) are in the written order."""
    return question.kind == ORDER and score(question, list(order)) is True


def choice_text(question: Question, chosen: Sequence[int]) -> str:
    return CHOICE_JOIN.join(question.options[i].text for i in sorted(chosen) if 0 <= i < len(question.options))


def order_text(question: Question, order: Sequence[int]) -> str:
    return ORDER_JOIN.join(question.items[i] for i in order if 0 <= i < len(question.items))


def shuffled(count: int, seed: int) -> list[int]:
    """A shuffled order of ``count`` items that is never the right one (when there are 2 or more).

    Deterministic for a seed, so a screenshot or a test sees the same order."""
    order = list(range(count))
    if count < 2:
        return order
    step = seed % (count - 1) + 1  # 1 .. count-1: a rotation, never the identity
    order = order[step:] + order[:step]
    if seed % 2:
        order.reverse()
        if order == list(range(count)):
            order = order[1:] + order[:1]
    return order


def choice_feedback(question: Question, chosen: Sequence[int]) -> list[str]:
    """Why each chosen option is right or wrong; when wrong, the right answer and why."""
    right = correct_options(question)
    lines = [
        f"You chose: {question.options[i].text} \u2014 {question.options[i].feedback}".rstrip(" \u2014")
        for i in sorted(chosen)
        if 0 <= i < len(question.options)
    ]
    if set(chosen) != right:
        for i in sorted(right - set(chosen)):
            option = question.options[i]
            lines.append(f"The answer: {option.text} \u2014 {option.feedback}".rstrip(" \u2014"))
    if question.feedback:
        lines.append(question.feedback)
    return lines


def order_feedback(question: Question) -> list[str]:
    lines = ["The order: " + ORDER_JOIN.join(question.items)]
    if question.feedback:
        lines.append(question.feedback)
    return lines
