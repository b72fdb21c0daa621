"""The end of a consultation: your path beside the expert's, your figures against the
course's thresholds, replay from any turn, and "Reflect on this"."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from trainer.competencies.coding import Measure
from trainer.consultations.model import Consultation
from trainer.consultations.scoring import PathResult
from trainer.ui.consultations.conversation import codes_text
from trainer.ui.consultations.widgets import Box, button_row, column, heading, wrapped

FIGURE_HEADERS = ("Figure", "You", "Expert path", "Fair", "Good")
PATH_HEADERS = ("Turn", "They said", "You said", "The expert said")


def short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def measure_text(m: Measure) -> str:
    if m.value is None:
        return m.text
    return f"{m.text} \u2014 {m.verdict}"


def minutes_text(seconds: float) -> str:
    """Whole minutes, rounded up as the portfolio counts them (export/sections_consultations.py)."""
    minutes = math.ceil(max(0.0, seconds) / 60)
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def _item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    item.setToolTip(text)
    return item


def _table(headers: tuple[str, ...], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(True)
    table.setTabKeyNavigation(False)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return table


def _fit_height(table: QTableWidget) -> None:
    """As tall as its rows: the page scrolls, not the table."""
    table.resizeRowsToContents()
    height = table.horizontalHeader().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(r) for r in range(table.rowCount()))
    table.setFixedHeight(height + 2)


class SummaryPage(QWidget):
    replay_requested = Signal(int)  # replay from this decision (0-based)
    reflect_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._fitting = False
        self.title = heading("")
        self.ending_box = Box("consultationEnding")
        self.ending = wrapped(name="consultationEndingLine")
        self.ending_note = wrapped(name="consultationEndingNote")
        italic = self.ending_note.font()
        italic.setItalic(True)
        self.ending_note.setFont(italic)
        self.last_feedback = wrapped(name="consultationLastFeedback")
        for widget in (self.last_feedback, self.ending_note, self.ending):
            self.ending_box.layout_.addWidget(widget)
        self.overview = wrapped(name="consultationOverview")
        self.figures_title = heading("Your figures against the course's thresholds", 1.1)
        self.figures = _table(FIGURE_HEADERS, "consultationFigures")
        self.figures.setAccessibleName("Your figures beside the expert path's, with the fair and good thresholds")
        self.thresholds_note = wrapped(
            "Thresholds from the MITI 4.2.1 manual (reflections to questions 1:1 fair, 2:1 good; complex "
            "reflections 40% and 50%), MITI 3.1.1 for open questions (50% and 70%), and this course's own for "
            "advice with permission. MITI's thresholds are provisional and were set for whole MI sessions."
        )
        self.path_title = heading("Your path beside the expert's", 1.1)
        self.path = _table(PATH_HEADERS, "consultationPath")
        self.path.setAccessibleName("Your path: each turn, what you said and what the expert said")
        self.path.setAccessibleDescription("Choose a turn and press Enter to replay from it")
        self.replay_button = QPushButton("Rep&lay from this turn")
        self.replay_button.setAccessibleName("Replay the consultation from the turn chosen in the path table")
        self.reflect_button = QPushButton("Reflect o&n this")
        self.reflect_button.setAccessibleName("Reflect on this consultation in the Journal")
        self.back_button = QPushButton("&Back to the list")
        self.back_button.setAccessibleName("Back to the list of consultations")
        self.page_scroll, layout = column()
        shown: tuple[QWidget, ...] = (self.title, self.ending_box, self.overview, self.figures_title, self.figures)
        for part in shown:
            layout.addWidget(part)
        layout.addWidget(self.thresholds_note)
        layout.addWidget(self.path_title)
        layout.addWidget(self.path)
        layout.addLayout(button_row(self.replay_button, self.reflect_button, self.back_button))
        layout.addStretch(1)
        outer = QGridLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.page_scroll, 0, 0)
        for table in (self.figures, self.path):  # wrapped rows grow or shrink with their columns
            table.horizontalHeader().sectionResized.connect(lambda *_args, t=table: self._refit(t))
        self.replay_button.clicked.connect(self._replay)
        self.path.activated.connect(lambda index: self.replay_requested.emit(index.row()))
        self.reflect_button.clicked.connect(self.reflect_requested.emit)
        self.back_button.clicked.connect(self.back_requested.emit)

    def show_result(self, consultation: Consultation, result: PathResult, seconds: float, last_feedback: str) -> None:
        end = consultation.node(result.end)
        self.title.setText(f"How it went: {consultation.title}")
        self.last_feedback.setText(last_feedback)
        self.ending_note.setText(end.note)
        self.ending_note.setVisible(bool(end.note))
        self.ending.setText(f"{consultation.person}: \u201c{end.person}\u201d")
        self.ending_box.setAccessibleName("How the consultation ended")
        self.ending_box.setAccessibleDescription(f"{last_feedback} {end.note} {self.ending.text()}")
        self.overview.setText(
            f"You chose as the expert did at {result.matches} of {result.decisions} decisions. "
            f"Time: {minutes_text(seconds)}, counted as CPD time. The attempt is saved."
        )
        self._fill_figures(result)
        self._fill_path(consultation, result)
        self.path.setCurrentCell(0, 0)
        self.reflect_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill_figures(self, result: PathResult) -> None:
        self.figures.setRowCount(len(result.figures))
        for row, (mine, expert) in enumerate(zip(result.figures, result.expert_figures, strict=True)):
            cells = (mine.label, measure_text(mine), measure_text(expert), mine.fair_text, mine.good_text)
            for col, text in enumerate(cells):
                self.figures.setItem(row, col, _item(text))
        header = self.figures.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        _fit_height(self.figures)

    def _fill_path(self, consultation: Consultation, result: PathResult) -> None:
        self.path.setRowCount(len(result.steps))
        for row, step in enumerate(result.steps):
            node = consultation.node(step.node)
            mine = node.responses[step.choice]
            expert = next(r for r in node.responses if r.expert)
            theirs = "The same" if mine.expert else f"{expert.say} ({codes_text(expert.codes)})"
            cells = (str(row + 1), short(node.person), f"{mine.say} ({codes_text(mine.codes)})", theirs)
            for col, text in enumerate(cells):
                self.path.setItem(row, col, _item(text))
        header = self.path.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        _fit_height(self.path)

    def _refit(self, table: QTableWidget) -> None:
        if table.rowCount() and not self._fitting:
            self._fitting = True
            try:
                _fit_height(table)
            finally:
                self._fitting = False

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        for table in (self.figures, self.path):
            self._refit(table)

    def _replay(self) -> None:
        row = self.path.currentRow()
        self.replay_requested.emit(max(0, row))
