"""Learning records as xAPI 1.0.3 statements, for an organisation's LRS.

Each statement id is a uuid5 of the record uid and the verb, so the same
record always gives the same statement and an LRS can refuse duplicates.
Reflections are sent as "authored" with their title and template only: the
text of a reflection stays with the person.
"""

from __future__ import annotations

import uuid
from datetime import tzinfo
from typing import Any

from trainer.export.period import Period
from trainer.export.registry import ExportContext, as_number, first
from trainer.export.sections_records import global_values, rated_items, scenario_title
from trainer.export.xapi_time import full_time, local_zone

NAMESPACE = uuid.UUID("0c6f3e8e-8a57-4b61-9a7d-4f3f2d8f6b10")
DEFAULT_HOME = "https://practitioner-trainer.invalid"
LANG = "en-GB"

VERBS = {
    "experienced": "http://adlnet.gov/expapi/verbs/experienced",
    "completed": "http://adlnet.gov/expapi/verbs/completed",
    "attempted": "http://adlnet.gov/expapi/verbs/attempted",
    "authored": "http://activitystrea.ms/schema/1.0/author",
    "scored": "http://adlnet.gov/expapi/verbs/scored",
}
ACTIVITY_TYPES = {
    "module": "http://adlnet.gov/expapi/activities/module",
    "simulation": "http://adlnet.gov/expapi/activities/simulation",
    "reflection": "http://activitystrea.ms/schema/1.0/article",
    "assessment": "http://adlnet.gov/expapi/activities/assessment",
}


