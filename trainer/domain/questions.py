"""Knowledge checks and skill prompts: what a module asks its reader (issue 21).

Written in a module's body as one fenced block whose info string is
``questions`` (YAML inside; see docs/AUTHORING.md, "Check your
understanding"). ``trainer.modules.questions`` parses and validates the
block into these dataclasses; the reader shows them at the end of the
module; ``trainer.review`` schedules them for spaced review.

Plain data, stdlib only.
"""

from __future__ import annotations

SINGLE = "single"  # one correct option
MULTIPLE = "multiple"  # one or more correct options; all must be chosen, none wrong
MI_CONSISTENT = "mi-consistent"  # 2-4 practitioner lines; which one is MI-consistent?
ORDER = "order"  # put the items in order (items are written in the right order)
FREE_TEXT = "free-text"  # type an answer, then compare with the model answer; self-rated
SKILL_PROMPT = "skill-prompt"  # review only: not part of the module's check

KINDS = (SINGLE, MULTIPLE, MI_CONSISTENT, ORDER, FREE_TEXT, SKILL_PROMPT)
CHOICE_KINDS = (SINGLE, MULTIPLE, MI_CONSISTENT)  # scored automatically from options
SCORED_KINDS = (SINGLE, MULTIPLE, MI_CONSISTENT, ORDER)  # right or wrong without the learner
SELF_RATED_KINDS = (FREE_TEXT, SKILL_PROMPT)  # the learner compares with the model answer

DEFAULT_PASS_MARK = 0.8  # course.yaml ``check_pass_mark`` overrides it


class _Plain:
    """Value objects without dataclasses: the course loads at start-up, and each
    dataclass costs about half a millisecond to create (start-up is measured, #16)."""

    __slots__: tuple[str, ...] = ()

    def _values(self) -> tuple:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._values() == self._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"


class Option(_Plain):
    __slots__ = ("text", "correct", "feedback", "line")

    def __init__(self, text: str, correct: bool = False, feedback: str = "", line: int = 0) -> None:
        self.text = text
        self.correct = correct
        self.feedback = feedback  # why this option is right or wrong; required for every option
        self.line = line  # line in the module file


class Question(_Plain):
    __slots__ = ("id", "kind", "prompt", "objectives", "options", "items", "model_answer", "feedback", "review", "line")

    def __init__(
        self,
        id: str,
        kind: str,
        prompt: str,
        objectives: tuple[int, ...] = (),
        options: tuple[Option, ...] = (),
        items: tuple[str, ...] = (),
        model_answer: str = "",
        feedback: str = "",
        review: bool = True,
        line: int = 0,
    ) -> None:
        self.id = id  # unique within its module: [a-z0-9-]+
        self.kind = kind  # one of KINDS
        self.prompt = prompt
        self.objectives = objectives  # 1-based indexes into the module's objectives
        self.options = options  # choice kinds
        self.items = items  # ORDER: the right order
        self.model_answer = model_answer  # FREE_TEXT, SKILL_PROMPT
        self.feedback = feedback  # ORDER, FREE_TEXT, SKILL_PROMPT: why; choice kinds: optional summary
        self.review = review  # comes back for spaced review once the module is done
        self.line = line  # line in the module file where the question starts

    @property
    def in_check(self) -> bool:
        """Part of the module's end-of-module check (skill prompts are review only)."""
        return self.kind != SKILL_PROMPT


def card_id(module_id: str, question_id: str) -> str:
    """The stable id of a question across the app: records, review cards, xAPI."""
    return f"{module_id}#{question_id}"


def check_questions(questions: list[Question]) -> list[Question]:
    """The questions of a module's end-of-module check, in file order."""
    return [q for q in questions if q.in_check]
