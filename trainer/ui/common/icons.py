"""Icons from the Font Awesome 5 Free solid font that ships inside ``qtawesome``.

Licences: qtawesome is MIT; the Font Awesome Free font is SIL OFL 1.1 and its
icons CC BY 4.0 (https://fontawesome.com/license/free): no GPL. A test checks
qtawesome's declared licence.

Start-up note: ``qtawesome`` itself is never imported (its import builds every
font it bundles). Only the one ``.ttf`` file is found through the package's
import spec and loaded with ``QFontDatabase``, the first time an icon is drawn;
this module itself is imported then (by the sidebar's first paint).
Without the package the caller gets ``None`` and draws words only.
"""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path

from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QPainter, QPixmap

FONT_FILE = "fontawesome5-solid-webfont-5.15.4.ttf"
ALIGN_CENTER = 0x84  # Qt.AlignmentFlag.AlignCenter

# name -> code point in the Font Awesome 5 Free solid font (its charmap)
GLYPHS = {
    "home": "\uf015",
    "course": "\uf518",  # book-open
    "scenarios": "\uf086",  # comments
    "journal": "\uf5ac",  # pen-fancy
    "skills": "\uf201",  # chart-line
    "session": "\uf0c0",  # users
    "review": "\uf1da",  # history
    "consultations": "\uf4ad",  # comment-dots: Your turn
    "cpd": "\uf559",  # award
    "collapse": "\uf053",  # chevron-left
    "expand": "\uf054",  # chevron-right
    "search": "\uf002",
    "bookmark": "\uf02e",
    "idea": "\uf0eb",  # lightbulb
}

_family: list[str | None] = []  # the loaded font's family, once tried


def font_path() -> Path | None:
    """The font file inside the installed ``qtawesome`` (without importing it), or None."""
    try:
        spec = find_spec("qtawesome")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "fonts" / FONT_FILE
    return path if path.is_file() else None


def icon_family() -> str | None:
    """The icon font's family name, loading the font the first time; None if unavailable."""
    if not _family:
        path = font_path()
        family = None
        if path is not None:
            font_id = QFontDatabase.addApplicationFont(str(path))
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            family = families[0] if families else None
        _family.append(family)
    return _family[0]


def icon_font(pixel_size: int) -> QFont | None:
    family = icon_family()
    if family is None:
        return None
    font = QFont(family)
    font.setPixelSize(pixel_size)
    return font


def glyph(name: str) -> str:
    return GLYPHS[name]


def icon(name: str, colour: QColor, size: int = 32) -> QIcon:
    """A QIcon of one glyph in ``colour`` (an empty icon without the font)."""
    font = icon_font(int(size * 0.8))
    if font is None:
        return QIcon()
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setFont(font)
    painter.setPen(colour)
    painter.drawText(pixmap.rect(), ALIGN_CENTER, GLYPHS[name])
    painter.end()
    return QIcon(pixmap)
