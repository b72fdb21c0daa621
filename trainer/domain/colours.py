"""Colours of the light and dark themes, as data (Qt-free so tests can check them)."""

from __future__ import annotations

_LIGHT = {
    "Window": "#f4f5f7",
    "WindowText": "#1f2328",
    "Base": "#ffffff",
    "AlternateBase": "#f0f2f5",
    "Text": "#1f2328",
    "Button": "#e9ebef",
    "ButtonText": "#1f2328",
    "BrightText": "#ffffff",
    "Highlight": "#1f5fa8",
    "HighlightedText": "#ffffff",
    "ToolTipBase": "#ffffdc",
    "ToolTipText": "#1f2328",
    "PlaceholderText": "#5f6670",
    "Link": "#0b5cad",
    "LinkVisited": "#6a3fa0",
    "Mid": "#b8bec7",
    "Dark": "#8a919c",
    "Light": "#ffffff",
    "Midlight": "#eceef1",
    "Shadow": "#5a6069",
}
_DARK = {
    "Window": "#1e2126",
    "WindowText": "#e6e8eb",
    "Base": "#16181c",
    "AlternateBase": "#22262c",
    "Text": "#e6e8eb",
    "Button": "#2b3037",
    "ButtonText": "#e6e8eb",
    "BrightText": "#ffffff",
    "Highlight": "#2f6bc4",
    "HighlightedText": "#ffffff",
    "ToolTipBase": "#2b3037",
    "ToolTipText": "#e6e8eb",
    "PlaceholderText": "#a3abb6",
    "Link": "#8cc4ff",
    "LinkVisited": "#c7a6ff",
    "Mid": "#4a515c",
    "Dark": "#0f1114",
    "Light": "#3a4049",
    "Midlight": "#30353d",
    "Shadow": "#000000",
}


def palette_colours(theme: str) -> dict[str, str]:
    """Palette role name -> hex colour for 'light' or 'dark'."""
    return dict(_DARK if theme == "dark" else _LIGHT)


# Error text on the window colour (a red readable in each theme).
ERROR_TEXT = {"light": "#b00020", "dark": "#ff8a80"}


def error_text(theme: str) -> str:
    return ERROR_TEXT["dark" if theme == "dark" else "light"]
