"""Learning records as xAPI 1.0.3 statements, for an organisation's LRS.

Each statement id is a uuid5 of the record (kind, uid, verb) and of the
statement's content, so the same record always gives the same statement (an
LRS refuses duplicates) and a changed record gives a new one; the record's
key travels in the context extension ``.../extensions/record`` so that the
outbox can void the statement a changed or deleted record was sent as
(``voiding_statement``).
Reflections are sent as "authored" with their title and template only: the
text of a reflection stays with the person.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import tzinfo
from typing import Any

from trainer.export.period import Period
from trainer.export.registry import ExportContext, as_number, first
from trainer.export.sections_consultations import consultation_statements
from trainer.export.sections_records import global_values, rated_items, scenario_title
from trainer.export.sections_review import review_statements
from trainer.export.xapi_checks import check_statements
from trainer.export.xapi_more import attendance_statements, goal_statements, session_statements
from trainer.export.xapi_time import full_time, local_zone

NAMESPACE = uuid.UUID("0c6f3e8e-8a57-4b61-9a7d-4f3f2d8f6b10")
DEFAULT_HOME = "https://practitioner-trainer.invalid"
# Activity ids and extension IRIs: one stable base for every organisation
# (docs/EXPORT_FORMAT.md); ``home`` only names whose accounts the learner's is.
IRI_BASE = DEFAULT_HOME + "/xapi"
LANG = "en-GB"

VERBS = {
    "experienced": "http://adlnet.gov/expapi/verbs/experienced",
    "completed": "http://adlnet.gov/expapi/verbs/completed",
    "attempted": "http://adlnet.gov/expapi/verbs/attempted",
    "authored": "http://activitystrea.ms/schema/1.0/author",
    "scored": "http://adlnet.gov/expapi/verbs/scored",
    "voided": "http://adlnet.gov/expapi/verbs/voided",
    "progressed": "http://adlnet.gov/expapi/verbs/progressed",
    "attended": "http://adlnet.gov/expapi/verbs/attended",
    "answered": "http://adlnet.gov/expapi/verbs/answered",
    # The app's own (no published verb fits): documented in docs/EXPORT_FORMAT.md
    "set": IRI_BASE + "/verbs/set",
    "facilitated": IRI_BASE + "/verbs/facilitated",
}
ACTIVITY_TYPES = {
    "module": "http://adlnet.gov/expapi/activities/module",
    "simulation": "http://adlnet.gov/expapi/activities/simulation",
    "reflection": "http://activitystrea.ms/schema/1.0/article",
    "assessment": "http://adlnet.gov/expapi/activities/assessment",
    "goal": "http://adlnet.gov/expapi/activities/objective",
    "session": "http://adlnet.gov/expapi/activities/meeting",
    "question": "http://adlnet.gov/expapi/activities/cmi.interaction",
}


def record_key(kind: str, uid: str, verb: str) -> str:
    """Which record (and which of its statements) a statement stands for."""
    return f"{kind}:{uid}:{verb}"


def statement_id(kind: str, uid: str, verb: str, body: dict | None = None) -> str:
    """uuid5 of the record key and, when given, of the statement's content (less its id)."""
    key = record_key(kind, uid, verb)
    if body is not None:
        canonical = json.dumps({k: v for k, v in body.items() if k != "id"}, sort_keys=True, ensure_ascii=False)
        key += ":" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    return str(uuid.uuid5(NAMESPACE, key))


def legacy_id(key: str) -> str:
    """The id versions before issue 23 gave a record's statement (the key alone)."""
    return str(uuid.uuid5(NAMESPACE, key))


def record_of(statement: dict) -> str | None:
    """The record key a statement carries (None for a voiding statement or an old one)."""
    for name, value in ((statement.get("context") or {}).get("extensions") or {}).items():
        if name.endswith("/extensions/record") and isinstance(value, str):
            return value
    return None


