"""Sections about the course itself: modules done, team sessions, scenarios."""

from __future__ import annotations

from trainer.export.period import iso_day, long_date
from trainer.export.registry import ExportContext, as_number, first, section, when


@section("modules", "Modules completed",
         "Course modules marked as done, with the date and how long each takes.")
def modules_done(ctx: ExportContext) -> dict | None:
    order = {}
    course = getattr(ctx.content, "course", None)
    if course is not None:
        order = {m.id: i for i, m in enumerate(course.modules)}
    items = []
    for rec in ctx.records("progress"):
        module_id = rec.get("module")
        if not module_id or not rec.get("done"):
            continue
        done_at = first(rec, "done_at", "updated")
        if not ctx.period.contains(done_at):
            continue
        mod = ctx.module(module_id)
        minutes = mod.duration_minutes if mod is not None else None
        items.append({
            "uid": rec.get("uid", ""),
            "module": module_id,
            "title": mod.title if mod is not None else module_id,
            "summary": mod.summary if mod is not None else "",
            "objectives": list(mod.objectives) if mod is not None else [],
            "done_at": done_at or "",
            "date": iso_day(done_at),
            "date_text": long_date(done_at),
            "minutes": int(minutes) if minutes else 0,
        })
    items.sort(key=lambda i: (i["date"], order.get(i["module"], 1_000), i["module"]))
    return {"items": items, "minutes": sum(i["minutes"] for i in items)}


def _attended(rec: dict, profile_id: str) -> bool:
    if rec.get("profile") == profile_id:
        return True
    people = first(rec, "attendees", "participants", default=[])
    return isinstance(people, list) and profile_id in [str(p) for p in people]


@section("sessions", "Team sessions attended",
         "Team or group training sessions, with their length.")
def team_sessions(ctx: ExportContext) -> dict | None:
    try:
        found = ctx.store.all("team_session")
    except Exception:
        return None
    items = []
    for rec in found:
        if not isinstance(rec, dict) or not _attended(rec, ctx.profile_id):
            continue
        day = when(rec, "date", "held_on", "start", "scheduled_for")
        if not ctx.period.contains(day):
            continue
        minutes = as_number(first(rec, "duration_minutes", "minutes", "length_minutes", "duration"))
        modules = first(rec, "modules", "module", default=[])
        if isinstance(modules, str):
            modules = [modules]
        items.append({
            "uid": rec.get("uid", ""),
            "title": str(first(rec, "title", "name", "topic", default="Team session")),
            "date": iso_day(day),
            "date_text": long_date(day),
            "minutes": int(minutes) if minutes and minutes > 0 else 0,
            "facilitator": str(first(rec, "facilitator", "led_by", default="")),
            "modules": [ctx.module_title(m) for m in modules if isinstance(m, str)],
            "notes": str(first(rec, "notes", "summary", default="")),
        })
    items.sort(key=lambda i: (i["date"], i["title"]))
    return {"items": items, "minutes": sum(i["minutes"] for i in items)}


def _scenario_title(ctx: ExportContext, scenario_id: str) -> str:
    for sc in getattr(ctx.content, "scenarios", None) or []:
        sid = getattr(sc, "id", None) or (sc.get("id") if isinstance(sc, dict) else None)
        if sid == scenario_id:
            return getattr(sc, "title", None) or (sc.get("title") if isinstance(sc, dict) else None) \
                or scenario_id
    return scenario_id


@section("scenarios", "Practice scenarios", "Scenario attempts and their scores.")
def scenario_attempts(ctx: ExportContext) -> dict | None:
    items = []
    for rec in ctx.records("scenario_attempt"):
        day = when(rec, "finished_at", "completed_at", "date")
        if not ctx.period.contains(day):
            continue
        scenario = str(first(rec, "scenario", "scenario_id", default=""))
        score = as_number(first(rec, "score", "raw_score"))
        max_score = as_number(first(rec, "max_score", "score_max", "out_of"))
        items.append({
            "uid": rec.get("uid", ""),
            "scenario": scenario,
            "title": _scenario_title(ctx, scenario) if scenario else "Scenario",
            "date": iso_day(day),
            "date_text": long_date(day),
            "score": score,
            "max_score": max_score,
            "completed": bool(first(rec, "completed", "finished", default=False)),
        })
    items.sort(key=lambda i: (i["date"], i["title"]))
    return {"items": items}
