"""Connections between sections: the one place where widgets meet.

``connect_signals(window, parts)`` is called once by ``app.build``. When a
feature needs one section to react to another (start a reflection from a
module, open a scenario from a module's link), the connection goes here.
"""

from __future__ import annotations

from typing import Any


def connect_signals(window: Any, parts: Any) -> None:
    """Wire cross-section signals. Sections wire their own internals."""
    skills = window.sections.get("skills")
    if skills is not None:
        course = parts.controller
        # Finishing a module changes "modules done" and the suggestions.
        course.progress_changed.connect(skills.dashboard.refresh)

        def on_dashboard_module_requested(module_id: str) -> None:
            window.show_section("course")
            course.open_module(module_id)

        skills.dashboard.module_requested.connect(on_dashboard_module_requested)
