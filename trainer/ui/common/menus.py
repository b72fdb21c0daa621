"""Small menu helpers shared by the features that add entries to the shell's menus.

Qt only in annotations: app.py loads this before PySide6 (see its note).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu


def add_at_top(menu: QMenu, *actions: QAction) -> None:
    """Put ``actions`` first in ``menu``, with a separator below them if more follows."""
    existing = menu.actions()
    if not existing:
        menu.addActions(list(actions))
        return
    first = existing[0]
    for action in actions:
        menu.insertAction(first, action)
    menu.insertSeparator(first)
