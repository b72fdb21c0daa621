"""A tiny course with questions, built in code (the question parser is not needed)."""

from __future__ import annotations

from pathlib import Path

from trainer.domain.course import Course, Module
from trainer.domain.questions import FREE_TEXT, MI_CONSISTENT, ORDER, SINGLE, SKILL_PROMPT, Option, Question


def choice(qid: str, kind: str = SINGLE, review: bool = True) -> Question:
    return Question(
        id=qid,
        kind=kind,
        prompt=f"Which reply asks before advising? ({qid})",
        objectives=(1,),
        options=(
            Option("Would it help if I shared what others have found?", True, "It asks first."),
            Option("You need to cut your salt right down.", False, "Advice without asking."),
        ),
        review=review,
    )


def order(qid: str = "epe") -> Question:
    return Question(
        id=qid,
        kind=ORDER,
        prompt="Put the steps of elicit, provide, elicit in order.",
        items=("Ask what they know", "Offer one piece of information", "Ask what they make of it"),
        feedback="Start from what they know.",
    )


def free(qid: str = "own-words", kind: str = FREE_TEXT) -> Question:
    return Question(id=qid, kind=kind, prompt="Write how you would ask permission.", model_answer="May I share...?")


def course() -> Course:
    root = Path("/nonexistent")
    one = Module(
        "01-intro",
        "Introduction",
        root / "01.md",
        1,
        questions=[choice("a"), choice("b", MI_CONSISTENT), choice("hidden", review=False), order()],
    )
    two = Module("02-asking", "Asking first", root / "02.md", 2, questions=[free(), free("salt", SKILL_PROMPT)])
    three = Module("03-empty", "No questions", root / "03.md", 3)
    return Course("Sample", root, [one, two, three])
