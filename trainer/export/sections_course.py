"""Sections about the course itself: modules done, team sessions, scenario practice."""

from __future__ import annotations

from trainer.domain.questions import DEFAULT_PASS_MARK
from trainer.export.period import iso_day, long_date
from trainer.export.registry import ExportContext, as_number, first, section, when
from trainer.export.sections_records import scenario_title
from trainer.modules.scoring import CheckResult


def check_summary(ctx: ExportContext, module) -> dict | None:
    """The module's knowledge check for the portfolio: passed or not, when, the score."""
    if module is None or not any(q.in_check for q in module.questions):
        return None
    ids = {q.id for q in module.questions if q.in_check}
    attempts = sorted(
        (r for r in ctx.records("check_attempt") if r.get("module") == module.id and r.get("question") in ids),
        key=lambda r: (str(r.get("created", "")), str(r.get("uid", ""))),
    )
    if not attempts:
        return None
    mark = getattr(getattr(ctx.content, "course", None), "check_pass_mark", DEFAULT_PASS_MARK)
    right: set[str] = set()
    passed_at = None
    for rec in attempts:
        if rec.get("correct") is True:
            right.add(str(rec.get("question")))
            if passed_at is None and CheckResult(len(right), len(ids), mark).passed:
                passed_at = rec.get("created")
    result = CheckResult(len(right), len(ids), mark)
    score = f"{result.right} of {result.total} right"
    text = f"passed {long_date(passed_at)}, {score}" if passed_at else f"not passed yet, {score}"
    return {
        "passed": passed_at is not None,
        "date": iso_day(passed_at) if passed_at else "",
        "right": result.right,
        "total": result.total,
        "attempts": len(attempts),
        "text": f"Knowledge check: {text}",
    }


@section(
    "modules",
    "Modules completed",
    "Course modules done, with the date and how long each takes; only modules whose knowledge check "
    "was passed count towards study time, those marked done by hand are listed apart.",
)
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
        items.append(
            {
                "uid": rec.get("uid", ""),
                "module": module_id,
                "title": mod.title if mod is not None else module_id,
                "summary": mod.summary if mod is not None else "",
                "objectives": list(mod.objectives) if mod is not None else [],
                "done_at": done_at or "",
                "date": iso_day(done_at),
                "date_text": long_date(done_at),
                "minutes": int(minutes) if minutes else 0,
                "done_by": "check" if rec.get("done_by") == "check" else "hand",  # older records: by hand
                "check": check_summary(ctx, mod),
            }
        )
    items.sort(key=lambda i: (i["date"], order.get(i["module"], 1_000), i["module"]))
    counted = [i["minutes"] for i in items if i["done_by"] == "check"]
    hand = [i["minutes"] for i in items if i["done_by"] == "hand"]
    return {"items": items, "minutes": sum(counted), "minutes_by_hand": sum(hand), "by_hand": len(hand)}


def _attended(rec: dict, profile_id: str) -> str:
    """'led' when this profile ran the session, 'attended' when listed in it, else ''."""
    if rec.get("profile") == profile_id:
        return "led"
    people = first(rec, "attendees", "participants", default=[])
    if not isinstance(people, list):
        return ""
    ids = [str(p.get("profile") or p.get("id")) if isinstance(p, dict) else str(p) for p in people]
    return "attended" if profile_id in ids else ""


def _plan_minutes(ctx: ExportContext, plan_id) -> int:
    for plan in getattr(ctx.content, "plans", None) or []:
        if getattr(plan, "id", None) == plan_id:
            return int(getattr(plan, "total_minutes", 0) or 0)
    return 0


