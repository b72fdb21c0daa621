"""The tokens' look, applied without a style sheet: the palette of the theme, and
palettes of single widgets tinted from the tokens.

The application palette (``appearance.make_palette``) carries the colour roles.
Widgets of the design language (``trainer.ui.common.widgets``) tint their own
palette from the tokens with ``tint`` and tint again when the theme changes.

Why no style sheet: an application style sheet routes every widget through
``QStyleSheetStyle``. Measured with valgrind on ``trainer --smoke``: a one-rule
sheet cost about 4% more instructions at start-up (35 M on 843 M), the full sheet
5%, since every ``setParent`` re-polishes a widget and its children; palettes per
class (``QApplication.setPalette(p, "QCheckBox")``) cost 13%, as every new widget
is then checked against them. A palette on a few widgets costs nothing measurable.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from trainer.domain import tokens
from trainer.ui.common.appearance import current_theme


def token(role: str, theme: str | None = None) -> QColor:
    """A colour role of ``theme`` (else of the theme in use)."""
    return QColor(tokens.colour(theme or current_theme(), role))


def tint(widget: QWidget, **roles: str | QColor) -> None:
    """Set palette roles of ``widget`` (``Button="accent"``) to token colours of the theme in use.

    Only these roles become the widget's own: the others go on following the application's
    palette, so a change of theme still reaches the widget (and its ``PaletteChange``)."""
    palette = QPalette()  # no role set: nothing else is pinned
    for qt_role, value in roles.items():
        palette.setColor(getattr(QPalette.ColorRole, qt_role), value if isinstance(value, QColor) else token(value))
    widget.setPalette(palette)
