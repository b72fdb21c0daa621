"""Spaced review in the exports: the portfolio's section, the CSV table and the xAPI statements.

Reads ``review_log`` records (one per review, written by
``trainer/services/review.py``), picked by the day they were reviewed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from trainer.export.period import Period, iso_day, long_date
from trainer.export.registry import ExportContext, as_number, section
from trainer.export.spreadsheet import to_csv
from trainer.export.xapi_checks import question_activity

if TYPE_CHECKING:
    from trainer.export.xapi import _Builder

LOG = "review_log"
RATING_NAMES = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}  # FSRS's four ratings
REVIEW_COLUMNS = [
    "record_uid",
    "profile",
    "reviewed_at",
    "date",
    "module_id",
    "module_title",
    "question_id",
    "card_id",
    "kind",
    "prompt",
    "answer",
    "correct",
    "rating",
    "rating_name",
    "seconds",
    "next_due",
]


def review_logs(ctx: ExportContext) -> list[dict]:
    """This profile's reviews in the period, oldest first (records without a card or time are left out)."""
    found = [
        r
        for r in ctx.records(LOG)
        if r.get("uid") and r.get("card") and r.get("reviewed_at") and ctx.period.contains(r.get("reviewed_at"))
    ]
    return sorted(found, key=lambda r: (str(r["reviewed_at"]), str(r["uid"])))


def _ids(rec: dict) -> tuple[str, str]:
    """(module id, question id), from the record's own fields or its card id ("module#question")."""
    module, question = str(rec.get("module") or ""), str(rec.get("question") or "")
    if not (module and question) and "#" in str(rec.get("card")):
        module, question = str(rec["card"]).split("#", 1)
    return module, question


def _prompt(ctx: ExportContext, module_id: str, question_id: str) -> str:
    mod = ctx.module(module_id)
    found = next((q for q in getattr(mod, "questions", None) or [] if q.id == question_id), None)
    return found.prompt if found is not None else ""


def _rating(rec: dict) -> int | None:
    value = rec.get("rating")
    return value if type(value) is int and value in RATING_NAMES else None


def review_rows(store, profile_id: str, content=None, period: Period | None = None) -> list[dict]:
    ctx = ExportContext(store, profile_id, content, period or Period())
    rows = []
    for rec in review_logs(ctx):
        module, question = _ids(rec)
        rating, correct, seconds = _rating(rec), rec.get("correct"), as_number(rec.get("seconds"))
        rows.append(
            {
                "record_uid": rec["uid"],
                "profile": profile_id,
                "reviewed_at": rec["reviewed_at"],
                "date": iso_day(rec["reviewed_at"]),
                "module_id": module,
                "module_title": ctx.module_title(module) if module else "",
                "question_id": question,
                "card_id": rec["card"],
                "kind": str(rec.get("kind") or ""),
                "prompt": _prompt(ctx, module, question),
                "answer": str(rec.get("answer") or ""),
                "correct": "" if not isinstance(correct, bool) else ("yes" if correct else "no"),
                "rating": "" if rating is None else rating,
                "rating_name": RATING_NAMES.get(rating or 0, ""),
                "seconds": "" if seconds is None else seconds,
                "next_due": str(rec.get("next_due") or ""),
            }
        )
    return rows


def _reviews(count: int) -> str:
    return f"{count} review" if count == 1 else f"{count} reviews"


def _marked(logs: list[dict]) -> str:
    marked = [r["correct"] for r in logs if isinstance(r.get("correct"), bool)]
    return f"{sum(marked)} of {len(marked)} marked right" if marked else "all self-rated"


@section(
    "reviews",
    "Spaced review",
    "Questions from finished modules answered again on a spaced schedule, and how they went.",
)
def reviews(ctx: ExportContext) -> dict | None:
    """One line for the whole period, then one line per module."""
    logs = review_logs(ctx)
    if not logs:
        return None
    by_module: dict[str, list[dict]] = {}
    for rec in logs:
        by_module.setdefault(_ids(rec)[0], []).append(rec)
    cards = {rec["card"] for rec in logs}
    items: list[dict[str, Any]] = [
        {
            "uid": "total",
            "title": f"{_reviews(len(logs))} of {len(cards)} question{'s' if len(cards) != 1 else ''} "
            f"from {len(by_module)} module{'s' if len(by_module) != 1 else ''}; {_marked(logs)}",
            "date_text": f"last on {long_date(logs[-1]['reviewed_at'])}",
            "reviews": len(logs),
        }
    ]
    for module_id, module_logs in by_module.items():
        items.append(
            {
                "uid": module_id,
                "title": f"{ctx.module_title(module_id)}: {_reviews(len(module_logs))}, {_marked(module_logs)}",
                "date_text": f"last on {long_date(module_logs[-1]['reviewed_at'])}",
                "reviews": len(module_logs),
            }
        )
    return {"items": items, "reviews": len(logs)}


def review_statements(ctx: ExportContext, b: _Builder) -> list[dict]:
    """Each review as ``answered`` a question: success for a marked answer, the response,
    the FSRS rating (1 Again, 2 Hard, 3 Good, 4 Easy) and the time taken."""
    out = []
    for rec in review_logs(ctx):
        module, question = _ids(rec)
        obj = question_activity(ctx, b, module, question)
        result: dict[str, Any] = {}
        if isinstance(rec.get("correct"), bool):
            result["success"] = rec["correct"]
        elif (rating := _rating(rec)) is not None:  # self-rated: what was typed stays private
            result["response"] = f"self-rated: {RATING_NAMES.get(rating, rating)}"
        seconds = as_number(rec.get("seconds"))
        if seconds is not None and seconds >= 0:
            result["duration"] = f"PT{round(seconds, 1):g}S"
        extensions: dict[str, Any] = {b.ext("practice"): "spaced review"}
        if (rating := _rating(rec)) is not None:
            extensions[b.ext("fsrs-rating")] = rating
        result["extensions"] = extensions
        context = {"contextActivities": {"parent": [b.module_object(module)]}} if module else None
        out.append(b.statement(LOG, rec, "answered", obj, rec["reviewed_at"], result, context))
    return out


def reviews_csv(store, profile_id: str, content=None, period: Period | None = None) -> str:
    return to_csv(review_rows(store, profile_id, content, period), REVIEW_COLUMNS)
