"""The tokens' look, applied without a style sheet: the palette of the theme, and
palettes of single widgets tinted from the tokens.

The application palette (``appearance.make_palette``) carries the colour roles.
Widgets of the design language (``trainer.ui.common.widgets``) tint their own
palette from the tokens with ``tint``; ``appearance.apply_theme`` calls ``retint``,
which tints them again for the new theme. No widget subclass is needed for that (a
Python subclass of a Qt class makes PySide build its enums at import: start-up time).

Why no style sheet: an application style sheet routes every widget through
``QStyleSheetStyle``. Measured with valgrind on ``trainer --smoke``: a one-rule
sheet cost about 4% more instructions at start-up (35 M on 843 M), the full sheet
5%, since every ``setParent`` re-polishes a widget and its children; palettes per
class (``QApplication.setPalette(p, "QCheckBox")``) cost 13%, as every new widget
is then checked against them. A palette on a few widgets costs nothing measurable.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from trainer.domain import tokens
from trainer.ui.common.appearance import current_theme


def token(role: str, theme: str | None = None) -> QColor:
    """A colour role of ``theme`` (else of the theme in use)."""
    return QColor(tokens.colour(theme or current_theme(), role))


_tinted: list[tuple[QWidget, dict[str, str]]] = []  # widgets to tint again at a change of theme


def tint(widget: QWidget, **roles: str) -> None:
    """Set palette roles of ``widget`` (``Button="accent"``) to token colours of the theme in use.

    Only these roles become the widget's own: the others go on following the application's
    palette, so a change of theme still reaches the widget (and its ``PaletteChange``)."""
    _paint(widget, roles)
    _tinted.append((widget, roles))


def _paint(widget: QWidget, roles: dict[str, str]) -> None:
    palette = QPalette()  # no role set: nothing else is pinned
    for qt_role, role in roles.items():
        palette.setColor(getattr(QPalette.ColorRole, qt_role), token(role))
    widget.setPalette(palette)


def retint() -> None:
    """Tint every tinted widget still alive for the theme now in use (after ``apply_theme``)."""
    _tinted[:] = [(w, roles) for w, roles in _tinted if shiboken6.isValid(w)]
    for widget, roles in _tinted:
        _paint(widget, roles)
