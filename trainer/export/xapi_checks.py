"""xAPI statements for answers to knowledge checks (issue 21; see docs/EXPORT_FORMAT.md).

One ``answered`` statement per ``check_attempt`` record. The object is the
question as a ``cmi.interaction`` activity under its module
(``…/xapi/modules/<module>/questions/<question>``); the result says whether the
answer was right (``success``), the ``response`` in xAPI's interaction format
(chosen option indexes ``0[,]2``, the order given ``2[,]0[,]1``, or for free
text the learner's own rating; what they typed stays with them) and how long
it took (``duration``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from trainer.domain.questions import CHOICE_KINDS, ORDER, Question
from trainer.export.registry import ExportContext, as_number

if TYPE_CHECKING:
    from trainer.export.xapi import _Builder


def iso_duration(seconds: float) -> str:
    """ISO 8601 duration, e.g. ``PT12.5S`` or ``PT2M5S``."""
    seconds = max(0.0, round(float(seconds), 1))
    minutes, rest = divmod(seconds, 60)
    rest_text = f"{rest:g}S" if rest or not minutes else ""
    return "PT" + (f"{int(minutes)}M" if minutes else "") + rest_text


def _interaction(question: Question | None) -> dict[str, Any]:
    """What the LRS needs to read a response: the interaction type, choices and the right answer."""
    if question is None:
        return {"interactionType": "other"}
    if question.kind in CHOICE_KINDS:
        return {
            "interactionType": "choice",
            "correctResponsesPattern": ["[,]".join(str(i) for i, o in enumerate(question.options) if o.correct)],
            "choices": [{"id": str(i), "description": {"en-GB": o.text}} for i, o in enumerate(question.options)],
        }
    if question.kind == ORDER:
        return {
            "interactionType": "sequencing",
            "correctResponsesPattern": ["[,]".join(str(i) for i in range(len(question.items)))],
            "choices": [{"id": str(i), "description": {"en-GB": t}} for i, t in enumerate(question.items)],
        }
    return {"interactionType": "long-fill-in"}


def _response(rec: dict) -> str | None:
    answer = rec.get("answer")
    if isinstance(answer, list):
        return "[,]".join(str(int(i)) for i in answer if isinstance(i, int) and not isinstance(i, bool))
    if isinstance(answer, str):
        return f"self-rated: {answer}"
    return None


def question_activity(ctx: ExportContext, b: _Builder, module_id: str, question_id: str) -> dict[str, Any]:
    """The question as an xAPI activity: one id and one definition for checks and reviews alike."""
    module = ctx.module(module_id)
    question = next((q for q in getattr(module, "questions", []) if q.id == question_id), None)
    obj = b.activity(
        b.iri("modules", module_id, "questions", question_id),
        "question",
        question.prompt if question is not None else question_id,
    )
    obj["definition"].update(_interaction(question))
    return obj


def check_statements(ctx: ExportContext, b: _Builder) -> list[dict]:
    out = []
    for rec in ctx.records("check_attempt"):
        module_id, question_id, day = rec.get("module"), rec.get("question"), rec.get("created")
        if not rec.get("uid") or not module_id or not question_id or not ctx.period.contains(day):
            continue
        obj = question_activity(ctx, b, str(module_id), str(question_id))
        result: dict[str, Any] = {}
        if isinstance(rec.get("correct"), bool):
            result["success"] = rec["correct"]
        response = _response(rec)
        if response is not None:
            result["response"] = response
        seconds = as_number(rec.get("seconds"))
        if seconds is not None and seconds >= 0:
            result["duration"] = iso_duration(seconds)
        attempt = as_number(rec.get("attempt"))
        if attempt is not None:
            result["extensions"] = {b.ext("attempt"): int(attempt)}
        context = {"contextActivities": {"parent": [b.module_object(str(module_id))]}}
        out.append(b.statement("check_attempt", rec, "answered", obj, day, result or None, context))
    return out
