"""Sections about a person's own records: reflections, ratings and goals.

These kinds are written by other parts of the app; every field is read
defensively, so a record with fields missing still exports what it has.
"""

from __future__ import annotations

from trainer.export.period import iso_day, long_date
from trainer.export.registry import ExportContext, as_number, first, humanise, section, when

# The NMC reflective account, in the order of the form. Each part is found
# among a reflection's section keys by the words its key contains.
NMC_PARTS = [
    ("what happened", ("happen", "event", "activity", "descri", "what")),
    ("what you learned", ("learn",)),
    ("how you changed or will change your practice", ("change", "practice", "action", "improve")),
    ("how this relates to the Code", ("code",)),
]
NMC_HEADINGS = {
    "what happened": "What happened",
    "what you learned": "What you learned",
    "how you changed or will change your practice": "How you changed or will change your practice",
    "how this relates to the Code": "How this relates to the Code",
}
# Where the course gives no template, the parts of the other two templates in
# their usual order: (heading, words a key may contain). Stored records may
# not keep their keys in order (the file store sorts them), so order comes
# from here, not from the record.
KNOWN_TEMPLATES = {
    "rolfe": [("What?", ("now",)), ("So what?", ("so_", "so ", "so-", "sowhat")),
              ("What?", ("what", "descri"))],
    "gibbs": [("Description", ("descri", "what")), ("Feelings", ("feel",)),
              ("Evaluation", ("evaluat",)), ("Analysis", ("analy",)),
              ("Conclusion", ("conclu",)), ("Action plan", ("action", "plan"))],
}
ROLFE_ORDER = {"What?": 0, "So what?": 1, "Now what?": 2}
SCALE_LABELS = {0: "Not done", 1: "Partly", 2: "Done well", None: "Not applicable"}


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(_text(v) for v in value if _text(v))
    if isinstance(value, dict):
        return _text(first(value, "text", "answer", "value", default=""))
    return str(value).strip()


def _template_titles(ctx: ExportContext, template_id: str) -> dict[str, str]:
    """Section titles from the course's reflection templates, where it has them."""
    templates = getattr(ctx.content, "templates", None) or {}
    tpl = templates.get(template_id) if isinstance(templates, dict) else next(
        (t for t in templates if getattr(t, "id", None) == template_id), None)
    titles = {}
    for part in getattr(tpl, "sections", None) or []:
        pid = getattr(part, "id", None) or (part.get("id") if isinstance(part, dict) else None)
        title = (getattr(part, "title", None) or getattr(part, "heading", None)
                 or (part.get("title") if isinstance(part, dict) else None))
        if pid and title:
            titles[pid] = str(title)
    return titles


def nmc_order(sections: dict) -> list[tuple[str, str, str]]:
    """(key, heading, text) in the NMC form's order; other parts follow as written."""
    keys = [k for k in sections if _text(sections[k])]
    placed: dict[str, str] = {}
    # "code" and "learn" are the most specific words: match them first.
    for part, words in sorted(NMC_PARTS, key=lambda p: len(p[1])):
        for key in keys:
            if key not in placed and any(w in key.lower() for w in words):
                placed[key] = part
                break
    ordered = []
    for part, _words in NMC_PARTS:
        key = next((k for k, p in placed.items() if p == part), None)
        if key is not None:
            ordered.append((key, NMC_HEADINGS[part], _text(sections[key])))
    ordered += [(k, humanise(k), _text(sections[k])) for k in keys if k not in placed]
    return ordered


def known_order(template: str, sections: dict) -> list[tuple[str, str, str]]:
    """(key, heading, text) for a Rolfe or Gibbs reflection in the template's order."""
    parts = KNOWN_TEMPLATES[template]
    keys = [k for k in sections if _text(sections[k])]
    ranked = []
    for key in keys:
        low = key.lower()
        for rank, (heading, words) in enumerate(parts):
            if any(w in low for w in words):
                if template == "rolfe":  # now what / so what / what, checked in that order
                    heading = {0: "Now what?", 1: "So what?", 2: "What?"}[rank]
                    rank = ROLFE_ORDER[heading]
                ranked.append((rank, key, heading))
                break
        else:
            ranked.append((len(parts), key, humanise(key)))
    ranked.sort(key=lambda r: (r[0], keys.index(r[1])))
    return [(key, heading, _text(sections[key])) for _rank, key, heading in ranked]


@section("reflections", "Reflections",
         "Finished reflective accounts; NMC accounts follow the order of the NMC form.")
