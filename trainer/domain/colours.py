"""Colours of the light and dark themes as Qt palette roles, from the design tokens
(Qt-free so tests can check them)."""

from __future__ import annotations

from trainer.domain.tokens import DARK, LIGHT

# Qt palette role -> token role
_ROLES = {
    "Window": "window",
    "WindowText": "text",
    "Base": "surface",
    "AlternateBase": "surface_alt",
    "Text": "text",
    "Button": "secondary",
    "ButtonText": "text",
    "BrightText": "on_accent",
    "Highlight": "accent",
    "HighlightedText": "on_accent",
    "ToolTipBase": "tooltip",
    "ToolTipText": "text",
    "PlaceholderText": "text_muted",
    "Link": "link",
    "LinkVisited": "link_visited",
    "Mid": "bevel_mid",
    "Dark": "bevel_dark",
    "Light": "bevel_light",
    "Midlight": "bevel_midlight",
    "Shadow": "shadow",
}


def palette_colours(theme: str) -> dict[str, str]:
    """Palette role name -> hex colour for 'light' or 'dark'."""
    tokens = DARK if theme == "dark" else LIGHT
    return {role: tokens[token] for role, token in _ROLES.items()}


# Error text on the window colour (a red readable in each theme).
ERROR_TEXT = {"light": LIGHT["danger"], "dark": DARK["danger"]}


def error_text(theme: str) -> str:
    return ERROR_TEXT["dark" if theme == "dark" else "light"]
