"""Light and dark themes, following the system when asked.

One palette per theme, chosen for WCAG AA contrast (checked by a test), and
the Fusion style so focus rings and spacing look the same on every system.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from trainer.domain.colours import palette_colours

THEMES = ("system", "light", "dark")
ICON_PATH = Path(__file__).resolve().parent / "resources" / "app-icon.svg"

_DISABLED = {"light": "#6b7280", "dark": "#8f98a3"}


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    try:
        return hints.colorScheme() == Qt.ColorScheme.Dark
    except AttributeError:  # Qt < 6.5
        return False


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
    disabled = QColor(_DISABLED["dark" if theme == "dark" else "light"])
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def apply_theme(app: QApplication, theme: str = "system") -> str:
    """Apply a theme; returns the resolved name ('light' or 'dark')."""
    resolved = resolve(theme if theme in THEMES else "system")
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setPalette(make_palette(resolved))
    if ICON_PATH.is_file():
        app.setWindowIcon(QIcon(str(ICON_PATH)))
    return resolved


def current_theme(app: QApplication | None = None) -> str:
    """'light' or 'dark', from the window colour of the palette in use."""
    app = app or QApplication.instance()
    window = app.palette().color(QPalette.ColorRole.Window) if app is not None else QColor("#ffffff")
    return "dark" if window.lightness() < 128 else "light"


def error_style() -> str:
    """A style sheet for error text, readable in the theme in use (set it when the label is shown)."""
    from trainer.domain.colours import error_text

    return f"color: {error_text(current_theme())};"