def reflections(ctx: ExportContext) -> dict | None:
    items, drafts = [], 0
    for rec in ctx.records("reflection"):
        day = when(rec)
        if not ctx.period.contains(day):
            continue
        if str(rec.get("status", "finished")).lower() == "draft":
            drafts += 1
            continue
        template = str(rec.get("template") or "")
        sections = rec.get("sections") if isinstance(rec.get("sections"), dict) else {}
        if template.lower() == "nmc":
            parts = nmc_order(sections)
        elif _template_titles(ctx, template):
            titles = _template_titles(ctx, template)  # the course's own order and headings
            order = {k: i for i, k in enumerate(titles)}
            keys = sorted((k for k in sections if _text(sections[k])),
                          key=lambda k: (order.get(k, len(order)), list(sections).index(k)))
            parts = [(k, titles.get(k, humanise(k)), _text(sections[k])) for k in keys]
        elif template.lower() in KNOWN_TEMPLATES:
            parts = known_order(template.lower(), sections)
        else:
            parts = [(k, humanise(k), _text(v)) for k, v in sections.items() if _text(v)]
        if not parts and not rec.get("title"):
            continue
        tags = rec.get("tags") if isinstance(rec.get("tags"), list) else []
        link = rec.get("link")
        link_title = ""
        if isinstance(link, str) and link:
            link_title = ctx.module_title(link.split(":", 1)[-1]) if ctx.module(link.split(":", 1)[-1]) else link
        elif isinstance(link, dict):
            target = str(first(link, "module", "id", "scenario", default=""))
            link_title = ctx.module_title(target)
        items.append({
            "uid": rec.get("uid", ""),
            "title": str(rec.get("title") or "Untitled reflection"),
            "template": template,
            "template_name": {"nmc": "NMC reflective account", "rolfe": "Rolfe", "gibbs": "Gibbs"}.get(
                template.lower(), humanise(template)),
            "is_nmc": template.lower() == "nmc",
            "date": iso_day(day),
            "date_text": long_date(day),
            "tags": [str(t) for t in tags],
            "link": link_title,
            "parts": [{"key": k, "heading": h, "text": t} for k, h, t in parts],
        })
    items.sort(key=lambda i: (i["date"], i["title"]))
    return {"items": items, "drafts_left_out": drafts}


def _ratings(rec: dict) -> dict:
    raw = first(rec, "ratings", "skills", "items", default={})
    if isinstance(raw, list):  # [{"skill": id, "rating": 2}, ...]
        out = {}
        for row in raw:
            if isinstance(row, dict) and first(row, "skill", "id", "item"):
                out[str(first(row, "skill", "id", "item"))] = first(row, "rating", "value", "score")
        return out
    return raw if isinstance(raw, dict) else {}


def rating_value(value) -> int | None:
    number = as_number(value)
    return int(number) if number is not None and number in (0, 1, 2) else None


@section("ratings", "Skill ratings",
         "Self-assessments and observers' ratings of the 15 skills and the two global scores.")
def ratings(ctx: ExportContext) -> dict | None:
    order = {sid: i for i, sid in enumerate(ctx.skill_order())}
    items = []
    for kind in ("self_assessment", "observation"):
        for rec in ctx.records(kind):
            day = when(rec)
            if not ctx.period.contains(day):
                continue
            raw = _ratings(rec)
            skills = []
            for sid in sorted(raw, key=lambda s: (order.get(s, 1_000), s)):
                value = rating_value(raw[sid])
                skills.append({"id": sid, "name": ctx.skill_name(sid), "rating": value,
                               "label": SCALE_LABELS[value]})
            glob = first(rec, "globals", "global_ratings", default={})
            globals_ = []
            g_order = {gid: i for i, gid in enumerate(ctx.global_order())}
            glob = dict(sorted(glob.items(), key=lambda kv: (g_order.get(kv[0], 99), kv[0]))) \
                if isinstance(glob, dict) else {}
            for gid, value in glob.items():
                name, top = ctx.global_info(gid)
                number = as_number(value)
                if number is not None:
                    globals_.append({"id": gid, "name": name, "value": int(number), "max": top})
            if not skills and not globals_:
                continue
            rated = [s["rating"] for s in skills if s["rating"] is not None]
            observer = str(first(rec, "observer", "observer_name", "rater", default=""))
            items.append({
                "uid": rec.get("uid", ""),
                "kind": kind,
                "rater": "Self-assessment" if kind == "self_assessment" else (observer or "Observer"),
                "observer": observer if kind == "observation" else "",
                "context": str(first(rec, "scenario", "context", "title", "module", default="")),
                "date": iso_day(day),
                "date_text": long_date(day),
                "skills": skills,
                "globals": globals_,
                "score": sum(rated),
                "score_max": 2 * len(rated),
                "done_well": sum(1 for r in rated if r == 2),
                "notes": str(first(rec, "notes", "comments", "feedback", default="")),
            })
    items.sort(key=lambda i: (i["date"], i["kind"] != "self_assessment", i["uid"]))
    return {"items": items}


def _checkins_by_goal(ctx: ExportContext) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for rec in ctx.records("goal_checkin"):
        goal = first(rec, "goal", "goal_uid", "goal_id")
        if isinstance(goal, str):
            found.setdefault(goal, []).append(rec)
    return found


@section("goals", "Personal goals", "Your own goals and the check-ins on each.")
def goals(ctx: ExportContext) -> dict | None:
    checkins = _checkins_by_goal(ctx)
    items = []
    for rec in ctx.records("goal"):
        rows = []
        for c in checkins.get(rec.get("uid", ""), []):
            day = when(c)
            if not ctx.period.contains(day):
                continue
            rows.append({
                "uid": c.get("uid", ""),
                "date": iso_day(day),
                "date_text": long_date(day),
                "progress": _text(first(c, "progress", "status", "outcome", default="")),
                "confidence": as_number(first(c, "confidence", "rating")),
                "note": _text(first(c, "note", "notes", "text", "reflection", default="")),
            })
        day = when(rec)
        if not rows and not ctx.period.contains(day):
            continue
        rows.sort(key=lambda r: r["date"])
        items.append({
            "uid": rec.get("uid", ""),
            "title": _text(first(rec, "title", "text", "goal", "what", default="Goal")),
            "plan": _text(first(rec, "plan", "steps", "action_plan", "how", default="")),
            "status": humanise(str(first(rec, "status", default="")))
            if not isinstance(rec.get("status"), (dict, list)) else "",
            "confidence": as_number(first(rec, "confidence", "plan_confidence")),
            "date": iso_day(day),
            "date_text": long_date(day),
            "checkins": rows,
        })
    items.sort(key=lambda i: (i["date"], i["title"]))
    return {"items": items}
