"""Search everything (Ctrl+K / Ctrl+F): modules, scenarios and your reflections.

Type to search; results are grouped by kind, each with a snippet where the
words were found (shown in bold, not by colour alone). Enter or a
double-click opens the result at the place found.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from trainer.domain import tokens
from trainer.services.search import KIND_TITLES, Hit
from trainer.ui.common.dialog_size import fit_to_window
from trainer.ui.common.item_paint import paint_row_frame

HitRole = Qt.ItemDataRole.UserRole
HtmlRole = Qt.ItemDataRole.UserRole + 1


def hit_html(hit: Hit) -> str:
    a, b = hit.span
    snippet = (
        html.escape(hit.snippet[:a]) + "<b>" + html.escape(hit.snippet[a:b]) + "</b>" + html.escape(hit.snippet[b:])
    )
    where = f" \u2014 {html.escape(hit.label)}" if hit.label else ""
    return f"<b>{html.escape(hit.title)}</b>{where}<br>{snippet}"


class HtmlDelegate(QStyledItemDelegate):
    """Draws an item's HtmlRole text (bold title and match), wrapped to the view's width."""

    def _doc(self, option: QStyleOptionViewItem, html_text: str, width: int) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(4)
        doc.setHtml(html_text)
        doc.setTextWidth(max(100, width))
        return doc

    def paint(self, painter, option, index) -> None:
        html_text = index.data(HtmlRole)
        if not html_text:
            super().paint(painter, option, index)
            return
        opt, _text = paint_row_frame(self, painter, option, index)
        doc = self._doc(opt, html_text, opt.rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(0, 0, opt.rect.width(), opt.rect.height())
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        html_text = index.data(HtmlRole)
        if not html_text:
            return super().sizeHint(option, index)
        view = cast("QTreeWidget | None", self.parent())  # made with the results tree as its parent
        width = view.viewport().width() - view.indentation() * 2 if view is not None else 400
        doc = self._doc(option, html_text, width)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 2)


class SearchDialog(QDialog):
    hit_chosen = Signal(object)  # a Hit

    def __init__(self, search: Callable[[str], dict[str, list[Hit]]], parent=None):
        super().__init__(parent)
        self.setWindowTitle("Search everything")
        self.setAccessibleName("Search everything")
        self._search = search
        em = self.fontMetrics().height()
        self.resize(em * 45, em * 33)  # grows with the zoom
        fit_to_window(self)  # but not past the window

        self.label = QLabel("&Search modules, scenarios and your reflections:")
        self.edit = QLineEdit()
        self.edit.setAccessibleName("Search for")
        self.edit.setAccessibleDescription(
            "Every word must be found; capitals and accents do not matter. "
            "Press Down to reach the results, Enter to open one."
        )
        self.edit.setPlaceholderText("For example: rescue pack")
        self.edit.setClearButtonEnabled(True)
        self.label.setBuddy(self.edit)
        self.summary = QLabel(" ")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # repeats the words searched for
        self.summary.setAccessibleName("Number of results")
        self.results = QTreeWidget()
        self.results.setHeaderHidden(True)
        self.results.setAccessibleName("Search results")
        self.results.setAccessibleDescription(
            "Grouped by modules, scenarios and reflections. Press Enter to open a result."
        )
        self.results.setUniformRowHeights(False)
        self.results.setWordWrap(True)
        self.results.setItemDelegate(HtmlDelegate(self.results))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Close)
        self.open_button = self.buttons.button(QDialogButtonBox.StandardButton.Open)
        self.open_button.setToolTip("Open the chosen result (Enter)")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(tokens.SPACE_2, tokens.SPACE_2, tokens.SPACE_2, tokens.SPACE_2)
        layout.setSpacing(tokens.SPACE_1)
        layout.addWidget(self.label)
        layout.addWidget(self.edit)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.buttons)

        self.edit.textChanged.connect(self.run)
        self.edit.returnPressed.connect(self.open_current)
        self.results.itemActivated.connect(lambda _item, _col: self.open_current())
        self.results.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.buttons.accepted.connect(self.open_current)
        self.buttons.rejected.connect(self.reject)
        self.edit.installEventFilter(self)
        self._update_buttons()

    # -- searching ----------------------------------------------------------------
    def run(self, text: str | None = None) -> None:
        query = self.edit.text() if text is None else text
        self.results.clear()
        grouped = self._search(query) if query.strip() else {}
        total = 0
        first = None
        for kind, hits in grouped.items():
            top = QTreeWidgetItem([f"{KIND_TITLES.get(kind, kind)} ({len(hits)})"])
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            self.results.addTopLevelItem(top)
            for hit in hits:
                child = QTreeWidgetItem([f"{hit.title} {hit.label}: {hit.snippet}".strip()])
                child.setData(0, HitRole, hit)
                child.setData(0, HtmlRole, hit_html(hit))
                child.setToolTip(0, "Press Enter to open it here")
                top.addChild(child)
                first = first or child
            top.setExpanded(True)
            total += len(hits)
        if not query.strip():
            self.summary.setText("Type a word or two.")
        elif total == 0:
            self.summary.setText(f"Nothing found for \u201c{query.strip()}\u201d. Try fewer or other words.")
        else:
            self.summary.setText(f"{total} result{'s' if total != 1 else ''}.")
        if first is not None:
            self.results.setCurrentItem(first)
        self._update_buttons()

    def current_hit(self) -> Hit | None:
        item = self.results.currentItem()
        return item.data(0, HitRole) if item is not None else None

    def open_current(self) -> None:
        hit = self.current_hit()
        if hit is None:
            return
        self.accept()
        self.hit_chosen.emit(hit)

    def start(self, text: str = "") -> None:
        """Show (not blocking), with the search box focused and its text selected."""
        if text:
            self.edit.setText(text)
        self.open()
        self.raise_()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
        self.run()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.results.doItemsLayout()  # wrapped snippets take a new height at the new width

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.current_hit() is not None)

    def eventFilter(self, watched, event) -> bool:

        if (
            watched is self.edit
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown)
        ):
            if self.results.topLevelItemCount():
                self.results.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)
