"""Spreadsheet exports: CSV of progress and of ratings.

One row per module (progress) and one row per rated item (ratings), with
ISO dates and the records' stable uids so rows can be joined and re-imported
without guessing. Written with the csv module (UTF-8 with a BOM so that
spreadsheet programs read accents correctly). Text that a spreadsheet would
run as a formula (an observer's name from a bundle, say) is written with a
leading single quote, as OWASP advises for CSV injection.
"""

from __future__ import annotations

import csv
import io

from trainer.domain.safe_text import csv_cell
from trainer.export.period import Period, iso_day
from trainer.export.registry import ExportContext, first
from trainer.export.sections_records import global_values, rated_items

PROGRESS_COLUMNS = [
    "record_uid",
    "profile",
    "module_id",
    "module_title",
    "status",
    "done",
    "done_date",
    "done_by",
    "position_percent",
    "duration_minutes",
    "first_opened_date",
    "updated",
]
CHECK_COLUMNS = [
    "record_uid",
    "profile",
    "date",
    "module_id",
    "module_title",
    "question_id",
    "card_id",
    "kind",
    "prompt",
    "attempt",
    "response",
    "rating",
    "correct",
    "seconds",
    "created",
]
RATING_COLUMNS = [
    "row_id",
    "record_uid",
    "profile",
    "kind",
    "rated_by",
    "date",
    "context",
    "item_type",
    "item_id",
    "item_name",
    "rating",
    "rating_label",
    "scale_max",
    "notes",
]


def progress_rows(store, profile_id: str, content=None, period: Period | None = None) -> list[dict]:
    ctx = ExportContext(store, profile_id, content, period or Period())
    order = {}
    course = getattr(content, "course", None)
    if course is not None:
        order = {m.id: i for i, m in enumerate(course.modules)}
    rows = []
    for rec in ctx.records("progress"):
        module_id = rec.get("module")
        if not module_id:
            continue
        day = rec.get("done_at") if rec.get("done") else first(rec, "updated", "created")
        if not ctx.period.contains(day):
            continue
        mod = ctx.module(module_id)
        position = rec.get("position")
        rows.append(
            {
                "record_uid": rec.get("uid", ""),
                "profile": profile_id,
                "module_id": module_id,
                "module_title": mod.title if mod is not None else "",
                "status": "done" if rec.get("done") else "started",
                "done": "yes" if rec.get("done") else "no",
                "done_date": iso_day(rec.get("done_at")) if rec.get("done") else "",
                # "check": end reached and check passed; "hand": ticked (older records too)
                "done_by": (rec.get("done_by") or "hand") if rec.get("done") else "",
                "position_percent": round(float(position) * 100) if isinstance(position, (int, float)) else "",
                "duration_minutes": mod.duration_minutes if mod is not None and mod.duration_minutes else "",
                "first_opened_date": iso_day(rec.get("created")),
                "updated": rec.get("updated", ""),
            }
        )
    rows.sort(key=lambda r: (order.get(r["module_id"], 1_000), r["module_id"]))
    return rows


def rating_rows(store, profile_id: str, content=None, period: Period | None = None) -> list[dict]:
    ctx = ExportContext(store, profile_id, content, period or Period())
    rows = []
    for kind in ("self_assessment", "observation"):
        for rec in ctx.records(kind):
            day = first(rec, "date", "created", "updated")
            if not ctx.period.contains(day):
                continue
            base = {
                "record_uid": rec.get("uid", ""),
                "profile": profile_id,
                "kind": kind,
                "rated_by": "self"
                if kind == "self_assessment"
                else str(first(rec, "observer", "observer_name", "rater", default="observer")),
                "date": iso_day(day),
                "context": str(first(rec, "scenario", "context", "title", "module", default="")),
            }
            for item in rated_items(ctx, rec):
                rows.append(
                    {
                        **base,
                        "row_id": f"{base['record_uid']}:{item['id']}",
                        "item_type": "skill",
                        "item_id": item["id"],
                        "item_name": item["name"],
                        "rating": "" if item["rating"] is None else item["rating"],
                        "rating_label": item["label"],
                        "scale_max": 2,
                        "notes": " | ".join(f"{n['label']}: {n['text']}" for n in item["notes"]),
                    }
                )
            for g in global_values(ctx, rec):
                rows.append(
                    {
                        **base,
                        "row_id": f"{base['record_uid']}:{g['id']}",
                        "item_type": "global",
                        "item_id": g["id"],
                        "item_name": g["name"],
                        "rating": g["value"],
                        "rating_label": "",
                        "scale_max": g["max"],
                        "notes": "",
                    }
                )
    rows.sort(key=lambda r: (r["date"], r["record_uid"]))
    return rows


def check_rows(store, profile_id: str, content=None, period: Period | None = None) -> list[dict]:
    """One row per answer to a knowledge-check question (record kind ``check_attempt``)."""
    ctx = ExportContext(store, profile_id, content, period or Period())
    rows = []
    for rec in ctx.records("check_attempt"):
        created = rec.get("created")
        if not ctx.period.contains(created):
            continue
        mod = ctx.module(str(rec.get("module") or ""))
        question = next((q for q in getattr(mod, "questions", []) if q.id == rec.get("question")), None)
        correct = rec.get("correct")
        rows.append(
            {
                "record_uid": rec.get("uid", ""),
                "profile": profile_id,
                "date": iso_day(created),
                "module_id": rec.get("module", ""),
                "module_title": mod.title if mod is not None else "",
                "question_id": rec.get("question", ""),
                "card_id": rec.get("card", ""),
                "kind": rec.get("kind", ""),
                "prompt": question.prompt if question is not None else "",
                "attempt": rec.get("attempt", ""),
                "response": rec.get("response", ""),
                "rating": rec.get("rating") or "",
                "correct": "yes" if correct is True else "no" if correct is False else "",
                "seconds": rec.get("seconds", ""),
                "created": created or "",
            }
        )
    rows.sort(key=lambda r: (str(r["created"]), str(r["record_uid"])))
    return rows


def to_csv(rows: list[dict], columns: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in rows)
    return buffer.getvalue()


def progress_csv(store, profile_id: str, content=None, period: Period | None = None) -> str:
    return to_csv(progress_rows(store, profile_id, content, period), PROGRESS_COLUMNS)


def ratings_csv(store, profile_id: str, content=None, period: Period | None = None) -> str:
    return to_csv(rating_rows(store, profile_id, content, period), RATING_COLUMNS)


def checks_csv(store, profile_id: str, content=None, period: Period | None = None) -> str:
    return to_csv(check_rows(store, profile_id, content, period), CHECK_COLUMNS)
