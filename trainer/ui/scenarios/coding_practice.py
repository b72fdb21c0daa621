"""Coding practice: code each practitioner turn of a gold-standard consultation, then compare.

The learner (or an observer calibrating before a team session) sees one
expert-coded turn at a time and codes it with the observer counter's keys
(O, C, S, X, A, U, P, W; Backspace goes back one turn). After the last turn
the round is saved and the dialog shows percent agreement and Cohen's kappa,
agreement per code, and every turn where they differed with the expert's reason.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from trainer.competencies.agreement import describe_kappa
from trainer.competencies.coding import BY_ID, BY_KEY, CODES
from trainer.scenarios.coding_practice import PracticeItem, PracticeResult, practice_items
from trainer.scenarios.model import Scenario
from trainer.ui.scenarios.results_text import differences_html

SaveRound = Callable[[Scenario, list[str]], PracticeResult | None]


def _pct(x: float | None) -> str:
    return "\u2013" if x is None else f"{round(x * 100)}%"


def calibration_words(calibration: dict | None) -> str:
    """ "Calibration: kappa 0.72 (substantial), 80% agreement on 30 turns, 3 Dec 2026"."""
    if not calibration or calibration.get("kappa") is None:
        return "Not calibrated in this session."
    kappa = calibration["kappa"]
    day = str(calibration.get("date", ""))
    try:
        when = date.fromisoformat(day[:10])
        on = f", {when.day} {when.strftime('%b %Y')}"
    except ValueError:
        on = ""
    return (
        f"Calibration: kappa {kappa:.2f} ({describe_kappa(kappa)}), {_pct(calibration.get('agreement'))} "
        f"agreement on {calibration.get('items', 0)} turns{on}."
    )


def _wrapped(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class CodingPracticeDialog(QDialog):
    def __init__(self, scenarios: list[Scenario], save: SaveRound, observer_name: str = "", parent=None):
        super().__init__(parent)
        self.scenarios = [s for s in scenarios if s.coded_turns()]
        self._save = save
        self.items: list[PracticeItem] = []
        self.chosen: list[str] = []
        self.outcome: PracticeResult | None = None
        who = f" \u2014 calibrating {observer_name}" if observer_name else ""
        self.setWindowTitle(f"Coding practice{who}")
        self.setAccessibleName("Coding practice")
        self.resize(820, 600)

        self.scenario_combo = QComboBox()
        self.scenario_combo.setAccessibleName("Consultation to code")
        for s in self.scenarios:
            self.scenario_combo.addItem(f"{s.title} ({s.practitioner}, {len(s.coded_turns())} turns)", s.id)
        scenario_label = QLabel("Consultation:")
        scenario_label.setBuddy(self.scenario_combo)
        top = QHBoxLayout()
        top.addWidget(scenario_label)
        top.addWidget(self.scenario_combo, 1)

        # -- coding page ------------------------------------------------------------------
        self.progress_label = _wrapped()
        self.progress_label.setAccessibleName("Which turn")
        self.context_label = _wrapped()
        self.context_label.setAccessibleName("What the person said just before")
        self.words_label = _wrapped()
        self.words_label.setAccessibleName("The practitioner's turn to code")
        big = self.words_label.font()
        big.setPointSizeF(big.pointSizeF() * 1.25)
        self.words_label.setFont(big)
        self.words_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        help_label = _wrapped(
            "Code what the practitioner does in this turn: press its letter or choose a button. "
            "Backspace goes back one turn."
        )
        self.code_buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for i, code in enumerate(CODES):
            button = QPushButton(f"{code.key}  {code.label}")
            button.setAccessibleName(f"{code.label}, key {code.key}")
            button.setMinimumHeight(40)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, c=code.id: self.code(c))
            grid.addWidget(button, i // 4, i % 4)
            self.code_buttons[code.id] = button
        self.back_button = QPushButton("\u2190 &Back one turn")
        self.back_button.setAccessibleName("Back one turn (Backspace)")
        self.back_button.clicked.connect(self.back)
        coding = QWidget()
        box = QVBoxLayout(coding)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.progress_label)
        box.addWidget(self.context_label)
        box.addWidget(self.words_label)
        box.addStretch(1)
        box.addWidget(help_label)
        box.addLayout(grid)
        box.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)

        # -- results page -----------------------------------------------------------------
        self.summary_label = _wrapped()
        self.summary_label.setAccessibleName("Agreement with the expert")
        bold = self.summary_label.font()
        bold.setBold(True)
        self.summary_label.setFont(bold)
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName("Agreement per code")
        self.table.setHorizontalHeaderLabels(["Code", "Expert", "You", "Both", "Agreement"])
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 220)
        self.differences = QTextBrowser()
        self.differences.setAccessibleName("Turns where you and the expert differed")
        self.again_button = QPushButton("Code &again")
        self.again_button.setAccessibleName("Code this consultation again")
        self.again_button.clicked.connect(self.start)
        results = QWidget()
        rbox = QVBoxLayout(results)
        rbox.setContentsMargins(0, 0, 0, 0)
        rbox.addWidget(self.summary_label)
        rbox.addWidget(self.table, 2)
        rbox.addWidget(_wrapped("Where you differed, and the expert's reason:"))
        rbox.addWidget(self.differences, 3)
        rbox.addWidget(self.again_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.stack = QStackedWidget()
        self.stack.addWidget(coding)
        self.stack.addWidget(results)
        self.close_button = QPushButton("Close")
        self.close_button.setAccessibleName("Close coding practice")
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)
        self.scenario_combo.currentIndexChanged.connect(lambda _i: self.start())
        self.start()

    def select(self, scenario_id: str) -> None:
        index = self.scenario_combo.findData(scenario_id)
        if index >= 0:
            self.scenario_combo.setCurrentIndex(index)

    @property
    def scenario(self) -> Scenario | None:
        index = self.scenario_combo.currentIndex()
        return self.scenarios[index] if 0 <= index < len(self.scenarios) else None

    # -- coding -----------------------------------------------------------------------------
    def start(self) -> None:
        scenario = self.scenario
        self.items = practice_items(scenario) if scenario else []
        self.chosen, self.outcome = [], None
        self.stack.setCurrentIndex(0)
        self._show_turn()
        first = self.code_buttons[CODES[0].id]
        first.setFocus()

    def _show_turn(self) -> None:
        n = len(self.chosen)
        if not self.items:
            self.progress_label.setText("No consultation with expert codes in this course yet.")
            self.context_label.setText("")
            self.words_label.setText("")
            return
        item = self.items[n]
        last = f" You coded the last one: {BY_ID[self.chosen[-1]].label}." if self.chosen else ""
        self.progress_label.setText(f"Turn {n + 1} of {len(self.items)} \u00b7 {item.moment}.{last}")
        self.context_label.setText(f"Before it: \u201c{item.before}\u201d" if item.before else "")
        self.context_label.setVisible(bool(item.before))
        self.words_label.setText(f"{item.speaker}: {item.words}")
        self.back_button.setEnabled(n > 0)

    def code(self, code_id: str) -> None:
        if self.stack.currentIndex() != 0 or len(self.chosen) >= len(self.items):
            return
        self.chosen.append(code_id)
        if len(self.chosen) < len(self.items):
            self._show_turn()
            return
        scenario = self.scenario
        result = self._save(scenario, list(self.chosen)) if scenario else None
        if result is None:  # not saved (the failure is reported): let them try the last one again
            self.chosen.pop()
            return
        self.show_result(result)

    def back(self) -> None:
        if self.stack.currentIndex() == 0 and self.chosen:
            self.chosen.pop()
            self._show_turn()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.stack.currentIndex() == 0 and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            code = BY_KEY.get(event.text().upper())
            if code is not None:
                self.code(code.id)
                return
            if event.key() == Qt.Key.Key_Backspace:
                self.back()
                return
        super().keyPressEvent(event)

    # -- results ----------------------------------------------------------------------------
    def show_result(self, result: PracticeResult) -> None:
        self.outcome = result
        same = result.items - len(result.differences)
        kappa = "\u2013" if result.kappa is None else f"{result.kappa:.2f}"
        self.summary_label.setText(
            f"You agreed with the expert on {same} of {result.items} turns ({_pct(result.agreement)}). "
            f"Cohen's kappa {kappa} ({describe_kappa(result.kappa)}): agreement beyond what chance would give."
        )
        rows = [r for r in result.by_code if r.reference or r.coded]
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            cells = [BY_ID[row.code].label, str(row.reference), str(row.coded), str(row.both), _pct(row.agreement)]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if col:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, col, cell)
        self.differences.setHtml(differences_html(result))
        self.stack.setCurrentIndex(1)
        self.again_button.setFocus()
