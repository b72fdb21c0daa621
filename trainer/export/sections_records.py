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
    "rolfe": [("What?", ("now",)), ("So what?", ("so_", "so ", "so-", "sowhat")), ("What?", ("what", "descri"))],
    "gibbs": [
        ("Description", ("descri", "what")),
        ("Feelings", ("feel",)),
        ("Evaluation", ("evaluat",)),
        ("Analysis", ("analy",)),
        ("Conclusion", ("conclu",)),
        ("Action plan", ("action", "plan")),
    ],
}
ROLFE_ORDER = {"What?": 0, "So what?": 1, "Now what?": 2}
SCALE_LABELS = {0: "Not done", 1: "Partly", 2: "Done well", None: "Not applicable"}


def _dict(value: object) -> dict:
    """A field that should hold a mapping, or an empty one if it does not."""
    return value if isinstance(value, dict) else {}


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(_text(v) for v in value if _text(v))
    if isinstance(value, dict):
        return _text(first(value, "text", "answer", "value", default=""))
    return str(value).strip()


def _template(ctx: ExportContext, template_id: str):
    """The course's reflection template with that id, if the course has one."""
    templates = getattr(ctx.content, "templates", None) or []
    if isinstance(templates, dict):
        return templates.get(template_id)
    return next((t for t in templates if getattr(t, "id", None) == template_id), None)


def is_nmc(template_id: str) -> bool:
    return str(template_id).lower().startswith("nmc")


def _ticked(part, chosen) -> str:
    labels = {getattr(o, "id", None): getattr(o, "label", None) for o in getattr(part, "options", [])}
    if not isinstance(chosen, list):
        return ""
    return "; ".join(str(labels.get(c) or humanise(c)) for c in chosen)


def template_parts(ctx: ExportContext, rec: dict) -> list[tuple[str, str, str]]:
    """(key, heading, text) of a reflection: written sections and ticked options,
    in its template's order (the stored dict's key order is not kept by every store)."""
    template_id = str(rec.get("template") or "")
    sections = _dict(rec.get("sections"))
    ticks = _dict(rec.get("ticks"))
    tpl = _template(ctx, template_id)
    if tpl is None:
        if template_id.lower() in KNOWN_TEMPLATES:
            parts = known_order(template_id.lower(), sections)
        else:
            parts = [(k, humanise(k), _text(v)) for k, v in sections.items() if _text(v)]
        return parts + [
            (k, humanise(k), "; ".join(humanise(c) for c in v)) for k, v in ticks.items() if isinstance(v, list) and v
        ]
    parts, known = [], set()
    for part in getattr(tpl, "sections", []):
        known.add(part.id)
        if getattr(part, "kind", "text") == "ticks":
            text = _ticked(part, ticks.get(part.id))
        else:
            text = _text(sections.get(part.id))
        if text:
            parts.append((part.id, str(part.title), text))
    parts += [(k, humanise(k), _text(v)) for k, v in sections.items() if k not in known and _text(v)]
    parts += [
        (k, humanise(k), "; ".join(humanise(c) for c in v))
        for k, v in ticks.items()
        if k not in known and isinstance(v, list) and v
    ]
    return parts


def nmc_order(parts) -> list[tuple[str, str, str]]:
    """(key, heading, text) in the NMC form's order; other parts follow as written.
    ``parts`` is a list of (key, heading, text) or a dict key -> text."""
    if isinstance(parts, dict):
        parts = [(k, humanise(k), _text(v)) for k, v in parts.items()]
    parts = [p for p in parts if p[2]]
    keys = [p[0] for p in parts]
    placed: dict[str, str] = {}
    # "code" and "learn" are the most specific words: match them first.
    for part, words in sorted(NMC_PARTS, key=lambda p: len(p[1])):
        for key in keys:
            if key not in placed and part not in placed.values() and any(w in key.lower() for w in words):
                placed[key] = part
                break
    by_key = {p[0]: p for p in parts}
    ordered = []
    for part, _words in NMC_PARTS:
        key = next((k for k, p in placed.items() if p == part), None)
        if key is not None:
            ordered.append((key, NMC_HEADINGS[part], by_key[key][2]))
    ordered += [p for p in parts if p[0] not in placed]
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


def describe_link(ctx: ExportContext, link) -> str:
    """'Module: Goal setting', 'Skill: Asks before advising', 'Scenario: …'."""
    if isinstance(link, str) and link:
        kind, _, target = link.partition(":")
        link = {"kind": kind, kind: target} if target else {"kind": "module", "module": link}
    if not isinstance(link, dict):
        return ""
    kind = str(link.get("kind") or ("module" if "module" in link else ""))
    target = str(link.get(kind) or "")
    if not target:
        return ""
    if kind == "module":
        return f"Module: {ctx.module_title(target)}"
    if kind == "skill":
        return f"Skill: {ctx.skill_name(target)}"
    if kind == "scenario":
        return f"Scenario: {scenario_title(ctx, target)}"
    if kind == "consultation":
        found = next((c for c in getattr(ctx.content, "consultations", None) or [] if c.id == target), None)
        return f"Consultation held: {found.title if found is not None else target}"
    if kind == "session":
        return "Team session"
    return f"{humanise(kind)}: {target}"


