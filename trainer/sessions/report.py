"""The session report as HTML (jinja2, autoescaped; Qt-free).

Anonymised by default: the room's skill summary is counts and ratios only,
attendance is a number and groups are sizes. Names appear only when the
trainer asks for them (``include_names=True``). Observers' free-text notes
are about individuals and never appear in the room report.
"""

from __future__ import annotations

import jinja2

from trainer.sessions.counts import BEHAVIOURS, ratios, total_counts
from trainer.sessions.grouping import ROLES, group_shape, roles_for
from trainer.sessions.plan_model import SessionPlan


def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("trainer.sessions", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def report_context(
    session: dict,
    plan: SessionPlan | None,
    observations: list[dict],
    include_names: bool = False,
    thresholds: dict | None = None,
    skill_names: dict[str, str] | None = None,
) -> dict:
    skill_names = skill_names or {}
    names = {p["id"]: p["name"] for p in session["participants"]}
    present = [p for p in session["participants"] if p.get("present")]
    rounds = []
    for index, rnd in enumerate(session.get("rounds", [])):
        phase = plan.phases[rnd["phase"]] if plan and rnd["phase"] < len(plan.phases) else None
        groups = []
        if include_names:
            for group in rnd["groups"]:
                roles = roles_for(group, rnd["turn"])
                groups.append(
                    [
                        (names.get(pid, "?"), roles.get(pid, ""))
                        for pid in sorted(group, key=lambda pid: ROLES.index(roles[pid]))
                    ]
                )
        rounds.append(
            {
                "number": index + 1,
                "title": phase.title if phase else f"Round {index + 1}",
                "format": rnd["format"],
                "skill": skill_names.get(rnd["skill"], rnd["skill"]),
                "shape": group_shape(rnd["groups"]),
                "groups": groups,
                "observed": len(rnd.get("observations", [])),
            }
        )
    totals = total_counts(o.get("counts") for o in observations)
    return {
        "title": session.get("title", "Team session"),
        "date": session.get("date", ""),
        "team": session.get("team", ""),
        "plan_title": plan.title if plan else session.get("plan_title", ""),
        "phases": [{"kind": p.kind_label, "title": p.title, "minutes": p.minutes} for p in plan.phases] if plan else [],
        "total_minutes": plan.total_minutes if plan else 0,
        "include_names": include_names,
        "attended": len(present),
        "on_roster": len(session["participants"]),
        "people": [
            {"name": p["name"], "role": p.get("role", ""), "team": p.get("team", ""), "present": bool(p.get("present"))}
            for p in session["participants"]
        ],
        "rounds": rounds,
        "seed": session.get("seed"),
        "observation_count": len(observations),
        "totals": [(label, totals[key]) for key, label in BEHAVIOURS],
        "ratios": ratios(totals, thresholds),
        "debrief": [para.strip() for para in session.get("debrief", "").split("\n\n") if para.strip()],
    }


def render_report_html(
    session: dict,
    plan: SessionPlan | None,
    observations: list[dict],
    include_names: bool = False,
    thresholds: dict | None = None,
    skill_names: dict[str, str] | None = None,
) -> str:
    context = report_context(session, plan, observations, include_names, thresholds, skill_names)
    return _env().get_template("report.html.j2").render(**context)
