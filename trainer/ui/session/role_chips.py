"""The groups tree's Role column as chips: a rounded label per role, so who practises,
who plays the person and who observes can be seen at a glance (the words stay: colour
is never the only sign). Colours are palette roles, so both themes keep their contrast."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from trainer.ui.common.item_paint import paint_row_frame

Index = QModelIndex | QPersistentModelIndex
PAD_X, PAD_Y, RADIUS = 8, 2, 8
# role -> (fill, text) palette roles; the practitioner, whose turn it is, stands out most
CHIP_ROLES = {
    "Practitioner": (QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText),
    "Person": (QPalette.ColorRole.AlternateBase, QPalette.ColorRole.Text),
    "Observer": (QPalette.ColorRole.Button, QPalette.ColorRole.ButtonText),
}


def chip_row_height(fm: QFontMetrics) -> int:
    """The height of a row that holds a chip."""
    return fm.height() + 2 * PAD_Y + 2


class RoleChipDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        text = str(index.data() or "")
        if text in CHIP_ROLES:
            width = option.fontMetrics.horizontalAdvance(text) + 2 * PAD_X + 4
            size = QSize(max(size.width(), width), max(size.height(), chip_row_height(option.fontMetrics)))
        return size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        text = str(index.data() or "")
        if text not in CHIP_ROLES:
            super().paint(painter, option, index)
            return
        opt, _text = paint_row_frame(self, painter, option, index)
        fill_role, text_role = CHIP_ROLES[text]
        pal = opt.palette
        fm = opt.fontMetrics
        chip = QRectF(
            opt.rect.left() + 2,
            opt.rect.center().y() - fm.height() / 2 - PAD_Y,
            fm.horizontalAdvance(text) + 2 * PAD_X,
            fm.height() + 2 * PAD_Y,
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(pal.color(fill_role))
        painter.drawRoundedRect(chip, RADIUS, RADIUS)
        painter.setPen(pal.color(text_role))
        painter.drawText(chip, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.restore()
