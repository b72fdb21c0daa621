"""The design language's widgets: buttons in four variants, cards, chips, empty states
and comfortable list rows, painted from the design tokens (``trainer.domain.tokens``).

They follow the theme themselves: each repaints (or re-tints) when the application
palette changes. No style sheet (see ``style``), and nothing here touches PySide's
``Qt`` namespace or ``QStyle`` (Home is built at start-up, see ``main_window``):
flags are passed by value.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from trainer.domain import tokens
from trainer.ui.common.style import tint, token

VARIANTS = ("primary", "secondary", "quiet", "danger")
ALIGN_CENTER = 0x84  # Qt.AlignmentFlag.AlignCenter
ALIGN_LEFT_VCENTER = 0x81  # Qt.AlignmentFlag.AlignLeft | AlignVCenter
NO_TEXT_INTERACTION = 0  # Qt.TextInteractionFlag.NoTextInteraction
_PALETTE_CHANGE = QEvent.Type.PaletteChange


class _FollowsTheme:
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
    "primary": ("accent", "on_accent"),
    "danger": ("danger", "on_danger"),
    "quiet": ("window", "link"),
}


class Button(_FollowsTheme, QPushButton):
    """A push button in one of ``VARIANTS``, tinted from the tokens of the theme in use."""

    def __init__(self, text: str = "", variant: str = "secondary", parent: QWidget | None = None):
        super().__init__(text, parent)
        if variant not in VARIANTS:
            raise ValueError(f"unknown button variant {variant!r}; expected one of {', '.join(VARIANTS)}")
        self.variant = variant
        self.setProperty("variant", variant)
        self.setFlat(variant == "quiet")
        self._tint()

    def _tint(self) -> None:
        roles = _TINTS.get(self.variant)
        if roles is not None:
            tint(self, Button=roles[0], ButtonText=roles[1])

    def sizeHint(self) -> QSize:
        """Room around the words: at least the grid's 16 px each side, and a menu's arrow
        beside the words, never over them."""
        hint = super().sizeHint()
        words = self.fontMetrics().horizontalAdvance(self.text().replace("&&", "\0").replace("&", ""))
        if not self.icon().isNull():
            words += self.iconSize().width() + tokens.SPACE_1
        room = 2 * tokens.SPACE_2 + (tokens.SPACE_3 if self.menu() is not None else 0)
        return QSize(max(hint.width(), words + room), max(hint.height(), self.fontMetrics().height() + tokens.SPACE_2))


def make_button(text: str, variant: str = "secondary", parent: QWidget | None = None) -> Button:
    """A button of the design language: 'primary' (the one main action of a place),
    'secondary', 'quiet' (a link-like action) or 'danger' (deletes something)."""
    return Button(text, variant, parent)


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


class MutedLabel(_FollowsTheme, QLabel):
    """Secondary text (a date, a hint) in the muted colour, which still meets AA."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setWordWrap(True)
        self._tint()

    def _tint(self) -> None:
        tint(self, WindowText="text_muted")


