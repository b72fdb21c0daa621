"""The part of painting a list row that every custom delegate shares."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget


def paint_row_frame(
    delegate: QStyledItemDelegate, painter, option, index, widget: QWidget | None = None
) -> tuple[QStyleOptionViewItem, str]:
    """Draw a row's background, selection and focus as the style would, without its text.

    Returns the row's style option (text emptied) and the text, for the delegate to draw
    its own way. ``widget`` defaults to the option's own view.
    """
    opt = QStyleOptionViewItem(option)
    delegate.initStyleOption(opt, index)
    text = opt.text
    opt.text = ""
    widget = widget if widget is not None else opt.widget
    style = widget.style() if widget is not None else QApplication.style()
    style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
    return opt, text
