"""Bookmarks on module passages: the "bookmark this" dialog and the list.

Ctrl+B in the reader bookmarks the selected text, or the paragraph at the
cursor (or at the top of the view, for keyboard readers), with an optional
note. Go > Bookmarks (Ctrl+Shift+B) lists them: open, edit the note, delete
(with undo).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
)

from trainer.domain import tokens
from trainer.ui.common.dialog_size import fit_to_window
from trainer.ui.course.bookmarks_controller import BookmarkController

UidRole = Qt.ItemDataRole.UserRole


# -- reading the passage from the reader ---------------------------------------------------
def _anchor_of(block) -> str:
    it = block.begin()
    while not it.atEnd():
        names = it.fragment().charFormat().anchorNames()
        if names:
            return names[0]
        it += 1
    return ""


def nearest_heading(block) -> tuple[str, str]:
    """(anchor, text) of the closest heading at or before ``block``."""
    while block.isValid():
        if block.blockFormat().headingLevel() > 0:
            return _anchor_of(block), block.text().strip()
        block = block.previous()
    return "", ""


def passage_at(browser: QTextBrowser) -> tuple[str, str, str]:
    """(text, anchor, heading): the selection, else the paragraph at the cursor or at the top."""
    cursor = browser.textCursor()
    if cursor.hasSelection():
        text = cursor.selectedText()
        block = browser.document().findBlock(cursor.selectionStart())
    else:
        visible = browser.viewport().rect().contains(browser.cursorRect(cursor).center())
        if cursor.position() == 0 or not visible:
            cursor = browser.cursorForPosition(QPoint(40, 8))
        block = cursor.block()
        while block.isValid() and not block.text().strip():
            block = block.next()
        text = block.text() if block.isValid() else ""
    anchor, heading = nearest_heading(block)
    return text.replace("\u2029", "\n").strip(), anchor, heading


def show_passage(browser: QTextBrowser, anchor: str, text: str) -> bool:
    """Scroll to the heading, then select the first words of the passage; True if found."""
    if anchor:
        browser.scrollToAnchor(anchor)
    probe = " ".join(text.split()[:8]).rstrip("\u2026")
    if not probe:
        return False
    start = browser.textCursor()
    start.movePosition(QTextCursor.MoveOperation.Start)
    browser.setTextCursor(start)
    found = browser.find(probe)
    if found:
        browser.ensureCursorVisible()
    return found


# -- dialogs ------------------------------------------------------------------------------------
class AddBookmarkDialog(QDialog):
    def __init__(self, passage: str, where: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Bookmark this passage")
        shown = passage if len(passage) < 400 else passage[:400] + "\u2026"
        self.quote = QLabel(f"\u201c{shown}\u201d")
        self.quote.setTextFormat(Qt.TextFormat.PlainText)  # text from a page, shown as text
        self.quote.setWordWrap(True)
        self.quote.setAccessibleName("Passage")
        self.where = QLabel(where)
        self.where.setTextFormat(Qt.TextFormat.PlainText)
        self.where.setWordWrap(True)
        self.note = QLineEdit()
        self.note.setAccessibleName("Note")
        self.note.setPlaceholderText("Optional: why it matters to you")
        form = QFormLayout()
        form.addRow("&Note:", self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Bookmark")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(tokens.SPACE_2, tokens.SPACE_2, tokens.SPACE_2, tokens.SPACE_2)
        layout.setSpacing(tokens.SPACE_1)
        layout.addWidget(self.where)
        layout.addWidget(self.quote)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().height() * 32, self.sizeHint().height())  # grows with the zoom
        fit_to_window(self)  # but not past the window


class BookmarksDialog(QDialog):
    open_requested = Signal(dict)  # a bookmark record

    def __init__(self, controller: BookmarkController, module_title: Callable[[str], str], parent=None):
        super().__init__(parent)
        self.setWindowTitle("Bookmarks")
        self.controller = controller
        self._title = module_title
        self._deleted: dict | None = None
        em = self.fontMetrics().height()
        self.resize(em * 40, em * 30)  # grows with the zoom
        fit_to_window(self)  # but not past the window

        self.label = QLabel("&Your bookmarked passages:")
        self.list = QListWidget()
        self.list.setAccessibleName("Bookmarks")
        self.list.setAccessibleDescription("Enter opens the passage; Delete removes it; F2 edits the note.")
        self.list.setWordWrap(True)
        self.label.setBuddy(self.list)
        self.empty = QLabel(
            "No bookmarks yet. While reading a module, select a passage (or scroll to it) and press Ctrl+B."
        )
        self.empty.setWordWrap(True)
        self.open_button = QPushButton("&Open")
        self.open_button.setToolTip("Open the module at this passage (Enter)")
        self.note_button = QPushButton("Edit &note\u2026")
        self.note_button.setToolTip("Write or change your note (F2)")
        self.delete_button = QPushButton("&Delete")
        self.delete_button.setToolTip("Delete this bookmark (Delete); you can undo")
        self.undo_button = QPushButton("&Undo delete")
        self.undo_button.setToolTip("Bring back the bookmark you deleted (Ctrl+Z)")
        self.undo_button.hide()
        close = QPushButton("Close")
        close.setAutoDefault(False)
        buttons = QHBoxLayout()
        for b in (self.open_button, self.note_button, self.delete_button, self.undo_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(tokens.SPACE_2, tokens.SPACE_2, tokens.SPACE_2, tokens.SPACE_2)
        layout.setSpacing(tokens.SPACE_1)
        layout.addWidget(self.label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)

        self.list.itemActivated.connect(lambda _i: self.open_current())
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.open_button.clicked.connect(self.open_current)
        self.note_button.clicked.connect(self.edit_note)
        self.delete_button.clicked.connect(self.delete_current)
        self.undo_button.clicked.connect(self.undo_delete)
        close.clicked.connect(self.reject)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.list, self.delete_current, Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_F2), self, self.edit_note)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_delete)
        controller.bookmarks_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        current = self.current_uid()
        self.list.clear()
        for rec in self.controller.list():
            where = self._title(rec["module"]) + (f" \u203a {rec['heading']}" if rec.get("heading") else "")
            text = f"{where}\n\u201c{rec['text']}\u201d"
            if rec.get("note"):
                text += f"\nNote: {rec['note']}"
            item = QListWidgetItem(text)
            item.setData(UidRole, rec["uid"])
            self.list.addItem(item)
            if rec["uid"] == current:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.empty.setVisible(self.list.count() == 0)
        self._update_buttons()

    def current_uid(self) -> str | None:
        item = self.list.currentItem()
        return item.data(UidRole) if item is not None else None

    def current(self) -> dict | None:
        uid = self.current_uid()
        return self.controller.service.get(uid) if uid else None

    def open_current(self) -> None:
        rec = self.current()
        if rec is not None:
            self.accept()
            self.open_requested.emit(rec)

    def edit_note(self) -> None:
        rec = self.current()
        if rec is None:
            return
        note, ok = QInputDialog.getText(
            self, "Note", "&Note on this passage:", QLineEdit.EchoMode.Normal, rec.get("note", "")
        )
        if ok:
            self.controller.set_note(rec["uid"], note)

    def delete_current(self) -> None:
        uid = self.current_uid()
        if uid is None:
            return
        row = self.list.currentRow()
        self._deleted = self.controller.delete(uid)
        self.undo_button.setVisible(self._deleted is not None)
        if self.list.count():
            self.list.setCurrentRow(min(row, self.list.count() - 1))

    def undo_delete(self) -> None:
        if self._deleted is not None and self.controller.restore(self._deleted):
            uid = self._deleted["uid"]
            self._deleted = None
            self.undo_button.hide()
            for i in range(self.list.count()):
                if self.list.item(i).data(UidRole) == uid:
                    self.list.setCurrentRow(i)

    def _update_buttons(self) -> None:
        has = self.current_uid() is not None
        for b in (self.open_button, self.note_button, self.delete_button):
            b.setEnabled(has)
