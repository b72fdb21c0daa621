"""Page colours for rendered modules and scenarios (light and dark).

Kept apart from ``render.py`` so that choosing colours does not load the
Markdown and template libraries.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    name: str
    text: str
    muted: str
    link: str
    heading: str
    box: str
    box_warning: str
    box_activity: str
    code_bg: str
    rule: str


LIGHT = Theme(
    "light",
    text="#1f2328",
    muted="#555d66",
    link="#0b5cad",
    heading="#12355b",
    box="#eaf2fb",
    box_warning="#fdf1dc",
    box_activity="#e8f5ea",
    code_bg="#f2f3f5",
    rule="#c9ced6",
)
DARK = Theme(
    "dark",
    text="#e6e8eb",
    muted="#b3bac4",
    link="#8cc4ff",
    heading="#cfe3ff",
    box="#1d2b3a",
    box_warning="#3a2e17",
    box_activity="#1b3322",
    code_bg="#2a2d33",
    rule="#4a515c",
)