def statement_id(kind: str, uid: str, verb: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{uid}:{verb}"))


class _Builder:
    def __init__(self, ctx: ExportContext, home: str, zone: tzinfo | None = None):
        self.ctx = ctx
        self.zone = zone or local_zone()
        self.now = str(ctx.store.now())
        self.home = home.rstrip("/")
        self.actor = {"objectType": "Agent", "account": {"homePage": self.home, "name": ctx.profile_id}}

    def iri(self, *parts: str) -> str:
        return "/".join([self.home, *(uuid_safe(p) for p in parts)])

    def activity(self, iri: str, kind: str, name: str, description: str = "") -> dict:
        definition = {"type": ACTIVITY_TYPES[kind], "name": {LANG: name or iri}}
        if description:
            definition["description"] = {LANG: description}
        return {"objectType": "Activity", "id": iri, "definition": definition}

    def statement(
        self,
        kind: str,
        rec: dict,
        verb: str,
        obj: dict,
        timestamp,
        result: dict | None = None,
        context: dict | None = None,
    ) -> dict:
        st = {
            "id": statement_id(kind, str(rec.get("uid")), verb),
            "actor": self.actor,
            "verb": {"id": VERBS[verb], "display": {LANG: verb}},
            "object": obj,
        }
        if result:
            st["result"] = result
        ctx = {"platform": "Practitioner Trainer", "language": LANG}
        if context:
            ctx.update(context)
        st["context"] = ctx
        stamp = full_time(timestamp, rec, self.now, self.zone)
        if stamp:
            st["timestamp"] = stamp
        return st

    def ext(self, name: str) -> str:
        return f"{self.home}/xapi/extensions/{name}"

    def module_object(self, module_id: str) -> dict:
        mod = self.ctx.module(module_id)
        return self.activity(
            self.iri("modules", module_id),
            "module",
            mod.title if mod is not None else module_id,
            mod.summary if mod is not None else "",
        )


def uuid_safe(part: str) -> str:
    """A path segment safe in an IRI (ids are already slug-like)."""
    return "".join(c if c.isalnum() or c in "-._~" else "-" for c in str(part)) or "-"


def xapi_statements(
    store,
    profile_id: str,
    content=None,
    period: Period | None = None,
    home: str = DEFAULT_HOME,
    zone: tzinfo | None = None,
) -> list[dict]:
    ctx = ExportContext(store, profile_id, content, period or Period())
    b = _Builder(ctx, home, zone)
    out: list[dict] = []
    for rec in ctx.records("progress"):
        module_id, uid = rec.get("module"), rec.get("uid")
        if not module_id or not uid:
            continue
        if ctx.period.contains(rec.get("created")):
            out.append(b.statement("progress", rec, "experienced", b.module_object(module_id), rec.get("created")))
        if rec.get("done") and ctx.period.contains(rec.get("done_at")):
            mod = ctx.module(module_id)
            result: dict[str, Any] = {"completion": True}
            if mod is not None and mod.duration_minutes:
                result["extensions"] = {b.ext("cpd-minutes"): int(mod.duration_minutes)}
            out.append(
                b.statement("progress", rec, "completed", b.module_object(module_id), rec.get("done_at"), result)
            )
    out += _scenario_statements(ctx, b)
    out += _reflection_statements(ctx, b)
    out += _rating_statements(ctx, b)
    out.sort(key=lambda s: (s.get("timestamp", ""), s["id"]))
    return out


def _scenario_statements(ctx: ExportContext, b: _Builder) -> list[dict]:
    """A written response to a moment, or a skill-spotting round (with its score)."""
    out = []
    for kind in ("scenario_attempt", "scenario_spot"):
        for rec in ctx.records(kind):
            uid, day = rec.get("uid"), first(rec, "finished_at", "completed_at", "date", "created")
            scenario = str(first(rec, "scenario", "scenario_id", default=""))
            if not uid or not scenario or not ctx.period.contains(day):
                continue
            result: dict[str, Any] = {}
            if kind == "scenario_spot":
                hits = [int(as_number(rec.get(k)) or 0) for k in ("hits", "misses", "extras")]
                total = sum(hits)
                if total:
                    result["score"] = {"raw": hits[0], "min": 0, "max": total, "scaled": round(hits[0] / total, 4)}
            else:
                score, top = as_number(first(rec, "score", "raw_score")), as_number(first(rec, "max_score"))
                if score is not None:
                    result["score"] = {"raw": score, "min": 0}
                    if top and 0 <= score <= top:
                        result["score"].update({"max": top, "scaled": round(score / top, 4)})
            moment = rec.get("moment")
            if moment not in (None, ""):
                result["extensions"] = {
                    b.ext("moment"): str(moment),
                    b.ext("practice"): "skill-spotting" if kind == "scenario_spot" else "written response",
                }
            obj = b.activity(b.iri("scenarios", scenario), "simulation", scenario_title(ctx, scenario))
            out.append(b.statement(kind, rec, "attempted", obj, day, result or None))
    return out


def _reflection_statements(ctx: ExportContext, b: _Builder) -> list[dict]:
    out = []
    for rec in ctx.records("reflection"):
        uid, day = rec.get("uid"), first(rec, "date", "created")
        if (
            not uid
            or str(rec.get("status", "finished")).lower() == "draft"
            or rec.get("binned_at")
            or not ctx.period.contains(day)
        ):
            continue
        template = str(rec.get("template") or "")
        obj = b.activity(
            b.iri("reflections", uid),
            "reflection",
            str(rec.get("title") or "Reflection"),
            f"Reflective account ({template})" if template else "",
        )
        link = rec.get("link")
        module_id = (
            link.split(":", 1)[-1]
            if isinstance(link, str)
            else (link.get("module") if isinstance(link, dict) else None)
        )
        context = None
        if module_id and ctx.module(module_id) is not None:
            context = {"contextActivities": {"parent": [b.module_object(module_id)]}}
        out.append(b.statement("reflection", rec, "authored", obj, day, context=context))
    return out


def _rating_statements(ctx: ExportContext, b: _Builder) -> list[dict]:
    out = []
    for kind in ("self_assessment", "observation"):
        for rec in ctx.records(kind):
            uid, day = rec.get("uid"), first(rec, "date", "created")
            if not uid or not ctx.period.contains(day):
                continue
            items = rated_items(ctx, rec)
            ratings = {i["id"]: ("na" if i["na"] else i["rating"]) for i in items}
            rated = [i["rating"] for i in items if i["rating"] is not None]
            glob = {g["id"]: g["value"] for g in global_values(ctx, rec)}
            if not rated and not glob:
                continue
            result: dict[str, Any] = {
                "extensions": {
                    b.ext("skill-ratings"): ratings,
                    b.ext("global-ratings"): glob,
                    b.ext("rated-by"): "self" if kind == "self_assessment" else "observer",
                }
            }
            if rated:
                top = 2 * len(rated)
                result["score"] = {"raw": sum(rated), "min": 0, "max": top, "scaled": round(sum(rated) / top, 4)}
            label = str(first(rec, "scenario", "context", "title", default="Skills practice"))
            name = ("Self-assessment: " if kind == "self_assessment" else "Observed practice: ") + label
            obj = b.activity(b.iri("assessments", uid), "assessment", name)
            context = None
            observer = first(rec, "observer", "observer_name", "rater")
            if kind == "observation" and isinstance(observer, str) and observer.strip():
                context = {
                    "instructor": {
                        "objectType": "Agent",
                        "name": observer.strip(),
                        "account": {"homePage": b.home, "name": f"observer:{observer.strip()}"},
                    }
                }
            out.append(b.statement(kind, rec, "scored", obj, day, result, context))
    return out
