"""Branching consultations ("Your turn", issue 22) in every export.

Record kind ``consultation_attempt``: the portfolio section (each attempt,
its figures and its time, which counts as CPD time), the CSV table
(``consultations``) and one xAPI ``completed`` statement per attempt.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from trainer.export.period import Period, iso_day, long_date
from trainer.export.registry import ExportContext, as_number, section
from trainer.export.spreadsheet import to_csv

if TYPE_CHECKING:
    from trainer.export.xapi import _Builder

KIND = "consultation_attempt"
FIGURES = (  # key, label, how to show the value
    ("reflection_to_question", "reflections to questions", lambda v: f"{v:.1f}:1"),
    ("complex_reflections", "complex reflections", lambda v: f"{round(v * 100)}%"),
    ("open_questions", "open questions", lambda v: f"{round(v * 100)}%"),
    ("permission_rate", "advice with permission", lambda v: f"{round(v * 100)}%"),
)
CONSULTATION_COLUMNS = [
    "record_uid",
    "profile",
    "date",
    "consultation_id",
    "consultation_title",
    "profession",
    "decisions",
    "expert_matches",
    *[key for key, _label, _fmt in FIGURES],
    "seconds",
    "cpd_minutes",
    "ending",
    "path",
    "created",
]


def attempts(ctx: ExportContext) -> list[dict]:
    """This profile's attempts in the period, oldest first."""
    found = [r for r in ctx.records(KIND) if r.get("uid") and ctx.period.contains(_day(r))]
    return sorted(found, key=lambda r: (str(r.get("created", "")), str(r.get("uid", ""))))


def _day(rec: dict):
    return rec.get("finished_at") or rec.get("created")


def cpd_minutes(rec: dict) -> int:
    """Whole minutes of an attempt's time, rounded up (a consultation held counts at least a minute)."""
    seconds = as_number(rec.get("seconds"))
    return int(math.ceil(seconds / 60)) if seconds is not None and seconds > 0 else 0


def _figure(rec: dict, key: str) -> float | None:
    figures = rec.get("figures")
    value = as_number(figures.get(key)) if isinstance(figures, dict) else None
    return value if value is not None and math.isfinite(value) and value >= 0 else None


def figures_text(rec: dict) -> str:
    parts = []
    found = rec.get("levels")
    levels: dict = found if isinstance(found, dict) else {}
    for key, label, fmt in FIGURES:
        value = _figure(rec, key)
        if value is not None:
            level = levels.get(key) if isinstance(levels.get(key), str) else ""
            parts.append(f"{label} {fmt(value)}" + (f" ({level})" if level else ""))
    return "; ".join(parts) or "no questions, reflections or advice on this path"


def _title(ctx: ExportContext, rec: dict) -> str:
    cid = str(rec.get("consultation") or "")
    for c in getattr(ctx.content, "consultations", None) or []:
        if getattr(c, "id", None) == cid:
            return str(c.title)
    return str(rec.get("consultation_title") or cid)


def _count(rec: dict, name: str) -> int:
    value = as_number(rec.get(name))
    return int(value) if value is not None and value >= 0 else 0


@section(
    "consultations",
    "Branching consultations",
    "Consultations held in Your turn: the expert's choices matched, the MITI-style figures, and the time, "
    "which counts as study time.",
)
def consultations(ctx: ExportContext) -> dict | None:
    items: list[dict[str, Any]] = []
    for rec in attempts(ctx):
        day = rec.get("finished_at") or rec.get("created")
        minutes = cpd_minutes(rec)
        name = _title(ctx, rec)
        text = (
            f"chose as the expert did at {_count(rec, 'expert_matches')} of {_count(rec, 'decisions')} "
            f"decisions; {figures_text(rec)}"
        )
        items.append(  # every renderer shows a title and a date_text (registry.py): both say it all
            {
                "uid": rec["uid"],
                "name": name,
                "text": text,
                "title": f"{name}: {text}",
                "date": iso_day(day),
                "date_text": f"{long_date(day)}, {minutes} min",
                "minutes": minutes,
            }
        )
    return {"items": items, "minutes": sum(i["minutes"] for i in items)}


def consultation_rows(store, profile_id: str, content=None, period: Period | None = None) -> list[dict]:
    ctx = ExportContext(store, profile_id, content, period or Period())
    rows = []
    for rec in attempts(ctx):
        path = rec.get("path")
        taken = path if isinstance(path, list) else []
        steps = [f"{p.get('node')}:{p.get('choice')}" for p in taken if isinstance(p, dict)]
        row: dict[str, Any] = {
            "record_uid": rec["uid"],
            "profile": profile_id,
            "date": iso_day(rec.get("finished_at") or rec.get("created")),
            "consultation_id": rec.get("consultation", ""),
            "consultation_title": _title(ctx, rec),
            "profession": rec.get("profession", ""),
            "decisions": _count(rec, "decisions"),
            "expert_matches": _count(rec, "expert_matches"),
            "seconds": rec.get("seconds", ""),
            "cpd_minutes": cpd_minutes(rec),
            "ending": rec.get("end", ""),
            "path": " ".join(steps),
            "created": rec.get("created", ""),
        }
        for key, _label, _fmt in FIGURES:
            value = _figure(rec, key)
            row[key] = "" if value is None else round(value, 3)
        rows.append(row)
    return rows


def consultations_csv(store, profile_id: str, content=None, period: Period | None = None) -> str:
    return to_csv(consultation_rows(store, profile_id, content, period), CONSULTATION_COLUMNS)


def consultation_statements(ctx: ExportContext, b: _Builder) -> list[dict]:
    """Each attempt as ``completed`` the consultation (a simulation): the share of the
    expert's choices as the score, the time as the duration, the figures as extensions."""
    out = []
    for rec in attempts(ctx):
        cid = str(rec.get("consultation") or "")
        if not cid:
            continue
        obj = b.activity(b.iri("consultations", cid), "simulation", _title(ctx, rec))
        result: dict[str, Any] = {"completion": True}
        decisions, matches = _count(rec, "decisions"), _count(rec, "expert_matches")
        if decisions:
            result["score"] = {"raw": min(matches, decisions), "min": 0, "max": decisions}
        seconds = as_number(rec.get("seconds"))
        if seconds is not None and seconds >= 0:
            result["duration"] = f"PT{round(seconds, 1):g}S"
        extensions: dict[str, Any] = {b.ext("practice"): "branching consultation"}
        for key, _label, _fmt in FIGURES:
            value = _figure(rec, key)
            if value is not None:
                extensions[b.ext(key.replace("_", "-"))] = round(value, 3)
        result["extensions"] = extensions
        out.append(b.statement(KIND, rec, "completed", obj, rec.get("finished_at") or rec.get("created"), result))
    return out
