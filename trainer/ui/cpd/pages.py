"""The CPD section's Revalidation page (progress against the chosen regulator, and the
pack) and Evidence page (pick reflections, attempts, sessions and feedback as the
evidence for a requirement, from a list with titles and dates)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trainer.cpd.regulators import REGULATORS
from trainer.domain import tokens
from trainer.domain.errors import reason
from trainer.printing.documents import write_pack_pdf
from trainer.services.cpd import Item
from trainer.ui.cpd.controller import CpdController

PICKED_MEASURES = {"evidence": None, "reflections": "reflections", "feedback": "feedback"}
MARKS = {True: "\u2713 Met", False: "Missing", None: "Record elsewhere"}


def wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def table(headers: list[str], name: str) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setAccessibleName(name)
    t.verticalHeader().setVisible(False)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
    t.setWordWrap(True)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return t


def ask_pack_path(parent: QWidget, suggested: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, "Save the revalidation pack", suggested, "PDF document (*.pdf)")
    return path


class RevalidationPage(QWidget):
    status_message = Signal(str)

    def __init__(self, controller: CpdController, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.regulator = QComboBox()
        self.regulator.setAccessibleName("Regulator")
        for reg in REGULATORS.values():
            self.regulator.addItem(reg.name, reg.key)
        self.cycle_end = QDateEdit()
        self.cycle_end.setCalendarPopup(True)
        self.cycle_end.setDisplayFormat("d MMM yyyy")
        self.cycle_end.setAccessibleName("Last day of the revalidation cycle")
        self.cycle = wrapped("")
        self.cycle.setAccessibleName("The cycle")
        self.requirements = table(["Requirement", "Progress", "Status"], "Revalidation requirements")
        self.requirements.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.sources = wrapped("")
        self.sources.setAccessibleName("Sources of the requirements")
        self.sources.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.pack_button = QPushButton("&Write the revalidation pack (PDF)\u2026")
        self.pack_button.setAccessibleName("Save the revalidation pack as a PDF")
        self.pack_button.setAutoDefault(True)
        form = QFormLayout()
        form.addRow("Regulat&or:", self.regulator)
        form.addRow("Cycle ends:", self.cycle_end)
        requirements_label = QLabel("What is &met and what is missing")
        requirements_label.setBuddy(self.requirements)
        row = QHBoxLayout()
        row.addWidget(self.pack_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(tokens.SPACE_2, tokens.SPACE_2, tokens.SPACE_2, tokens.SPACE_2)
        layout.addLayout(form)
        layout.addWidget(self.cycle)
        layout.addWidget(requirements_label)
        layout.addWidget(self.requirements, 1)
        layout.addLayout(row)
        layout.addWidget(self.sources)
        self.regulator.currentIndexChanged.connect(self.on_choice_changed)
        self.cycle_end.dateChanged.connect(self.on_choice_changed)
        self.pack_button.clicked.connect(self.on_pack_clicked)
        self._loading = False

    def refresh(self) -> None:
        self._loading = True
        self.regulator.setCurrentIndex(max(0, self.regulator.findData(self.controller.regulator)))
        end = date.fromisoformat(self.controller.cycle_end)
        self.cycle_end.setDate(QDate(end.year, end.month, end.day))
        self._loading = False
        rv = self.controller.revalidation()
        reg = rv.regulator
        met = sum(1 for s in rv.statuses if s.met)
        counted = sum(1 for s in rv.statuses if s.met is not None)
        self.cycle.setText(
            f"{reg.who}: revalidation {reg.cycle}. This cycle runs from {rv.start} to {rv.end}. "
            f"{met} of the {counted} requirements this app can track are met."
        )
        self.requirements.setRowCount(len(rv.statuses))
        for i, s in enumerate(rv.statuses):
            title = QTableWidgetItem(s.requirement.title)
            title.setToolTip(s.requirement.note)
            self.requirements.setItem(i, 0, title)
            self.requirements.setItem(i, 1, QTableWidgetItem(s.text))
            self.requirements.setItem(i, 2, QTableWidgetItem(MARKS[s.met]))
        self.requirements.resizeRowsToContents()
        self.sources.setText("Sources: " + "; ".join(f"{s.title}, {s.url} (checked {s.checked})" for s in reg.sources))

    def on_choice_changed(self, *_args) -> None:
        if self._loading:
            return
        day = self.cycle_end.date()
        end = date(day.year(), day.month(), day.day()).isoformat()
        if self.controller.choose(str(self.regulator.currentData()), end):
            self.refresh()

    def on_pack_clicked(self) -> None:
        pack = self.controller.pack()
        if pack is None:
            return  # the controller said why
        suggested = f"revalidation-pack-{self.controller.regulator}-{pack['end']}.pdf"
        path = ask_pack_path(self, suggested)
        if not path:
            return
        try:
            pages = write_pack_pdf(pack, Path(path))
        except OSError as exc:
            self.controller.failed.emit(f"The pack could not be saved: {reason(exc)}.")
            return
        self.status_message.emit(f"Revalidation pack saved to {path} ({pages} pages).")


class EvidencePage(QWidget):
    """Choose a requirement, tick the items that are its evidence, keep them."""

    def __init__(self, controller: CpdController, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.requirement = QComboBox()
        self.requirement.setAccessibleName("Requirement to give evidence for")
        self.items = QListWidget()
        self.items.setAccessibleName("Reflections, practice, sessions and feedback to choose from")
        self.items.setWordWrap(True)
        self.items.setSpacing(tokens.SPACE_HALF)
        self.hint = wrapped("")
        self.keep_button = QPushButton("&Use as evidence")
        self.keep_button.setAccessibleName("Keep the ticked items as evidence for this requirement")
        self.keep_button.setAutoDefault(True)
        form = QFormLayout()
        form.addRow("Re&quirement:", self.requirement)
        items_label = QLabel("T&ick the evidence (Space ticks the selected item):")
        items_label.setBuddy(self.items)
        row = QHBoxLayout()
        row.addWidget(self.keep_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(tokens.SPACE_2, tokens.SPACE_2, tokens.SPACE_2, tokens.SPACE_2)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(items_label)
        layout.addWidget(self.items, 1)
        layout.addLayout(row)
        self.requirement.currentIndexChanged.connect(self.fill_items)
        self.keep_button.clicked.connect(self.on_keep_clicked)
        self._candidates: list[Item] = []

    def refresh(self) -> None:
        chosen = self.requirement.currentData()
        self.requirement.blockSignals(True)
        self.requirement.clear()
        for req in self.controller.requirements():
            if req.measure in PICKED_MEASURES:
                self.requirement.addItem(req.title, req.key)
        self.requirement.setCurrentIndex(max(0, self.requirement.findData(chosen)))
        self.requirement.blockSignals(False)
        self._candidates = self.controller.candidates()
        self.fill_items()

    def _requirement(self):
        key = self.requirement.currentData()
        return next((r for r in self.controller.requirements() if r.key == key), None)

    def fill_items(self, *_args) -> None:
        req = self._requirement()
        self.items.clear()
        if req is None:
            self.hint.setText("")
            return
        only = PICKED_MEASURES[req.measure]
        picked = {i.get("uid") for i in self.controller.evidence().get(req.key, [])}
        shown = [c for c in self._candidates if only is None or c.kind == only]
        for cand in shown:
            item = QListWidgetItem(cand.label)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if cand.uid in picked else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, cand.uid)
            self.items.addItem(item)
        what = {"reflections": "reflections", "feedback": "pieces of feedback"}.get(req.measure, "items")
        self.hint.setText(
            (req.note + ". " if req.note else "")
            + (
                f"Tick the {what} that show this; they go into the revalidation pack."
                if shown
                else f"Nothing to choose yet: {what} you record in the app appear here."
            )
        )
        if self.items.count():
            self.items.setCurrentRow(0)

    def ticked(self) -> list[Item]:
        by_uid = {c.uid: c for c in self._candidates}
        out = []
        for row in range(self.items.count()):
            item = self.items.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(by_uid[item.data(Qt.ItemDataRole.UserRole)])
        return out

    def on_keep_clicked(self) -> None:
        req = self._requirement()
        if req is not None:
            self.controller.pick(req.key, self.ticked())