class CheckBox(_FollowsTheme, QCheckBox):
    """A check box whose box shows in both themes: Fusion draws its border in the window
    colour made 1.4 times darker (on the dark theme, a black square on charcoal), so this
    one's window colour is the border token made 1.4 times lighter (3:1 on both)."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self._tint()

    def _tint(self) -> None:
        tint(self, Window=token("border").lighter(140))


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
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(token("divider"), tokens.ELEVATION_BORDER))
        painter.setBrush(token("surface"))
        radius = tokens.RADIUS_LARGE
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)


CHIP_KINDS = {"neutral": "chip", "success": "chip_success", "warning": "chip_warning"}


class Chip(QWidget):
    """A small rounded label for a status ('Done', '3 due'); its text is its accessible name."""

    def __init__(self, text: str = "", kind: str = "neutral", parent: QWidget | None = None):
        super().__init__(parent)
        if kind not in CHIP_KINDS:
            raise ValueError(f"unknown chip kind {kind!r}; expected one of {', '.join(CHIP_KINDS)}")
        self.kind = kind
        self._text = ""
        self.setText(text)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        self._text = text
        self.setAccessibleName(text)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        return QSize(metrics.horizontalAdvance(self._text) + 2 * tokens.SPACE_1 + 2, metrics.height() + tokens.SPACE_1)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(token(CHIP_KINDS[self.kind]))
        painter.setBrush(token(CHIP_KINDS[self.kind]))
        radius = self.height() / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
        painter.setPen(token("chip_text" if self.kind == "neutral" else "text"))
        painter.drawText(self.rect(), ALIGN_CENTER, self._text)


# -- empty states ----------------------------------------------------------------------------
class EmptyState(QWidget):
    """What an empty list shows instead: a friendly headline, one sentence, and the one
    action that fills it (optional)."""

    action_requested = Signal()

    def __init__(self, headline: str, sentence: str, action: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.headline = heading(headline, "subtitle")
        self.headline.setProperty("alignment", ALIGN_CENTER)
        self.sentence = MutedLabel(sentence)
        self.sentence.setProperty("alignment", ALIGN_CENTER)
        self.sentence.setMaximumWidth(520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(tokens.SPACE_3, tokens.SPACE_4, tokens.SPACE_3, tokens.SPACE_4)
        layout.setSpacing(tokens.SPACE_1)
        layout.addStretch(1)
        layout.addWidget(self.headline)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(self.sentence, 10)
        centred.addStretch(1)
        layout.addLayout(centred)
        self.button: Button | None = None
        if action:
            self.button = make_button(action, "primary")
            self.button.setAutoDefault(True)
            self.button.clicked.connect(self.action_requested)
            layout.addSpacing(tokens.SPACE_1)
            row = button_row(self.button)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addStretch(2)
        self.setAccessibleName(headline)
        self.setAccessibleDescription(sentence)


# -- list rows -------------------------------------------------------------------------------
class RowDelegate(QStyledItemDelegate):
    """A list row with room: the first line of the item's text as a title (medium weight),
    the rest as a muted subtitle, on a 56-px-or-more row with the grid's padding.

    Items keep their plain "title\\nsubtitle" text, so screen readers and tests read
    the same words as before.
    """

    def __init__(self, view, parent=None):
        super().__init__(parent or view)
        self.view = view

    @staticmethod
    def parts(text: str) -> tuple[str, str]:
        title, _, rest = (text or "").partition("\n")
        return title, rest.replace("\n", " \u00b7 ")

    def sizeHint(self, option, index) -> QSize:
        metrics = QFontMetrics(option.font)
        _title, subtitle = self.parts(str(index.data() or ""))
        lines = 2 if subtitle else 1
        height = lines * metrics.height() + (lines - 1) * tokens.SPACE_HALF + 2 * tokens.SPACE_1 + tokens.SPACE_HALF
        return QSize(max(120, option.rect.width()), height)

    def paint(self, painter: QPainter, option, index) -> None:
        view = self.view
        selected = view.selectionModel() is not None and view.selectionModel().isSelected(index)
        rect = QRectF(option.rect).adjusted(tokens.SPACE_HALF, 2, -tokens.SPACE_HALF, -2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = view.palette()
        if selected:
            painter.setPen(token("accent"))
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(rect, tokens.RADIUS, tokens.RADIUS)
        title, subtitle = self.parts(str(index.data() or ""))
        text_colour = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = text_colour if selected else token("text_muted")
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        metrics = QFontMetrics(bold)
        inner = rect.adjusted(tokens.SPACE_2 - tokens.SPACE_HALF, tokens.SPACE_1, -tokens.SPACE_1, -tokens.SPACE_1)
        width = int(inner.width())
        painter.setFont(bold)
        painter.setPen(text_colour)
        painter.drawText(QPointF(inner.left(), inner.top() + metrics.ascent()), _elide(metrics, title, width))
        if subtitle:
            plain = QFontMetrics(option.font)
            painter.setFont(option.font)
            painter.setPen(muted)
            y = inner.top() + metrics.height() + tokens.SPACE_HALF + plain.ascent()
            painter.drawText(QPointF(inner.left(), y), _elide(plain, subtitle, width))
        painter.restore()


def _elide(metrics: QFontMetrics, text: str, width: int) -> str:
    """``text`` cut with an ellipsis to fit ``width`` (without Qt's elide-mode enum)."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    while text and metrics.horizontalAdvance(text + "\u2026") > width:
        text = text[:-1]
    return text.rstrip() + "\u2026"


def use_rows(view) -> RowDelegate:
    """Give a list view comfortable two-line rows (title, muted subtitle)."""
    delegate = RowDelegate(view)
    view.setItemDelegate(delegate)
    view.setProperty("spacing", tokens.SPACE_HALF // 2)
    return delegate
