"""xAPI statements for personal goals, goal check-ins, team sessions and who
attended them (see docs/EXPORT_FORMAT.md). The builder (``xapi._Builder``)
makes the ids, timestamps and the learner; this module says what each record
states. What people write (a goal's plan, a check-in's note and barriers)
stays with them: only the goal's words, the progress and the scales go.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from trainer.export.registry import ExportContext, as_number, first

if TYPE_CHECKING:
    from trainer.export.xapi import _Builder


def _scale(value) -> int | None:
    number = as_number(value)
    return int(number) if number is not None and 0 <= number <= 10 else None


def goal_statements(ctx: ExportContext, b: _Builder) -> list[dict]:
    out = []
    goals = {str(g["uid"]): g for g in ctx.records("goal") if g.get("uid")}
    for uid, rec in goals.items():
        obj = b.activity(b.iri("goals", uid), "goal", str(rec.get("goal") or "Personal goal"))
        scales = {b.ext(k): v for k in ("importance", "confidence") if (v := _scale(rec.get(k))) is not None}
        if ctx.period.contains(rec.get("created")):
            out.append(
                b.statement("goal", rec, "set", obj, rec.get("created"), {"extensions": scales} if scales else None)
            )
        if rec.get("status") == "achieved" and ctx.period.contains(first(rec, "achieved_at", "updated")):
            done = {"completion": True, "success": True}
            out.append(b.statement("goal", rec, "completed", obj, first(rec, "achieved_at", "updated"), done))
    for rec in ctx.records("goal_checkin"):
        goal = goals.get(str(rec.get("goal")))
        day = first(rec, "date", "created")
        if not rec.get("uid") or goal is None or not ctx.period.contains(day):
            continue
        obj = b.activity(b.iri("goals", goal["uid"]), "goal", str(goal.get("goal") or "Personal goal"))
        extensions: dict[str, Any] = {b.ext("goal-progress"): str(rec.get("progress") or "")}
        if (confidence := _scale(rec.get("confidence"))) is not None:
            extensions[b.ext("confidence")] = confidence
        result: dict[str, Any] = {"completion": rec.get("progress") == "done", "extensions": extensions}
        out.append(b.statement("goal_checkin", rec, "progressed", obj, day, result))
    return out


def session_statements(ctx: ExportContext, b: _Builder) -> list[dict]:
    """The session the learner ran (``facilitated``), and one ``attended`` per person
    marked present, as an account of that session (they have no profile here)."""
    out = []
    plans = {getattr(p, "id", None): p for p in getattr(ctx.content, "plans", None) or []}
    for rec in ctx.records("team_session"):
        uid, day = rec.get("uid"), first(rec, "date", "created")
        if not uid or not ctx.period.contains(day):
            continue
        title = str(first(rec, "title", "plan_title", default="Team session"))
        description = " \u00b7 ".join(str(rec[k]) for k in ("team", "plan_title") if rec.get(k))
        obj = b.activity(b.iri("sessions", uid), "session", title, description)
        present = [p for p in rec.get("participants") or [] if isinstance(p, dict) and p.get("present", True)]
        result: dict[str, Any] = {"extensions": {b.ext("present"): len(present)}}
        minutes = getattr(plans.get(rec.get("plan_id")), "total_minutes", None)
        if isinstance(minutes, int) and minutes > 0:
            result["duration"] = f"PT{minutes}M"
        out.append(b.statement("team_session", rec, "facilitated", obj, day, result))
        for person in present:
            if not person.get("id") or not str(person.get("name") or "").strip():
                continue
            agent = {
                "objectType": "Agent",
                "name": str(person["name"]).strip(),
                "account": {"homePage": b.participants_home, "name": f"session/{uid}/participant/{person['id']}"},
            }
            context: dict[str, Any] = {"instructor": b.actor}
            if person.get("role"):
                context["extensions"] = {b.ext("role"): str(person["role"])}
            one = {**rec, "uid": f"{uid}/{person['id']}"}
            out.append(b.statement("attendance", one, "attended", obj, day, context=context, actor=agent))
    return out


def attendance_statements(ctx: ExportContext, b: _Builder) -> list[dict]:
    """A team session the learner attended (imported from the trainer's attendance file): the
    learner ``attended`` the same session activity as the trainer's statements name, with its
    length as the duration and the roles they played."""
    out = []
    for rec in ctx.records("session_attendance"):
        session, day = rec.get("session_uid"), first(rec, "date", "created")
        if not session or not ctx.period.contains(day):
            continue
        description = str(rec.get("team") or "")
        obj = b.activity(b.iri("sessions", session), "session", str(rec.get("title") or "Team session"), description)
        result: dict[str, Any] = {}
        minutes = rec.get("minutes")
        if isinstance(minutes, int) and not isinstance(minutes, bool) and minutes > 0:
            result = {"duration": f"PT{minutes}M", "extensions": {b.ext("cpd-minutes"): minutes}}
        roles = sorted({str(r.get("role")) for r in rec.get("rounds") or [] if isinstance(r, dict) and r.get("role")})
        context = {"extensions": {b.ext("role"): ", ".join(roles)}} if roles else None
        out.append(b.statement("session_attendance", rec, "attended", obj, day, result or None, context=context))
    return out
