"""Knowledge checks: record each answer, score the module's check, apply the completion rule (#21).

Record kind ``check_attempt`` (one per answer submitted):

    uid, profile, module, question (id in the module), card (``module#question``),
    kind, attempt (1 for the first answer to that question, then 2, ...),
    answer (chosen option indexes in file order, the item indexes in the order
    given, or a self-rating for free text), response (the same in words),
    rating (free text only), correct (true, false, or null: not scored),
    seconds (time taken), created

A module is done "by the check" when the learner has reached its end and
passed its check (``trainer.modules.scoring``); ticking "Mark as done" stays
possible and is recorded as done by hand (``services/progress.py``).
"""

from __future__ import annotations

import math

from trainer.domain.course import Course, Module
from trainer.domain.plain import plain
from trainer.domain.questions import CHOICE_KINDS, DEFAULT_PASS_MARK, ORDER, SELF_RATED_KINDS, Question, card_id
from trainer.modules.scoring import SELF_RATINGS, Answer, CheckResult, check_result, module_done, score
from trainer.records.store import RecordStore
from trainer.services.progress import BY_CHECK, ModuleProgress, ProgressService

CHECK_ATTEMPT = "check_attempt"
MAX_SECONDS = 24 * 3600  # a check left open overnight is not a day's work
MAX_TEXT = 4000  # characters kept of a free-text answer


@plain  # not a NamedTuple: typing.NamedTuple compiles each field's annotation (#16 start-up)
class Submitted:
    record: dict
    correct: bool | None
    result: CheckResult  # the module's check after this answer
    progress: ModuleProgress
    became_done: bool  # this answer completed the module


def response_text(question: Question, answer: Answer, text: str = "") -> str:
    """The answer in words, for exports: option texts, the order given, or what was typed."""
    if question.kind in CHOICE_KINDS and not isinstance(answer, str) and answer is not None:
        return " | ".join(question.options[i].text for i in answer if 0 <= i < len(question.options))
    if question.kind == ORDER and not isinstance(answer, str) and answer is not None:
        return " > ".join(question.items[i] for i in answer if 0 <= i < len(question.items))
    return text


class CheckService:
    def __init__(self, store: RecordStore, course: Course, progress: ProgressService):
        self._store = store
        self.course = course
        self._progress = progress
        self.profile_id = progress.profile_id

    @property
    def closed(self) -> bool:
        """The records are closed: the window is going, a late scroll saves nothing."""
        return self._store.closed

    @property
    def pass_mark(self) -> float:
        mark = getattr(self.course, "check_pass_mark", DEFAULT_PASS_MARK)
        return mark if isinstance(mark, (int, float)) and 0 <= mark <= 1 else DEFAULT_PASS_MARK

    # -- queries -----------------------------------------------------------------
    def attempts(self, module_id: str | None = None) -> list[dict]:
        """This learner's answers, oldest first; of one module when given."""
        where = {"profile": self.profile_id}
        if module_id is not None:
            where["module"] = module_id
        return sorted(self._store.all(CHECK_ATTEMPT, **where), key=lambda r: (r.get("created", ""), r.get("uid", "")))

    def result(self, module: Module) -> CheckResult:
        pairs = [(r.get("question", ""), r.get("correct")) for r in self.attempts(module.id)]
        return check_result(module.questions, pairs, self.pass_mark)

    def status_text(self, module: Module) -> str:
        """One line for the reader: "4 of 5 right, pass mark 80%: module done"."""
        result = self.result(module)
        if not result.total:
            return ""
        progress = self._progress.progress(module.id)
        line = f"{result.right} of {result.total} right, pass mark {round(result.pass_mark * 100)}%"
        if progress.counted:
            return f"{line}: module done"
        if result.passed:
            return f"{line}: passed; read the module to its end to finish it"
        more = result.needed - result.right
        return f"{line}: {more} more to get right to pass"

    def right_ids(self, module: Module) -> set[str]:
        return {r.get("question", "") for r in self.attempts(module.id) if r.get("correct") is True}

    # -- commands ----------------------------------------------------------------
    def submit(
        self, module: Module, question: Question, answer: Answer, text: str = "", seconds: float = 0
    ) -> Submitted:
        """Record one answer, then apply the completion rule; one atomic step."""
        if question not in module.questions:
            raise ValueError(f"question '{question.id}' is not part of the module '{module.id}'")
        if question.kind in SELF_RATED_KINDS and answer not in {value for value, _ in SELF_RATINGS}:
            raise ValueError("rate your answer against the model answer first")
        correct = score(question, answer)
        try:
            seconds = float(seconds)
        except (TypeError, ValueError):
            seconds = 0.0
        seconds = round(min(MAX_SECONDS, max(0.0, seconds if math.isfinite(seconds) else 0.0)), 1)
        before = self._progress.progress(module.id)
        earlier = [r for r in self.attempts(module.id) if r.get("question") == question.id]
        record = {
            "profile": self.profile_id,
            "module": module.id,
            "question": question.id,
            "card": card_id(module.id, question.id),
            "kind": question.kind,
            "attempt": len(earlier) + 1,
            "answer": answer if isinstance(answer, str) or answer is None else [int(i) for i in answer],
            "response": response_text(question, answer, text.strip()[:MAX_TEXT]),
            "rating": answer if question.kind in SELF_RATED_KINDS else None,
            "correct": correct,
            "seconds": seconds,
        }
        with self._store.atomic():
            saved = self._store.add(CHECK_ATTEMPT, record)
            after = self._complete(module)
        return Submitted(saved, correct, self.result(module), after, after.counted and not before.counted)

    def reach_end(self, module: Module) -> ModuleProgress:
        """The learner has seen the end of the module; done now if the check is passed."""
        with self._store.atomic():
            self._progress.set_reached_end(module.id)
            return self._complete(module)

    def _complete(self, module: Module) -> ModuleProgress:
        current = self._progress.progress(module.id)
        if not current.counted and module_done(current.reached_end, self.result(module)):
            return self._progress.set_done(module.id, True, BY_CHECK)
        return current
