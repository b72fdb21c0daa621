"""Text from files a person can be handed, made safe for where it is shown.

Each place that shows outside text has its own rules: Qt's rich text
(HTML), a spreadsheet cell (a formula), a terminal (escape sequences).
Stdlib only, so every layer can use it.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls (0x9b starts a sequence on its own),
# and the Unicode bidi controls that reorder what a terminal shows.
_TERMINAL_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def html_text(text: str) -> str:
    """``text`` with the characters that mean something in HTML escaped."""
    return (
        str(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )


def html_paragraphs(text: str) -> str:
    """Plain ``text`` as rich text that shows exactly as written, line breaks kept.

    For Qt calls that guess rich text from the first line and offer no way to
    say "plain" (``QMessageBox.question`` and its kin).
    """
    return "<p>" + "</p><p>".join(html_text(p).replace("\n", "<br>") for p in str(text).split("\n\n")) + "</p>"


# A spreadsheet reads a cell starting with one of these as a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """``value`` for a CSV cell: text that a spreadsheet would run as a formula gets a leading
    single quote, which shows it as text. Numbers and other text are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def terminal_text(text) -> str:
    """``text`` for printing in a terminal: control characters removed, so a value read from a
    file cannot clear the screen, retitle the window or overwrite what was printed."""
    return _TERMINAL_CONTROLS.sub("", str(text))


def qt_text(text: str) -> str:
    """``text`` for a Qt text that guesses rich text (tooltips, message boxes): as it is when it
    holds no '<' or '&' (so Qt shows it as typed anyway), else as escaped rich text."""
    text = str(text)
    return html_paragraphs(text) if "<" in text or "&" in text else text
