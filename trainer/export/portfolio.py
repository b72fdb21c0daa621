"""The CPD portfolio as plain data, ready for any renderer.

``build_portfolio`` runs the chosen sections for one profile and period and
adds what a reader needs first: who, when, which sections, and the CPD
hours (module durations, team session lengths and the time of consultations held in Your turn).
"""

from __future__ import annotations

from datetime import UTC, datetime

from trainer import __version__
from trainer.domain.durations import hours_text
from trainer.export.period import Period, long_date
from trainer.export.registry import ExportContext, collect_section, portfolio_sections

# The order sections appear in a portfolio; a section registered later
# (a new record kind) follows these.
PORTFOLIO_ORDER = ["modules", "sessions", "reflections", "ratings", "goals", "scenarios", "consultations"]
CPD_SECTIONS = ("modules", "sessions", "consultations")


def section_choices() -> list[tuple[str, str, str]]:
    """(key, title, description) of every portfolio section, in document order."""
    secs = sorted(portfolio_sections(), key=lambda s: PORTFOLIO_ORDER.index(s.key) if s.key in PORTFOLIO_ORDER else 99)
    return [(s.key, s.title, s.description) for s in secs]


def profile_name(store, profile_id: str) -> str:
    """A display name for the profile when the app stores one, else its id."""
    for kind in ("profiles", "profile", "profile_state"):
        try:
            found = store.all(kind)
        except Exception:
            continue
        for rec in found:
            if profile_id in (rec.get("uid"), rec.get("id"), rec.get("profile")):
                name = rec.get("display_name") or rec.get("name")
                if isinstance(name, str) and name.strip() and name.strip() != "My profile":
                    return name.strip()
    return "" if profile_id == "default" else profile_id


def build_portfolio(
    store,
    profile_id: str,
    content=None,
    period: Period | None = None,
    include: list[str] | None = None,
    now: str | None = None,
) -> dict:
    period = period or Period()
    ctx = ExportContext(store, profile_id, content, period)
    keys = [k for k, _t, _d in section_choices()]
    chosen = keys if include is None else [k for k in keys if k in include]
    sections = [data for key in chosen if (data := collect_section(key, ctx))]
    minutes = {s["key"]: int(s.get("minutes", 0)) for s in sections if s["key"] in CPD_SECTIONS}
    total = sum(minutes.values())
    now = now or datetime.now(UTC).isoformat(timespec="seconds")
    course = getattr(content, "course", None)
    return {
        "title": "Continuing professional development portfolio",
        "course": course.title if course is not None else "Practitioner Trainer",
        "profile": profile_id,
        "name": profile_name(store, profile_id),
        "period": {
            "from": period.start.isoformat() if period.start else None,
            "to": period.end.isoformat() if period.end else None,
            "text": period.describe(),
        },
        "generated": now,
        "generated_text": long_date(now),
        "app_version": __version__,
        "chosen": chosen,
        "sections": sections,
        "cpd_minutes": total,
        "cpd_hours_text": hours_text(total),
        "cpd_parts": [
            {"title": s["title"], "minutes": minutes[s["key"]], "text": hours_text(minutes[s["key"]])}
            for s in sections
            if minutes.get(s["key"])
        ],
    }