@section("sessions", "Team sessions", "Team training sessions led or attended, with their length.")
def team_sessions(ctx: ExportContext) -> dict | None:
    try:
        found = ctx.store.all("team_session")
    except Exception:
        return None
    items = []
    for rec in found:
        role = _attended(rec, ctx.profile_id) if isinstance(rec, dict) else ""
        if not role:
            continue
        day = when(rec, "date", "held_on", "start", "scheduled_for")
        if not ctx.period.contains(day):
            continue
        minutes = as_number(first(rec, "duration_minutes", "minutes", "length_minutes", "duration"))
        if not minutes:
            minutes = _plan_minutes(ctx, rec.get("plan_id"))
        modules = first(rec, "modules", "module", default=[])
        if isinstance(modules, str):
            modules = [modules]
        people = rec.get("participants") if isinstance(rec.get("participants"), list) else []
        present = [p for p in people if isinstance(p, dict) and p.get("present", True)]
        items.append(
            {
                "uid": rec.get("uid", ""),
                "title": str(first(rec, "title", "plan_title", "name", "topic", default="Team session")),
                "date": iso_day(day),
                "date_text": long_date(day),
                "minutes": int(minutes) if minutes and minutes > 0 else 0,
                "role": "Led the session" if role == "led" else "Attended",
                "team": str(rec.get("team") or ""),
                "people": len(present),
                "facilitator": str(first(rec, "facilitator", "led_by", default="")),
                "modules": [ctx.module_title(m) for m in modules if isinstance(m, str)],
                "notes": str(first(rec, "notes", "summary", default="")),
            }
        )
    for rec in ctx.records("session_attendance"):  # sessions attended, from the trainer's attendance file
        day = when(rec, "date")
        minutes = as_number(rec.get("minutes"))
        if not ctx.period.contains(day):
            continue
        items.append(
            {
                "uid": rec.get("uid", ""),
                "title": str(rec.get("title") or "Team session"),
                "date": iso_day(day),
                "date_text": long_date(day),
                "minutes": int(minutes) if minutes and minutes > 0 else 0,
                "role": "Attended",
                "team": str(rec.get("team") or ""),
                "people": 0,
                "facilitator": str(rec.get("facilitator") or ""),
                "modules": [],
                "notes": "",
            }
        )
    items.sort(key=lambda i: (i["date"], i["title"]))
    return {"items": items, "minutes": sum(i["minutes"] for i in items)}


@section("scenarios", "Practice scenarios", "Paired scenarios practised: responses written and skill-spotting rounds.")
def scenario_practice(ctx: ExportContext) -> dict | None:
    by_scenario: dict[str, dict] = {}

    def entry(scenario: str) -> dict:
        return by_scenario.setdefault(
            scenario,
            {
                "scenario": scenario,
                "title": scenario_title(ctx, scenario),
                "moments": set(),
                "responses": 0,
                "rounds": 0,
                "hits": 0,
                "misses": 0,
                "extras": 0,
                "days": [],
            },
        )

    for kind in ("scenario_attempt", "scenario_spot"):
        for rec in ctx.records(kind):
            day = when(rec, "finished_at", "completed_at", "date")
            scenario = str(first(rec, "scenario", "scenario_id", default=""))
            if not scenario or not ctx.period.contains(day):
                continue
            e = entry(scenario)
            e["days"].append(iso_day(day))
            if rec.get("moment") not in (None, ""):
                e["moments"].add(str(rec["moment"]))
            if kind == "scenario_attempt":
                e["responses"] += 1
            else:
                e["rounds"] += 1
                for name in ("hits", "misses", "extras"):
                    number = as_number(rec.get(name))
                    e[name] += int(number) if number and number > 0 else 0
    items = []
    for e in by_scenario.values():
        days = sorted(d for d in e["days"] if d)
        total = e["hits"] + e["misses"] + e["extras"]
        items.append(
            {
                "uid": e["scenario"],
                "scenario": e["scenario"],
                "title": e["title"],
                "moments": len(e["moments"]),
                "responses": e["responses"],
                "rounds": e["rounds"],
                "agreement": round(100 * e["hits"] / total) if total else None,
                "date": days[-1] if days else "",
                "date_text": long_date(days[-1]) if days else "",
                "first_date_text": long_date(days[0]) if days else "",
            }
        )
    items.sort(key=lambda i: (i["date"], i["title"]))
    return {"items": items}
