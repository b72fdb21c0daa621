"""Design tokens: the app's colours, spacing, corner radii and type scale, as data.

One place for every colour and distance the interface uses, so the screens
agree with each other and a test can check them (``tests/unit/domain/
test_tokens.py``: every text pair meets WCAG AA, 4.5:1, in both themes; large
text and borders of controls 3:1). Qt-free, so it loads before PySide6 at
start-up and tests read it without a display.

- Spacing follows an 8-pixel grid (with a 4-pixel half step for tight spots).
- Type sizes are ratios of the application font, so the zoom still works.
- Colours are named by role (``surface``, ``text_muted``, ``accent``...), never
  by hue, with one value for the light theme and one for the dark.
"""

from __future__ import annotations

# -- spacing: an 8-px grid --------------------------------------------------------------
SPACE_HALF = 4
SPACE_1 = 8
SPACE_2 = 16
SPACE_3 = 24
SPACE_4 = 32
SPACE_6 = 48
SPACING = (SPACE_HALF, SPACE_1, SPACE_2, SPACE_3, SPACE_4, SPACE_6)

# -- corners and elevation ----------------------------------------------------------------
RADIUS_SMALL = 4  # chips' inner parts, inputs
RADIUS = 8  # buttons, cards, list rows
RADIUS_LARGE = 12  # dialogs' panels, the welcome page
ELEVATION_BORDER = 1  # a card is lifted by a 1-px border in ``border`` (flat, calm)

# -- type scale: ratios of the application font (which the zoom sets) ------------------------
TYPE_SCALE = {
    "caption": 0.9,
    "body": 1.0,
    "subtitle": 1.15,
    "title": 1.45,
    "display": 1.9,
}

# -- colour roles ----------------------------------------------------------------------------
LIGHT: dict[str, str] = {
    "window": "#f4f5f7",  # the page behind everything
    "surface": "#ffffff",  # cards, lists, inputs
    "surface_alt": "#eef0f3",  # alternate rows, quiet hover
    "sidebar": "#e9ecf0",
    "sidebar_selected": "#d6e3f5",
    "text": "#1f2328",
    "text_muted": "#555d68",  # subtitles, dates, hints
    "border": "#7a818c",  # borders of controls (3:1 on window and surface)
    "divider": "#d9dde3",  # decorative lines between areas (no contrast rule)
    "accent": "#1f5fa8",  # primary buttons, selection, focus
    "accent_hover": "#184d8a",
    "on_accent": "#ffffff",
    "primary": "#123f73",  # primary buttons (Fusion draws them a little lighter)
    "on_primary": "#ffffff",
    "link": "#0b5cad",
    "danger": "#b00020",
    "danger_hover": "#8e001a",
    "on_danger": "#ffffff",
    "danger_button": "#6e0014",  # Fusion draws a button's colour lighter: darker here
    "success": "#1e6b34",
    "warning": "#8a4b00",
    "chip": "#e3e8ef",
    "chip_text": "#2b3440",
    "chip_success": "#dcefe2",
    "chip_warning": "#fbead2",
    "secondary": "#e9ebef",  # secondary buttons
    "secondary_hover": "#dde1e7",
    "tooltip": "#ffffdc",
    "mark": "#ffe45c",  # a found word
    "on_mark": "#000000",
    "privacy_mark": "#ffd666",  # a field that may name a person
    "error_bg": "#fdecea",
    "on_error_bg": "#611a15",
    "timer_done": "#b3261e",
    "disabled_text": "#646b76",
    "link_visited": "#6a3fa0",
    "outline_source": "#abb5c4",  # Fusion outlines boxes in Window made 1.4x darker: this gives ``border``
    "bevel_light": "#ffffff",  # Qt's 3-D roles, for the Fusion style's own drawing
    "bevel_midlight": "#eceef1",
    "bevel_mid": "#b8bec7",
    "bevel_dark": "#8a919c",
    "shadow": "#5a6069",
}
DARK: dict[str, str] = {
    "window": "#1e2126",
    "surface": "#16181c",
    "surface_alt": "#22262c",
    "sidebar": "#181b20",
    "sidebar_selected": "#2a3a52",
    "text": "#e6e8eb",
    "text_muted": "#a3abb6",
    "border": "#7d8794",
    "divider": "#30353d",
    "accent": "#2f6bc4",
    "accent_hover": "#285ca8",
    "on_accent": "#ffffff",
    "primary": "#8cc4ff",  # light on dark, dark words: Fusion lightens a dark fill too much for white
    "on_primary": "#0b1a2e",
    "link": "#8cc4ff",
    "danger": "#ff8a80",
    "danger_hover": "#ffaba3",
    "on_danger": "#1e0000",
    "danger_button": "#ff8a80",
    "success": "#7fd89b",
    "warning": "#ffc46b",
    "chip": "#2e343d",
    "chip_text": "#e6e8eb",
    "chip_success": "#1f3a29",
    "chip_warning": "#43331c",
    "secondary": "#2b3037",
    "secondary_hover": "#353b44",
    "tooltip": "#2b3037",
    "mark": "#ffe45c",
    "on_mark": "#000000",
    "privacy_mark": "#ffd666",
    "error_bg": "#4a1f1c",
    "on_error_bg": "#ffdad6",
    "timer_done": "#ff8a80",
    "disabled_text": "#8f98a3",
    "link_visited": "#c7a6ff",
    "outline_source": "#afbdcf",
    "bevel_light": "#3a4049",
    "bevel_midlight": "#30353d",
    "bevel_mid": "#4a515c",
    "bevel_dark": "#0f1114",
    "shadow": "#000000",
}

