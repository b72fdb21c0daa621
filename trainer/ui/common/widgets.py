"""The design language's widgets: buttons in four variants, cards, headings and muted
labels, from the design tokens (``trainer.domain.tokens``). Chips and empty states are
in ``empty_state``, list rows in ``rows``, the check box in ``check_box``: Home, built at
start-up, needs only these, and each class PySide makes costs start-up time.

They follow the theme themselves: each repaints (or re-tints) when the application
palette changes. No style sheet (see ``style``), and nothing here touches PySide's
``Qt`` namespace or ``QStyle`` (Home is built at start-up, see ``main_window``):
flags are passed by value.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from trainer.domain import tokens
from trainer.ui.common.style import tint, token

VARIANTS = ("primary", "secondary", "quiet", "danger")
ALIGN_CENTER = 0x84  # Qt.AlignmentFlag.AlignCenter
ALIGN_LEFT_VCENTER = 0x81  # Qt.AlignmentFlag.AlignLeft | AlignVCenter
NO_TEXT_INTERACTION = 0  # Qt.TextInteractionFlag.NoTextInteraction


def scaled_font(widget: QWidget, role: str, bold: bool = False) -> QFont:
    """The widget's font at a size of the type scale (relative: the zoom still applies)."""
    font = QFont(widget.font())
    font.setPointSizeF(tokens.type_size(font.pointSizeF(), role))
    font.setBold(bold)
    return font


# -- buttons ------------------------------------------------------------------------------
_TINTS = {  # variant -> (button colour role, text colour role)
    "primary": ("primary", "on_primary"),
    "danger": ("danger_button", "on_danger"),
    "quiet": ("window", "link"),
}


def fit_words(button: QPushButton) -> None:
    """Room around a button's words (16 px each side; a menu's arrow beside them, never
    over them). Call it again after changing the text. (Not a ``sizeHint`` in Python: it
    would be asked for at every layout, which costs start-up time.)"""
    words = button.fontMetrics().horizontalAdvance(button.text().replace("&&", "\0").replace("&", ""))
    room = 2 * tokens.SPACE_2 + (tokens.SPACE_3 if button.menu() is not None else 0)
    button.setMinimumWidth(words + room)


def make_button(text: str, variant: str = "secondary", parent: QWidget | None = None) -> QPushButton:
    """A button of the design language: 'primary' (the one main action of a place),
    'secondary', 'quiet' (a link-like action) or 'danger' (deletes something). Its
    ``variant`` property says which; its colours follow the theme."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown button variant {variant!r}; expected one of {', '.join(VARIANTS)}")
    button = QPushButton(text, parent)
    button.setProperty("variant", variant)
    button.setAccessibleName(text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("\u2026"))
    button.setFlat(variant == "quiet")
    roles = _TINTS.get(variant)
    if roles is not None:
        tint(button, Button=roles[0], ButtonText=roles[1])
    fit_words(button)
    return button


def button_row(*buttons: QWidget, stretch_first: bool = True) -> QHBoxLayout:
    """Buttons side by side, a grid step apart, pushed to the right."""
    row = QHBoxLayout()
    row.setSpacing(tokens.SPACE_1)
    if stretch_first:
        row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row


# -- cards and labels -----------------------------------------------------------------------
def heading(text: str, role: str = "subtitle") -> QLabel:
    """A bold heading at a size of the type scale; not selectable, wraps."""
    label = QLabel(text)
    label.setFont(scaled_font(label, role, bold=True))
    label.setWordWrap(True)
    label.setProperty("textInteractionFlags", NO_TEXT_INTERACTION)
    return label


def muted_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """Secondary text (a date, a hint) in the muted colour, which still meets AA; wraps."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    tint(label, WindowText="text_muted")
    return label


def meter(parent: QWidget | None = None) -> QProgressBar:
    """A progress bar whose groove shows on a card in both themes (Fusion outlines it in
    the window colour darkened: black on the dark card); no words on it (say them beside)."""
    bar = QProgressBar(parent)
    bar.setTextVisible(False)
    bar.setMaximumHeight(tokens.SPACE_1 + tokens.SPACE_HALF)
    tint(bar, Window="outline_source", Base="surface_alt")
    return bar


class Card(QFrame):
    """A surface with rounded corners and a hairline border; an optional title above
    ``body`` (a vertical layout on the 8-px grid)."""

    def __init__(self, title: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setProperty("card", True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(tokens.SPACE_3, tokens.SPACE_2, tokens.SPACE_3, tokens.SPACE_3)
        outer.setSpacing(tokens.SPACE_1)
        self.title = heading(title or "")
        self.title.setVisible(title is not None)
        outer.addWidget(self.title)
        self.body = QVBoxLayout()
        self.body.setSpacing(tokens.SPACE_1)
        outer.addLayout(self.body)
        outer.addStretch(1)

    def paintEvent(self, _event) -> None:
        from PySide6.QtCore import QRectF
        from PySide6.QtGui import QPainter, QPen

        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(token("divider"), tokens.ELEVATION_BORDER))
        painter.setBrush(token("surface"))
        radius = tokens.RADIUS_LARGE
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