def voiding_statement(old: dict, timestamp: str) -> dict:
    """The statement that voids ``old`` (same actor; object a StatementRef to it)."""
    return {
        "id": str(uuid.uuid5(NAMESPACE, "voided:" + str(old["id"]))),
        "actor": old["actor"],
        "verb": {"id": VERBS["voided"], "display": {LANG: "voided"}},
        "object": {"objectType": "StatementRef", "id": old["id"]},
        "timestamp": timestamp,
    }


class _Builder:
    def __init__(self, ctx: ExportContext, home: str, zone: tzinfo | None = None, identity: dict | None = None):
        self.ctx = ctx
        self.zone = zone or local_zone()
        self.now = str(ctx.store.now())
        self.home = home.rstrip("/")
        self.actor = learner_actor(ctx.profile_id, self.home, identity or {})
        self.participants_home = IRI_BASE + "/participants"  # accounts of people with no profile here

    def iri(self, *parts: str) -> str:
        return "/".join([IRI_BASE, *(uuid_safe(p) for p in parts)])

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
        actor: dict | None = None,
    ) -> dict:
        uid = str(rec.get("uid"))
        st: dict[str, Any] = {
            "actor": actor or self.actor,
            "verb": {"id": VERBS[verb], "display": {LANG: verb}},
            "object": obj,
        }
        if result:
            st["result"] = result
        ctx: dict[str, Any] = {"platform": "Practitioner Trainer", "language": LANG}
        if context:
            ctx.update(context)
        ctx["extensions"] = {**ctx.get("extensions", {}), self.ext("record"): record_key(kind, uid, verb)}
        st["context"] = ctx
        stamp = full_time(timestamp, rec, self.now, self.zone)
        if stamp:
            st["timestamp"] = stamp
        return {"id": statement_id(kind, uid, verb, st), **st}

    def ext(self, name: str) -> str:
        return f"{IRI_BASE}/extensions/{name}"

    def module_object(self, module_id: str) -> dict:
        mod = self.ctx.module(module_id)
        return self.activity(
            self.iri("modules", module_id),
            "module",
            mod.title if mod is not None else module_id,
            mod.summary if mod is not None else "",
        )


def learner_actor(profile_id: str, home: str, identity: dict) -> dict:
    """The organisation's identity for the learner (an e-mail, or an account at
    ``home``) when the profile has one; else the profile's own random id."""
    if identity.get("mbox"):
        return {"objectType": "Agent", "mbox": "mailto:" + str(identity["mbox"])}
    name = str(identity.get("account") or profile_id)
    return {"objectType": "Agent", "account": {"homePage": home, "name": name}}


def observer_agent(rec: dict, name: str) -> dict:
    """The observer as an account that cannot merge with another of the same name:
    one per observer (their roster id) in a team session, else one per record."""
    session = first(rec, "session_id", "session_uid", "session")
    observer_id = first(rec, "observer_id")
    if session and observer_id:
        account = f"session/{session}/observer/{observer_id}"
    else:
        account = f"observation/{rec.get('uid')}/observer"
    return {"objectType": "Agent", "name": name, "account": {"homePage": IRI_BASE + "/observers", "name": account}}


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
    identity: dict | None = None,
) -> list[dict]:
    """``identity``: the profile's organisation identity ({"mbox": ...} or
    {"account": ...}, see trainer.services.lrs_identity); {} or None for none."""
    ctx = ExportContext(store, profile_id, content, period or Period())
    b = _Builder(ctx, home, zone, identity)
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
    out += goal_statements(ctx, b) + session_statements(ctx, b) + attendance_statements(ctx, b)
    out += check_statements(ctx, b)
    out += review_statements(ctx, b)
    out += consultation_statements(ctx, b)
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
                context = {"instructor": observer_agent(rec, observer.strip())}
            out.append(b.statement(kind, rec, "scored", obj, day, result, context))
    return out
