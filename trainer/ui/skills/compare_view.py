"""Looking back: two self-assessments compared, and self next to an observer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from trainer.competencies.ratings import OBSERVER_NOTE_LABELS, rating_text, record_title
from trainer.domain import tokens
from trainer.ui.skills.controller import SkillsController
from trainer.ui.skills.models import RowsModel

if TYPE_CHECKING:
    from trainer.competencies.ratings import Agreement


def _combo(name: str, empty: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setPlaceholderText(empty)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(16)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return combo


def _table(model: RowsModel, name: str) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(combo: QComboBox, records: list[dict], keep: str | None, fallback: int) -> None:
    combo.blockSignals(True)
    combo.clear()
    for rec in records:
        combo.addItem(record_title(rec), rec["uid"])
    index = combo.findData(keep) if keep else -1
    if index < 0 and records:
        index = fallback % len(records)
    combo.setCurrentIndex(index)
    combo.blockSignals(False)


class CompareView(QWidget):
    """Choose two self-assessments and see what changed, skill by skill."""

    def __init__(self, controller: SkillsController, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.first = _combo("Earlier self-assessment", "No self-assessments saved yet")
        self.second = _combo("Later self-assessment", "No self-assessments saved yet")
        first_label, second_label = QLabel("Co&mpare:"), QLabel("&with:")
        first_label.setBuddy(self.first)
        second_label.setBuddy(self.second)
        self.model = RowsModel(("Skill", "Earlier", "Later", "Change"), self)
        self.table = _table(self.model, "Changes between the two self-assessments")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Summary of changes")
        row = QHBoxLayout()
        for w in (first_label, self.first, second_label, self.second):
            row.addWidget(w)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(tokens.SPACE_1, tokens.SPACE_1, tokens.SPACE_1, tokens.SPACE_1)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.first.currentIndexChanged.connect(lambda _i: self.refresh_table())
        self.second.currentIndexChanged.connect(lambda _i: self.refresh_table())
        self.reload()

    def reload(self) -> None:
        """Keep the person's choice, unless records were added or removed: then show the latest two."""
        records = self.controller.self_assessments()
        keep = len(records) == self.first.count()
        _fill(self.first, records, self.first.currentData() if keep else None, -2)
        _fill(self.second, records, self.second.currentData() if keep else None, -1)
        self.refresh_table()

    def refresh_table(self) -> None:
        a, b = self.first.currentData(), self.second.currentData()
        if not a or not b or a == b:
            self.model.set_rows([])
            n = self.first.count()
            self.summary.setText(
                "Save at least two self-assessments to compare them."
                if n < 2
                else "Choose two different self-assessments."
            )
            return
        changes = self.controller.service.compare(a, b)
        self.model.set_rows(
            [(c.name, rating_text(c.before), rating_text(c.after), c.text) for c in changes],
            ids=[c.item_id for c in changes],
            marked=[c.before != c.after for c in changes],
        )
        ups = sum(1 for c in changes if c.delta and c.delta > 0)
        downs = sum(1 for c in changes if c.delta and c.delta < 0)
        self.summary.setText(f"\u2191 {ups} went up, \u2193 {downs} went down; changed rows are in bold.")


class SelfObserverView(QWidget):
    """A self-assessment next to an observer's checklist, disagreements marked."""

    def __init__(self, controller: SkillsController, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.mine = _combo("Your self-assessment", "No self-assessments saved yet")
        self.theirs = _combo("Observer checklist", "No observer checklists saved yet")
        mine_label, theirs_label = QLabel("&Your rating:"), QLabel("&Observer:")
        mine_label.setBuddy(self.mine)
        theirs_label.setBuddy(self.theirs)
        self.model = RowsModel(("Skill", "You", "Observer", "Agreement"), self)
        self.table = _table(self.model, "Your ratings and the observer's, side by side")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Agreement summary")
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes.setAccessibleName("Observer's notes on the chosen skill")
        self.notes.setMinimumHeight(60)
        row = QHBoxLayout()
        for w in (mine_label, self.mine, theirs_label, self.theirs):
            row.addWidget(w)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.notes)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(tokens.SPACE_1, tokens.SPACE_1, tokens.SPACE_1, tokens.SPACE_1)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        self.mine.currentIndexChanged.connect(lambda _i: self.refresh_table())
        self.theirs.currentIndexChanged.connect(lambda _i: self.refresh_table())
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _p: self.show_notes(cur.row()))
        self._rows: list[Agreement] = []
        self.reload()

    def reload(self) -> None:
        """Keep the person's choice, unless records were added or removed: then show the latest."""
        for combo, records in (
            (self.mine, self.controller.self_assessments()),
            (self.theirs, self.controller.observations()),
        ):
            keep = len(records) == combo.count()
            _fill(combo, records, combo.currentData() if keep else None, -1)
        self.refresh_table()

    def refresh_table(self) -> None:
        rows = self.controller.service.side_by_side(self.mine.currentData(), self.theirs.currentData())
        self._rows = rows
        self.model.set_rows(
            [
                (
                    r.name,
                    rating_text(r.self_rating),
                    rating_text(r.observer_rating),
                    f"{r.marker} {r.text}".strip() + ("  \u270e" if r.notes else ""),
                )
                for r in rows
            ],
            ids=[r.item_id for r in rows],
            marked=[r.agrees is False for r in rows],
            tips=["Observer left notes: choose the row to read them" if r.notes else "" for r in rows],
        )
        if self.mine.count() == 0 or self.theirs.count() == 0:
            self.summary.setText("You need a saved self-assessment and an observer checklist to see them side by side.")
        else:
            differ = sum(1 for r in rows if r.agrees is False)
            agree = sum(1 for r in rows if r.agrees)
            self.summary.setText(
                f"\u2713 {agree} agree \u00b7 \u2260 {differ} differ (in bold). \u270e marks items with observer notes."
            )
        self.show_notes(self.table.currentIndex().row())

    def show_notes(self, row: int) -> None:
        if not 0 <= row < len(self._rows):
            self.notes.setText("Choose a skill to read the observer's notes on it.")
            return
        r = self._rows[row]
        parts = [f"{OBSERVER_NOTE_LABELS[k]}: {r.notes[k]}" for k in OBSERVER_NOTE_LABELS if r.notes.get(k)]
        self.notes.setText(f"{r.name}\n" + ("\n".join(parts) if parts else "No observer notes on this skill."))
