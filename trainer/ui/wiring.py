"""Connections between sections: the one place where widgets meet.

``connect_signals(window, parts)`` is called once by ``app.build``. When a
feature needs one section to react to another (start a reflection from a
module, open a scenario from a module's link), the connection goes here.
"""

from __future__ import annotations

from typing import Any


def connect_signals(window: Any, parts: Any) -> None:
    """Wire cross-section signals. Sections wire their own internals."""
    restore = getattr(window, "restore_controller", None)
    if restore is not None:  # restored records may change course progress
        restore.records_restored.connect(
            lambda _summary: window.course_view.on_controller_progress_changed(
                parts.controller.current_id or ""))