def scenario_title(ctx: ExportContext, scenario_id: str) -> str:
    for sc in getattr(ctx.content, "scenarios", None) or []:
        if getattr(sc, "id", None) == scenario_id:
            return getattr(sc, "title", None) or scenario_id
    return scenario_id


TEMPLATE_NAMES = {"nmc": "NMC reflective account", "rolfe": "Rolfe", "gibbs": "Gibbs"}


@section("reflections", "Reflections", "Finished reflective accounts; NMC accounts follow the order of the NMC form.")
def reflections(ctx: ExportContext) -> dict | None:
    items, drafts = [], 0
    for rec in ctx.records("reflection"):
        day = when(rec)
        if rec.get("binned_at") or not ctx.period.contains(day):
            continue
        if str(rec.get("status", "finished")).lower() == "draft":
            drafts += 1
            continue
        template = str(rec.get("template") or "")
        parts = template_parts(ctx, rec)
        if is_nmc(template):
            parts = nmc_order(parts)
        if not parts and not rec.get("title"):
            continue
        tpl = _template(ctx, template)
        raw_tags = rec.get("tags")
        tags = raw_tags if isinstance(raw_tags, list) else []
        items.append(
            {
                "uid": rec.get("uid", ""),
                "title": str(rec.get("title") or "Untitled reflection"),
                "template": template,
                "template_name": (getattr(tpl, "title", None) if tpl is not None else None)
                or TEMPLATE_NAMES.get("nmc" if is_nmc(template) else template.lower(), humanise(template)),
                "is_nmc": is_nmc(template),
                "date": iso_day(day),
                "date_text": long_date(day),
                "tags": [str(t) for t in tags],
                "link": describe_link(ctx, rec.get("link")),
                "parts": [{"key": k, "heading": h, "text": t} for k, h, t in parts],
            }
        )
    items.sort(key=lambda i: (i["date"], i["title"]))
    return {"items": items, "drafts_left_out": drafts}


def _ratings(rec: dict) -> dict:
    """{skill id: item} where an item is a rating or a dict with ``rating`` and notes."""
    raw = first(rec, "items", "ratings", "skills", default={})
    if isinstance(raw, list):  # [{"skill": id, "rating": 2}, ...]
        out = {}
        for row in raw:
            if isinstance(row, dict) and first(row, "skill", "id", "item"):
                out[str(first(row, "skill", "id", "item"))] = row
        return out
    return raw if isinstance(raw, dict) else {}


NA = "na"
ITEM_NOTES = {
    "note": "Note",
    "said": "What was said",
    "response": "How the person responded",
    "alternative": "An alternative to try",
}


def item_state(item) -> tuple[int | None, bool]:
    """(0/1/2 or None, not applicable?) for a stored item; (None, False) = not rated."""
    value = first(item, "rating", "value", "score") if isinstance(item, dict) else item
    if isinstance(value, str) and value.strip().lower() in (NA, "n/a", "not applicable"):
        return None, True
    number = as_number(value)
    if number is not None and number in (0, 1, 2):
        return int(number), False
    return None, False


def item_notes(item) -> list[dict]:
    if not isinstance(item, dict):
        return []
    return [
        {"label": label, "text": str(item[key]).strip()}
        for key, label in ITEM_NOTES.items()
        if str(item.get(key) or "").strip()
    ]


def rated_items(ctx: ExportContext, rec: dict) -> list[dict]:
    """The rated skills of one record in framework order (not-yet-rated ones left out)."""
    order = {sid: i for i, sid in enumerate(ctx.skill_order())}
    raw = _ratings(rec)
    out = []
    for sid in sorted(raw, key=lambda s: (order.get(s, 1_000), s)):
        value, na = item_state(raw[sid])
        if value is None and not na:
            continue
        out.append(
            {
                "id": sid,
                "name": ctx.skill_name(sid),
                "rating": value,
                "na": na,
                "label": SCALE_LABELS[value],
                "notes": item_notes(raw[sid]),
            }
        )
    return out


def global_values(ctx: ExportContext, rec: dict) -> list[dict]:
    glob = first(rec, "globals", "global_ratings", default={})
    if not isinstance(glob, dict):
        return []
    g_order = {gid: i for i, gid in enumerate(ctx.global_order())}
    out = []
    for gid in sorted(glob, key=lambda g: (g_order.get(g, 99), g)):
        number = as_number(glob[gid])
        if number is not None and number > 0:
            name, top = ctx.global_info(gid)
            out.append({"id": gid, "name": name, "value": int(number), "max": top})
    return out


