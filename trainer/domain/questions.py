"""Knowledge checks and skill prompts: what a module asks its reader (issue 21).

Written in a module's body as one fenced block whose info string is
``questions`` (YAML inside; see docs/AUTHORING.md, "Check your
understanding"). ``trainer.modules.questions`` parses and validates the
block into these dataclasses; the reader shows them at the end of the
module; ``trainer.review`` schedules them for spaced review.

Plain data, stdlib only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool = False
    feedback: str = ""  # why this option is right or wrong; required for every option
    line: int = 0  # line in the module file


@dataclass(frozen=True)
class Question:
    id: str  # unique within its module: [a-z0-9-]+
    kind: str  # one of KINDS
    prompt: str
    objectives: tuple[int, ...] = ()  # 1-based indexes into the module's objectives
    options: tuple[Option, ...] = ()  # choice kinds
    items: tuple[str, ...] = ()  # ORDER: the right order
    model_answer: str = ""  # FREE_TEXT, SKILL_PROMPT
    feedback: str = ""  # ORDER, FREE_TEXT, SKILL_PROMPT: why; choice kinds: optional summary
    review: bool = True  # comes back for spaced review once the module is done
    line: int = 0  # line in the module file where the question starts

    @property
    def in_check(self) -> bool:
        """Part of the module's end-of-module check (skill prompts are review only)."""
        return self.kind != SKILL_PROMPT


def card_id(module_id: str, question_id: str) -> str:
    """The stable id of a question across the app: records, review cards, xAPI."""
    return f"{module_id}#{question_id}"


@dataclass
class QuestionSet:
    """Every question of one module, in file order."""

    questions: list[Question] = field(default_factory=list)

    @property
    def check(self) -> list[Question]:
        return [q for q in self.questions if q.in_check]
