"""Screens of the Skills section for ``trainer screenshots``."""

from __future__ import annotations

from collections.abc import Callable

from trainer.tools.demo_ratings import add_demo_ratings


def grab_skills(parts, grab: Callable[[str], None], demo: bool) -> None:
    """Save the Skills screens; with ``demo``, first add two self-assessments and an observation."""
    window = parts.window
    view = window.section("skills") if "skills" in window.sections else None
    if view is None:
        return
    if demo:
        add_demo_ratings(parts.store, parts.profile_id, view.controller.framework, parts.store.now)
        view.reload_all()
    window.show_section("skills")
    view.show_page("dashboard")
    grab("skills-dashboard")
    view.show_page("self")
    latest = view.controller.self_assessments()[-1:]
    view.self_view.open(latest[0]["uid"] if latest else None)
    grab("skills-self-assessment")
    view.show_page("observer")
    observations = view.controller.observations()
    view.observer_view.open(observations[-1]["uid"] if observations else None)
    view.observer_view.steps.setCurrentIndex(0)
    grab("skills-counter")
    view.observer_view.steps.setCurrentIndex(1)
    grab("skills-observer-checklist")
    view.show_page("compare")
    grab("skills-compare")
    view.show_page("side_by_side")
    view.side_view.table.selectRow(0)
    grab("skills-side-by-side")
    window.set_theme("dark")
    view.show_page("dashboard")
    grab("skills-dashboard-dark")
    window.set_theme("light")
