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

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from trainer.domain import tokens
from trainer.ui.common.style import tint, token

VARIANTS = ("primary", "secondary", "quiet", "danger")
ALIGN_CENTER = 0x84  # Qt.AlignmentFlag.AlignCenter
ALIGN_LEFT_VCENTER = 0x81  # Qt.AlignmentFlag.AlignLeft | AlignVCenter
NO_TEXT_INTERACTION = 0  # Qt.TextInteractionFlag.NoTextInteraction
_PALETTE_CHANGE = QEvent.Type.PaletteChange


class FollowsTheme:
    """Tints itself again (``_tint``) when the application palette changes."""

    _tinting = False

    def _tint(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event) -> None:
        super().changeEvent(event)  # type: ignore[misc]
        if event.type() == _PALETTE_CHANGE and not self._tinting:
            self._tinting = True  # our own setPalette sends a PaletteChange too
            try:
                self._tint()
            finally:
                self._tinting = False


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


class Button(FollowsTheme, QPushButton):
    """A push button in one of ``VARIANTS``, tinted from the tokens of the theme in use."""

    def __init__(self, text: str = "", variant: str = "secondary", parent: QWidget | None = None):
        super().__init__(text, parent)
        if variant not in VARIANTS:
            raise ValueError(f"unknown button variant {variant!r}; expected one of {', '.join(VARIANTS)}")
        self.variant = variant
        self.setProperty("variant", variant)
        self.setFlat(variant == "quiet")
        self._tint()

    def fit_words(self) -> None:
        """Room around the words (16 px each side; a menu's arrow beside them, never over
        them). Called once the text is set: a ``sizeHint`` in Python would be asked for at
        every layout, which costs start-up time."""
        words = self.fontMetrics().horizontalAdvance(self.text().replace("&&", "\0").replace("&", ""))
        room = 2 * tokens.SPACE_2 + (tokens.SPACE_3 if self.menu() is not None else 0)
        self.setMinimumWidth(words + room)

    def _tint(self) -> None:
        roles = _TINTS.get(self.variant)
        if roles is not None:
            tint(self, Button=roles[0], ButtonText=roles[1])


def make_button(text: str, variant: str = "secondary", parent: QWidget | None = None) -> Button:
    """A button of the design language: 'primary' (the one main action of a place),
    'secondary', 'quiet' (a link-like action) or 'danger' (deletes something)."""
    button = Button(text, variant, parent)
    button.fit_words()
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


class MutedLabel(FollowsTheme, QLabel):
    """Secondary text (a date, a hint) in the muted colour, which still meets AA."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setWordWrap(True)
        self._tint()

    def _tint(self) -> None:
        tint(self, WindowText="text_muted")


class Meter(FollowsTheme, QProgressBar):
    """A progress bar whose groove shows on a card in both themes (Fusion outlines it in
    the window colour darkened: black on the dark card); no words on it (say them beside)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextVisible(False)
        self.setMaximumHeight(tokens.SPACE_1 + tokens.SPACE_HALF)
        self._tint()

    def _tint(self) -> None:
        tint(self, Window=token("border").lighter(140), Base="surface_alt")


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
