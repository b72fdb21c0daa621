"""A check box whose box shows in both themes (used in place of ``QCheckBox``)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QWidget

from trainer.ui.common.style import tint, token
from trainer.ui.common.widgets import FollowsTheme


class CheckBox(FollowsTheme, QCheckBox):
    """A check box whose box shows in both themes: Fusion draws its border in the window
    colour made 1.4 times darker (on the dark theme, a black square on charcoal), so this
    one's window colour is the border token made 1.4 times lighter (3:1 on both)."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self._tint()

    def _tint(self) -> None:
        tint(self, Window=token("border").lighter(140))
