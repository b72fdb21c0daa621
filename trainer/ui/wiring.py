"""Connections between sections: the one place where widgets meet.

``connect_signals(window, parts)`` is called once by ``app.build``. When a
feature needs one section to react to another (start a reflection from a
module, open a scenario from a module's link), the connection goes here.
"""

from __future__ import annotations

from typing import Any


def connect_signals(window: Any, parts: Any) -> None:
    """Wire cross-section signals. Sections wire their own internals."""
    # Nothing crosses sections yet; features add their connections here.
    return None