@section(
    "ratings", "Skill ratings", "Self-assessments and observers' ratings of the 15 skills and the two global scores."
)
def ratings(ctx: ExportContext) -> dict | None:
    items = []
    for kind in ("self_assessment", "observation"):
        for rec in ctx.records(kind):
            day = when(rec)
            if not ctx.period.contains(day):
                continue
            skills, globals_ = rated_items(ctx, rec), global_values(ctx, rec)
            if not skills and not globals_:
                continue
            rated = [s["rating"] for s in skills if s["rating"] is not None]
            observer = str(first(rec, "observer", "observer_name", "rater", default="")).strip()
            items.append(
                {
                    "uid": rec.get("uid", ""),
                    "kind": kind,
                    "rater": "Self-assessment"
                    if kind == "self_assessment"
                    else (f"Observed by {observer}" if observer else "Observation"),
                    "observer": observer if kind == "observation" else "",
                    "context": str(first(rec, "scenario", "context", "title", "module", default="")),
                    "date": iso_day(day),
                    "date_text": long_date(day),
                    "skills": skills,
                    "globals": globals_,
                    "score": sum(rated),
                    "score_max": 2 * len(rated),
                    "rated": len(rated),
                    "done_well": sum(1 for r in rated if r == 2),
                    "notes": _text(first(rec, "note", "comment", "notes", "comments", "feedback", default="")),
                }
            )
    items.sort(key=lambda i: (i["date"], i["kind"] != "self_assessment", i["uid"]))
    return {"items": items, "comparisons": compare_same_day(items)}


def compare_same_day(items: list[dict]) -> list[dict]:
    """Each observation next to the self-assessment of the same day, skill by skill."""
    out = []
    selves = {i["date"]: i for i in items if i["kind"] == "self_assessment" and i["date"]}
    for obs in (i for i in items if i["kind"] == "observation"):
        mine = selves.get(obs["date"])
        if mine is None:
            continue
        by_id_self = {k["id"]: k for k in mine["skills"]}
        by_id_obs = {k["id"]: k for k in obs["skills"]}
        ids = [k["id"] for k in mine["skills"]] + [k["id"] for k in obs["skills"] if k["id"] not in by_id_self]
        rows = []
        for sid in ids:
            a, b = by_id_self.get(sid), by_id_obs.get(sid)
            cell = [("n/a" if k["na"] else str(k["rating"])) if k else "\u2014" for k in (a, b)]
            differ = (
                a is not None
                and b is not None
                and a["rating"] is not None
                and b["rating"] is not None
                and abs(a["rating"] - b["rating"]) >= 1
            )
            either = a if a is not None else b
            assert either is not None  # sid came from one of the two
            rows.append({"name": either["name"], "self": cell[0], "observer": cell[1], "differ": differ})
        out.append(
            {
                "date_text": obs["date_text"],
                "observer": obs["observer"] or "Observer",
                "rows": rows,
                "differences": sum(r["differ"] for r in rows),
            }
        )
    return out


def _checkins_by_goal(ctx: ExportContext) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for rec in ctx.records("goal_checkin"):
        goal = first(rec, "goal", "goal_uid", "goal_id")
        if isinstance(goal, str):
            found.setdefault(goal, []).append(rec)
    return found


CHECKIN_PROGRESS = {"done": "Did it", "partly": "Partly", "not-yet": "Not yet"}
PLAN_LABELS = {"what": "What", "when": "When", "where": "Where", "how_often": "How often"}


def plan_text(plan) -> str:
    """A goal's action plan as lines: 'What: walk to work' (a text plan as it is)."""
    if isinstance(plan, dict):
        lines = [f"{PLAN_LABELS.get(k, humanise(k))}: {_text(v)}" for k, v in plan.items() if _text(v)]
        order = list(PLAN_LABELS.values())
        lines.sort(key=lambda line: order.index(line.split(":")[0]) if line.split(":")[0] in order else 99)
        return "\n".join(lines)
    return _text(plan)


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
            rows.append(
                {
                    "uid": c.get("uid", ""),
                    "date": iso_day(day),
                    "date_text": long_date(day),
                    "progress": CHECKIN_PROGRESS.get(str(c.get("progress")), None)
                    or humanise(_text(first(c, "progress", "status", "outcome", default=""))),
                    "confidence": as_number(first(c, "confidence", "rating")),
                    "note": "\n".join(
                        x
                        for x in (
                            _text(first(c, "note", "notes", "text", "reflection", default="")),
                            f"Barriers: {_text(c.get('barriers'))}" if _text(c.get("barriers")) else "",
                        )
                        if x
                    ),
                }
            )
        day = when(rec)
        if not rows and not ctx.period.contains(day):
            continue
        rows.sort(key=lambda r: r["date"])
        items.append(
            {
                "uid": rec.get("uid", ""),
                "title": _text(first(rec, "title", "text", "goal", "what", default="Goal")),
                "plan": plan_text(first(rec, "plan", "steps", "action_plan", "how", default="")),
                "importance": as_number(rec.get("importance")),
                "status": humanise(str(first(rec, "status", default="")))
                if not isinstance(rec.get("status"), (dict, list))
                else "",
                "confidence": as_number(first(rec, "confidence", "plan_confidence")),
                "date": iso_day(day),
                "date_text": long_date(day),
                "checkins": rows,
            }
        )
    items.sort(key=lambda i: (i["date"], i["title"]))
    return {"items": items}
