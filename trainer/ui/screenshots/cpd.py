"""Screens of the CPD section for ``trainer screenshots``: the log, revalidation and evidence,
light and dark."""

from __future__ import annotations

from collections.abc import Callable

from trainer.tools.demo_cpd import add_demo_cpd


def grab_cpd(parts, grab: Callable[[str], None], demo: bool) -> None:
    """Save the CPD screens; with ``demo``, first add a made-up year of CPD records."""
    window = parts.window
    if "cpd" not in window.sections:
        return
    if demo:
        add_demo_cpd(parts.store, parts.profile_id)
    view = window.section("cpd")
    view.controller.choose("nmc", "2026-12-01")
    view.on_records_changed()
    window.show_section("cpd")
    for theme in ("light", "dark"):
        window.set_theme(theme)
        suffix = "" if theme == "light" else "-dark"
        view.pages.setCurrentWidget(view.log_page)
        grab(f"cpd-log{suffix}")
        view.pages.setCurrentWidget(view.revalidation_page)
        grab(f"cpd-revalidation{suffix}")
        view.pages.setCurrentWidget(view.evidence_page)
        grab(f"cpd-evidence{suffix}")
    window.set_theme("light")
