"""The bar above a checklist: pick a saved record or start a new one, date, save, delete."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from trainer.competencies.ratings import record_title
from trainer.domain import tokens


class RecordBar(QWidget):
    """Emits what the person asked for; the owning view does the work."""

    record_chosen = Signal(object)  # uid or None for a new record
    new_requested = Signal()
    save_requested = Signal()
    delete_requested = Signal(str)

    def __init__(self, noun: str, parent=None):
        super().__init__(parent)
        self.noun = noun
        self.combo = QComboBox()
        self.combo.setAccessibleName(f"Saved {noun}s")
        self.combo.setToolTip(f"Open a saved {noun} to look at it or change it")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(18)
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        combo_label = QLabel("O&pen:")
        combo_label.setBuddy(self.combo)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMM yyyy")
        self.date.setAccessibleName(f"Date of the {noun}")
        date_label = QLabel("Da&te:")
        date_label.setBuddy(self.date)
        self.new_button = QPushButton("&New")
        self.new_button.setAccessibleName(f"Start a new {noun}")
        self.delete_button = QPushButton("Delete\u2026")
        self.delete_button.setAccessibleName(f"Delete this {noun}")
        self.save_button = QPushButton("&Save")
        self.save_button.setAccessibleName(f"Save this {noun}")
        self.save_button.setToolTip("Save (Ctrl+S)")
        self.save_button.setDefault(True)
        self.status = QLabel()
        self.status.setAccessibleName("Save status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(combo_label)
        layout.addWidget(self.combo, 2)
        layout.addWidget(date_label)
        layout.addWidget(self.date)
        layout.addWidget(self.new_button)
        layout.addWidget(self.delete_button)
        layout.addWidget(self.save_button)

        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self.parent() or self)
        self.combo.activated.connect(lambda i: self.record_chosen.emit(self.combo.itemData(i)))
        self.new_button.clicked.connect(self.new_requested)
        self.save_button.clicked.connect(self.save_requested)
        self.delete_button.clicked.connect(self._ask_delete)

    def attach_save_shortcut(self, page: QWidget) -> None:
        """Ctrl+S saves while the focus is anywhere inside ``page``."""
        self.save_shortcut.setParent(page)
        self.save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_shortcut.activated.connect(self.save_requested)

    def set_records(self, records: list[dict], current: str | None) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(f"New {self.noun}", None)
        for rec in reversed(records):  # newest first
            self.combo.addItem(record_title(rec), rec["uid"])
        index = self.combo.findData(current) if current else 0
        self.combo.setCurrentIndex(max(0, index))
        self.combo.blockSignals(False)
        self.delete_button.setEnabled(current is not None)

    def current_uid(self) -> str | None:
        return self.combo.currentData()

    def set_date(self, iso: str) -> None:
        self.date.setDate(QDate.fromString(iso[:10], Qt.DateFormat.ISODate))

    def date_iso(self) -> str:
        return self.date.date().toString(Qt.DateFormat.ISODate)

    def show_status(self, text: str, error: bool = False) -> None:
        self.status.setText(("\u26a0 " if error else "\u2713 ") + text if text else "")
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        # The warning sign carries the meaning; the colour only helps, and stays readable.
        danger = tokens.colour("dark" if dark else "light", "danger")
        self.status.setStyleSheet(f"color: {danger};" if error else "")

    # -- unsaved changes ---------------------------------------------------------------
    dirty = False

    def mark_dirty(self, *_args) -> None:
        self.dirty = True

    def mark_clean(self) -> None:
        self.dirty = False

    def may_discard(self) -> bool:
        """True when there is nothing unsaved, or the person agrees to lose it."""
        return not self.dirty or self.confirm_discard(self, self.noun)

    @staticmethod
    def confirm_discard(parent: QWidget, noun: str) -> bool:
        answer = QMessageBox.question(
            parent, "Unsaved changes", f"This {noun} has changes that are not saved. Discard them?"
        )
        return answer == QMessageBox.StandardButton.Yes

    def _ask_delete(self) -> None:
        uid = self.current_uid()
        if uid and self.confirm_delete(self, self.noun):
            self.delete_requested.emit(uid)

    @staticmethod
    def confirm_delete(parent: QWidget, noun: str) -> bool:
        answer = QMessageBox.question(parent, f"Delete {noun}", f"Delete this {noun}? This cannot be undone.")
        return answer == QMessageBox.StandardButton.Yes