# The presenter is shown on a projector: dark whatever the app's theme.
PRESENTER = {
    "background": "#101418",
    "text": "#ffffff",
    "accent": "#ffd24d",
    "dim": "#c9d3dd",
    "flash": "#3a5a8c",
    "group_border": "#5b6b7b",
}

# Pairs that must be readable: (foreground, background, minimum ratio). Text 4.5:1;
# borders of controls and the focus ring 3:1 (WCAG 1.4.11).
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("text", "window"),
    ("text", "surface"),
    ("text", "surface_alt"),
    ("text", "sidebar"),
    ("text", "sidebar_selected"),
    ("text", "secondary"),
    ("text", "secondary_hover"),
    ("text", "tooltip"),
    ("text_muted", "window"),
    ("text_muted", "surface"),
    ("text_muted", "sidebar"),
    ("on_accent", "accent"),
    ("on_accent", "accent_hover"),
    ("on_primary", "primary"),
    ("on_danger", "danger"),
    ("on_danger", "danger_hover"),
    ("on_danger", "danger_button"),
    ("link", "surface"),
    ("link", "window"),
    ("danger", "window"),
    ("danger", "surface"),
    ("success", "window"),
    ("success", "surface"),
    ("warning", "window"),
    ("warning", "surface"),
    ("chip_text", "chip"),
    ("text", "chip_success"),
    ("text", "chip_warning"),
    ("on_mark", "mark"),
    ("on_mark", "privacy_mark"),
    ("on_error_bg", "error_bg"),
    ("timer_done", "window"),
    ("disabled_text", "window"),
)
UI_PAIRS: tuple[tuple[str, str], ...] = (
    ("border", "window"),
    ("border", "surface"),
    ("accent", "window"),
    ("accent", "surface"),
    ("accent", "sidebar"),
)
PRESENTER_PAIRS: tuple[tuple[str, str], ...] = (
    ("text", "background"),
    ("accent", "background"),
    ("dim", "background"),
    ("text", "flash"),
)


def colours(theme: str) -> dict[str, str]:
    """Role -> hex colour for 'light' or 'dark' (a copy)."""
    return dict(DARK if theme == "dark" else LIGHT)


def colour(theme: str, role: str) -> str:
    return (DARK if theme == "dark" else LIGHT)[role]


def type_size(base_points: float, role: str) -> float:
    """The point size of a type role for an application font of ``base_points``."""
    return round(base_points * TYPE_SCALE[role], 1)
