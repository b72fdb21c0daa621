"""A checklist form shared by the self-assessment and the observer checklist.

The table takes the keyboard: 0, 1, 2 and N set the rating of the current
row and move down; Delete clears it; arrows move. The panel beside it shows
the current skill, rating buttons for mouse users and the note fields.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from trainer.competencies.model import Framework
from trainer.competencies.ratings import NA
from trainer.domain import tokens
from trainer.ui.common.flow_layout import FlowLayout
from trainer.ui.common.scroll_focus import keep_focus_visible
from trainer.ui.skills.models import NOTES, RATING, SKILL, RatingItemsModel

RATING_KEYS = {
    Qt.Key.Key_0: 0,
    Qt.Key.Key_1: 1,
    Qt.Key.Key_2: 2,
    Qt.Key.Key_N: NA,
    Qt.Key.Key_Delete: None,
    Qt.Key.Key_Backspace: None,
}

KEY_HELP = "Keys: 0 not done \u00b7 1 partly \u00b7 2 done well \u00b7 N not applicable \u00b7 Delete clears"


class RatingTable(QTableView):
    """A table of skills where one key press rates the current row and moves on."""

    rated = Signal(int)  # row

    def __init__(self, model: RatingItemsModel, parent=None):
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        # Rows grow to fit a wrapped skill name instead of clipping it.
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setMinimumSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setSectionResizeMode(SKILL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RATING, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NOTES, QHeaderView.ResizeMode.ResizeToContents)
        self.setAccessibleDescription(KEY_HELP)

    def current_row(self) -> int:
        return self.currentIndex().row() if self.currentIndex().isValid() else -1

    def go_to_row(self, row: int) -> None:
        model = self.model()
        if model.rowCount() == 0:
            return
        row = max(0, min(row, model.rowCount() - 1))
        self.selectionModel().setCurrentIndex(
            model.index(row, SKILL),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(model.index(row, SKILL))

    def rate_current(self, value) -> None:
        row = self.current_row()
        if row < 0:
            row = 0
            self.go_to_row(0)
        model = cast(RatingItemsModel, self.model())
        if model.set_rating(row, value):
            self.rated.emit(row)
            if value is not None and row + 1 < self.model().rowCount():
                self.go_to_row(row + 1)

    def keyPressEvent(self, event) -> None:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() in RATING_KEYS and mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            self.rate_current(RATING_KEYS[event.key()])
            event.accept()
            return
        super().keyPressEvent(event)


class GlobalsBox(QGroupBox):
    """The 1\u20135 global ratings, as spin boxes whose zero reads "not rated"."""

    def __init__(self, framework: Framework, title: str, parent=None):
        super().__init__(title, parent)
        self.spins: dict[str, QSpinBox] = {}
        # Each rating keeps its label beside it; the pairs wrap onto more rows when narrow
        # (four globals do not fit one row of a small window).
        flow = FlowLayout(self, h_spacing=12)
        for spec in framework.globals:
            spin = QSpinBox()
            spin.setRange(spec.min - 1, spec.max)
            spin.setSpecialValueText("not rated")
            spin.setSuffix(f" of {spec.max}")
            spin.setAccessibleName(f"{spec.name}, {spec.min} to {spec.max}")
            tip = spec.description
            if spec.low or spec.high:
                tip += f"\n{spec.min}: {spec.low}\n{spec.max}: {spec.high}"
            spin.setToolTip(tip)
            spin.setAccessibleDescription(tip)
            label = QLabel(f"{spec.name}:")
            label.setBuddy(spin)
            label.setToolTip(tip)
            pair = QWidget()
            row = QHBoxLayout(pair)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(label)
            row.addWidget(spin)
            flow.addWidget(pair)
            self.spins[spec.id] = spin
        self._framework = framework

    def values(self) -> dict[str, int | None]:
        out = {}
        for spec in self._framework.globals:
            value = self.spins[spec.id].value()
            out[spec.id] = value if value >= spec.min else None
        return out

    def load(self, values: dict | None) -> None:
        for spec in self._framework.globals:
            value = (values or {}).get(spec.id)
            self.spins[spec.id].setValue(value if isinstance(value, int) else spec.min - 1)


class PickerBox(QComboBox):
    """Nothing, then each record that can be linked (newest first), read when the list is first
    wanted (focus or popup), not while the form is built: the list reads every kind of record.
    A linked record no longer found stays shown as such, so opening and saving never drops a link."""

    def __init__(self, choices: Callable[[], list[tuple[str, str]]], parent=None):
        super().__init__(parent)
        self.choices = choices
        self.filled = False
        self.choose("")

    def choose(self, chosen: str) -> None:
        self.blockSignals(True)
        if self.filled:
            if chosen and self.findData(chosen) < 0:
                self.addItem(f"A record not found here ({chosen[:8]}\u2026)", chosen)
        else:
            self.clear()
            self.addItem("Nothing linked", "")
            if chosen:
                self.addItem(f"Linked record ({chosen[:8]}\u2026)", chosen)
        self.setCurrentIndex(max(0, self.findData(chosen)))
        self.blockSignals(False)

    def fill(self) -> None:
        if self.filled:
            return
        chosen = str(self.currentData() or "")
        self.blockSignals(True)
        self.clear()
        self.addItem("Nothing linked", "")
        for label, uid in self.choices():
            self.addItem(label, uid)
        self.filled = True
        self.blockSignals(False)
        self.choose(chosen)

    def focusInEvent(self, event) -> None:
        self.fill()
        super().focusInEvent(event)

    def showPopup(self) -> None:
        self.fill()
        super().showPopup()


class ItemPanel(QWidget):
    """The current skill: description, rating buttons and its note fields."""

    def __init__(
        self,
        model: RatingItemsModel,
        note_labels: dict[str, str],
        multiline: set[str],
        parent=None,
        pickers: dict[str, Callable[[], list[tuple[str, str]]]] | None = None,
    ):
        super().__init__(parent)
        self.model = model
        self.pickers = pickers or {}
        self.row = -1
        self.title = QLabel()
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)

        self.buttons = QButtonGroup(self)
        self.buttons.setExclusive(False)
        row = QHBoxLayout()
        row.setSpacing(tokens.SPACE_HALF)
        self.rating_buttons: dict = {}
        for value, text, name in (
            (0, "0", "not done"),
            (1, "1", "partly"),
            (2, "2", "done well"),
            (NA, "N/A", "not applicable"),
            (None, "Clear", "clear the rating"),
        ):
            button = QPushButton(text)
            button.setCheckable(value is not None)
            button.setAccessibleName(f"Rate {name}" if value is not None else "Clear the rating")
            button.setToolTip(name.capitalize())
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.setMinimumWidth(max(44, button.fontMetrics().horizontalAdvance(text) + 16))
            button.clicked.connect(lambda _=False, v=value: self._rate(v))
            self.buttons.addButton(button)
            row.addWidget(button)
            self.rating_buttons[value] = button

        self.fields: dict[str, QPlainTextEdit | QLineEdit | QComboBox] = {}
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for key, label_text in note_labels.items():
            field: QPlainTextEdit | QLineEdit | QComboBox
            if key in self.pickers:  # chosen from a list with titles and dates, never a typed id
                field = PickerBox(self.pickers[key])
                field.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                field.setMinimumContentsLength(12)
                field.activated.connect(lambda _i, k=key, f=field: self._note(k, f.currentData() or ""))
            elif key in multiline:
                field = QPlainTextEdit()
                field.setTabChangesFocus(True)
                field.setMinimumHeight(56)
                field.setMaximumHeight(96)
                field.textChanged.connect(lambda k=key, f=field: self._note(k, f.toPlainText()))
            else:
                field = QLineEdit()
                field.textEdited.connect(lambda text, k=key: self._note(k, text))
            field.setAccessibleName(label_text.replace("&", ""))
            label = QLabel(label_text)
            label.setBuddy(field)
            form.addRow(label, field)
            self.fields[key] = field

        layout = QVBoxLayout(self)
        layout.setContentsMargins(tokens.SPACE_1, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.description)
        layout.addLayout(row)
        layout.addLayout(form)
        layout.addStretch(1)
        self.model.dataChanged.connect(lambda *_: self._sync_buttons())
        self.show_row(-1)

    def show_row(self, row: int) -> None:
        self.row = row
        skill = self.model.skill_at(row)
        self.setEnabled(skill is not None)
        self.title.setText(skill.name if skill else "Choose a skill in the list")
        text = ""
        if skill:
            text = f"Done well: {skill.done_well}"
            if skill.example:
                text += f"\n\nFor example: {skill.example}"
        self.description.setText(text)
        for key, field in self.fields.items():
            value = self.model.note(row, key) if skill else ""
            field.blockSignals(True)
            if isinstance(field, QPlainTextEdit):
                field.setPlainText(value)
            elif isinstance(field, QComboBox):
                self._fill_picker(key, field, value)
            else:
                field.setText(value)
            field.blockSignals(False)
        self._sync_buttons()

    def _fill_picker(self, key: str, box: QComboBox, chosen: str) -> None:
        if isinstance(box, PickerBox):
            box.choose(chosen)

    def _sync_buttons(self) -> None:
        current = self.model.rating(self.row) if self.row >= 0 else None
        for value, button in self.rating_buttons.items():
            if value is not None:
                button.setChecked(current == value and current is not None)

    def _rate(self, value) -> None:
        if self.row >= 0:
            self.model.set_rating(self.row, value)
        self._sync_buttons()

    def _note(self, key: str, text: str) -> None:
        if self.row >= 0:
            self.model.set_note(self.row, key, text)


STACK_BELOW_CHARS = 95  # the form's width, in average characters, below which it stacks


class ChecklistForm(QWidget):
    """Table + current-item panel + globals; ``items()``/``globals()`` give the draft."""

    changed = Signal()

    def __init__(
        self,
        framework: Framework,
        note_labels: dict[str, str],
        multiline: set[str],
        table_name: str,
        globals_title: str,
        parent=None,
        pickers: dict[str, Callable[[], list[tuple[str, str]]]] | None = None,
    ):
        super().__init__(parent)
        self.framework = framework
        self.model = RatingItemsModel(framework, tuple(note_labels), self)
        self.table = RatingTable(self.model)
        self.table.setAccessibleName(table_name)
        self.panel = ItemPanel(self.model, note_labels, multiline, pickers=pickers)
        self.globals_box = GlobalsBox(framework, globals_title)
        self.help = QLabel(KEY_HELP)
        self.help.setWordWrap(True)
        self.progress = QLabel()
        self.progress.setAccessibleName("Items rated")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.help)
        left_layout.addWidget(self.progress)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidget(self.panel)
        keep_focus_visible(scroll)  # an Alt+letter jump scrolls to its control too
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.viewport().setAutoFillBackground(False)  # same background as the page
        self.panel.setAutoFillBackground(False)
        right_layout.addWidget(scroll, 1)
        right_layout.addWidget(self.globals_box)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self.panel.show_row(cur.row()))
        self.model.dataChanged.connect(self._on_model_changed)
        self.model.modelReset.connect(self._on_model_changed)
        for spin in self.globals_box.spins.values():
            spin.valueChanged.connect(lambda _v: self.changed.emit())
        self._update_progress()

    def _on_model_changed(self, *_args) -> None:
        self._update_progress()
        self.changed.emit()

    def _update_progress(self) -> None:
        n, total = self.model.rated_count(), self.model.rowCount()
        self.progress.setText(f"{n} of {total} skills rated")

    def items(self) -> dict:
        return self.model.items()

    def globals(self) -> dict:
        return self.globals_box.values()

    def resizeEvent(self, event) -> None:
        """Side by side where the skills' names have room; the table above the item when narrow
        (at 175% in 800x600 the names were cut to a letter a line)."""
        super().resizeEvent(event)
        wide = self.width() >= self.fontMetrics().averageCharWidth() * STACK_BELOW_CHARS
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.splitter.orientation() != orientation:
            self.splitter.setOrientation(orientation)

    def load(self, record: dict | None) -> None:
        record = record or {}
        self.model.load(record.get("items"))
        self.globals_box.load(record.get("globals"))
        self.table.go_to_row(0)
        self.panel.show_row(self.table.current_row())
