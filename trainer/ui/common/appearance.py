"""Light and dark themes, following the system when asked.

One palette per theme, chosen for WCAG AA contrast (checked by a test), and
the Fusion style so focus rings and spacing look the same on every system.

Start-up note: nothing here touches PySide's ``Qt`` namespace or a ``QStyle``
object. The first use of either makes PySide6 build hundreds of Python enums,
which costs tens of milliseconds of start-up on Python 3.11. So the Fusion
style comes from the command line of the QApplication (``FUSION_ARGS``), and
"follow the system" reads the system's own palette instead of
``QStyleHints.colorScheme()``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from trainer.domain.colours import palette_colours
from trainer.domain.tokens import colour as token_colour
from trainer.ui.common.application import qapp, qapp_or_none

THEMES = ("system", "light", "dark")
ICON_PATH = Path(__file__).resolve().parent / "resources" / "app-icon.svg"
FUSION_ARGS = ["-style", "fusion"]  # give these to a new QApplication, then call fusion_given()

_FUSION = "_trainer_fusion"  # application property: the Fusion style is in use
_SYSTEM_DARK = "_trainer_system_dark"  # application property: the system's palette is dark


def fusion_given(app: QApplication) -> None:
    """Record that ``app`` was made with ``FUSION_ARGS``, so the style need not be checked."""
    app.setProperty(_FUSION, True)


def system_prefers_dark(app: QApplication | None = None) -> bool:
    """Whether the system is in dark mode.

    Qt gives every application the system's palette, dark when the system is
    in dark mode (macOS, Windows and GNOME, Qt 6.5 and later). It is read once,
    before our palette replaces it, and kept; ``note_system_scheme`` updates it
    when the system changes while the app runs.
    """
    app = app or qapp()
    known = app.property(_SYSTEM_DARK)
    if known is None:
        known = app.palette().color(QPalette.ColorRole.Window).lightness() < 128
        app.setProperty(_SYSTEM_DARK, known)
    return bool(known)


def note_system_scheme(app: QApplication, scheme) -> None:
    """Keep the system's new colour scheme (from ``QStyleHints.colorSchemeChanged``)."""
    from PySide6.QtCore import Qt

    if scheme != Qt.ColorScheme.Unknown:
        app.setProperty(_SYSTEM_DARK, scheme == Qt.ColorScheme.Dark)


def resolve(theme: str) -> str:
    """'system' becomes 'light' or 'dark'."""
    if theme == "dark" or (theme == "system" and system_prefers_dark()):
        return "dark"
    return "light"


def make_palette(theme: str) -> QPalette:
    palette = QPalette()
    for role_name, colour in palette_colours(theme).items():
        role = getattr(QPalette.ColorRole, role_name)
        palette.setColor(QPalette.ColorGroup.All, role, QColor(colour))
    disabled = QColor(token_colour(theme, "disabled_text"))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def apply_theme(app: QApplication, theme: str = "system") -> str:
    """Apply a theme; returns the resolved name ('light' or 'dark')."""
    system_prefers_dark(app)  # read the system's palette while it is still the one in use
    resolved = resolve(theme if theme in THEMES else "system")
    if not app.property(_FUSION):
        app.setStyle("Fusion")
        app.setProperty(_FUSION, True)
    app.setPalette(make_palette(resolved))
    from trainer.ui.common.style import retint  # it reads this module: imported when used

    retint()
    if ICON_PATH.is_file():
        app.setWindowIcon(QIcon(str(ICON_PATH)))
    return resolved


def current_theme(app: QApplication | None = None) -> str:
    """'light' or 'dark', from the window colour of the palette in use."""
    app = app or qapp_or_none()
    if app is None:
        return "light"
    window = app.palette().color(QPalette.ColorRole.Window)
    return "dark" if window.lightness() < 128 else "light"


def error_style() -> str:
    """A style sheet for error text, readable in the theme in use (set it when the label is shown)."""
    from trainer.domain.colours import error_text

    return f"color: {error_text(current_theme())};"
