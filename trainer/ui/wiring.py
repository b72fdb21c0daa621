"""Connections between sections: the one place where widgets meet.

``connect_signals(window, parts)`` is called once by ``app.build``. When a
feature needs one section to react to another (start a reflection from a
module, open a scenario from a module's link), the connection goes here.
Sections added lazily are wired when ``window.section_built`` says so.
"""

from __future__ import annotations

from typing import Any


def connect_signals(window: Any, parts: Any) -> None:
    """Wire cross-section signals. Sections wire their own internals."""
    wiring = {"skills": _connect_skills}

    def on_window_section_built(key: str) -> None:
        if key in wiring:
            wiring[key](window, parts, window.sections[key])

    window.section_built.connect(on_window_section_built)
    for key, connect in wiring.items():
        widget = window.sections.get(key)
        if widget is not None and not type(widget).__name__ == "_Placeholder":
            connect(window, parts, widget)


def _connect_skills(window: Any, parts: Any, skills: Any) -> None:
    course = parts.controller
    # Finishing a module changes "modules done" and the suggestions.
    course.progress_changed.connect(skills.dashboard.refresh)
    window.theme_changed.connect(skills.on_window_theme_changed)

    def on_dashboard_module_requested(module_id: str) -> None:
        window.show_section("course")
        course.open_module(module_id)

    skills.dashboard.module_requested.connect(on_dashboard_module_requested)
