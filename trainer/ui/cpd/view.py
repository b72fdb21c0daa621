"""The CPD section: the CPD log, revalidation progress, and evidence picking, as tabs.

``CpdView`` holds three pages (``LogPage`` here; ``RevalidationPage`` and
``EvidencePage`` in ``pages.py``), all fed by one ``CpdController`` and all
refreshed when records change (an attendance imported, a backup restored).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from trainer.cpd.rules import KINDS
from trainer.domain import tokens
from trainer.domain.durations import hours_text
from trainer.ui.cpd.controller import CpdController
from trainer.ui.cpd.external import ExternalCpdDialog
from trainer.ui.cpd.pages import EvidencePage, RevalidationPage, table, wrapped

SHORT = {
    "reading": "Reading",
    "checks": "Checks",
    "reviews": "Reviews",
    "scenarios": "Scenarios",
    "consultations": "Your turn",
    "coding": "Coding",
    "team_sessions": "Sessions",
    "reflections": "Reflections",
    "external": "Other",
}


def ask_attendance_file(parent: QWidget) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, "Import attendance file", "", "Attendance file (*.json)")
    return path


def _cell(text: str, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def by_kind_text(kinds: dict[str, int]) -> str:
    """A month's hours by kind in one line, for the table's narrow layout: "Reading 1 h 46 min, Checks 25 min"."""
    return ", ".join(f"{SHORT[k]} {hours_text(kinds[k])}" for k in KINDS if kinds.get(k))


WIDE = ["Month", *[SHORT[k] for k in KINDS], "Total"]
NARROW = ["Month", "Total", "Hours by kind"]


class LogPage(QWidget):
    """Hours by month and kind, and every activity of the log.

    The month table has a column per kind where they fit; in a narrow window or at a large zoom it
    reflows to Month, Total and one wrapped "Hours by kind" line per month, so it never scrolls sideways
    and every figure is still there, in reading order for a screen reader."""

    def __init__(self, controller: CpdController, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.summary = wrapped("")
        self.summary.setAccessibleName("CPD summary")
        self.import_button = QPushButton("&Import attendance file\u2026")
        self.import_button.setAccessibleName("Import an attendance file from a team session")
        self.import_button.setAutoDefault(True)
        self.external_button = QPushButton("Add &other CPD\u2026")
        self.external_button.setAccessibleName("Add CPD done outside the app")
        self.external_button.setAutoDefault(True)
        self.months = table(WIDE, "CPD hours by month and kind")
        self.months.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.month_rows: list[tuple[str, dict[str, int]]] = []
        self.narrow = False
        self.months.installEventFilter(self)
        self.activities = table(["Date", "Activity", "Kind", "Time", "Participatory"], "CPD activities")
        self.activities.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        months_label = QLabel("Hours by &month")
        months_label.setBuddy(self.months)
        activities_label = QLabel("&Activities")
        activities_label.setBuddy(self.activities)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.external_button)
        buttons.addStretch(1)
        top.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(tokens.SPACE_2, tokens.SPACE_2, tokens.SPACE_2, tokens.SPACE_2)
        layout.addLayout(top)
        layout.addWidget(months_label)
        layout.addWidget(self.months, 2)
        layout.addWidget(activities_label)
        layout.addWidget(self.activities, 3)
        self.import_button.clicked.connect(self.on_import_clicked)
        self.external_button.clicked.connect(self.on_external_clicked)
        self.external_dialog: ExternalCpdDialog | None = None

    def refresh(self) -> None:
        log = self.controller.log()
        parts = [f"{hours_text(m)} {SHORT[k].lower()}" for k, m in log.by_kind().items() if m]
        self.summary.setText(
            f"CPD time recorded here: {hours_text(log.minutes)}, of which "
            f"{hours_text(log.participatory_minutes)} participatory (learning with other people). "
            f"Feedback: {log.feedback_count}. Reflections: {len(log.reflections)}."
            + (f"\nBy kind: {', '.join(parts)}." if parts else "\nNothing yet: what you do in the app shows here.")
        )
        self.month_rows = sorted(log.by_month().items(), reverse=True)
        self.fill_months()
        self.fit_months()
        acts = list(reversed(log.activities))
        self.activities.setRowCount(len(acts))
        for row, a in enumerate(acts):
            self.activities.setItem(row, 0, _cell(a.day))
            item = _cell(a.title)
            if a.detail:
                item.setToolTip(a.detail)
            self.activities.setItem(row, 1, item)
            self.activities.setItem(row, 2, _cell(SHORT[a.kind]))
            self.activities.setItem(row, 3, _cell(hours_text(a.minutes), True))
            self.activities.setItem(row, 4, _cell("yes" if a.participatory else "no"))

    def fill_months(self) -> None:
        t = self.months
        t.clearContents()
        t.setColumnCount(len(NARROW if self.narrow else WIDE))
        t.setHorizontalHeaderLabels(NARROW if self.narrow else WIDE)
        header = t.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if self.narrow:
            header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        t.setRowCount(len(self.month_rows))
        for row, (month, kinds) in enumerate(self.month_rows):
            total = _cell(hours_text(sum(kinds.values())), True)
            t.setItem(row, 0, _cell(month))
            if self.narrow:
                t.setItem(row, 1, total)
                t.setItem(row, 2, _cell(by_kind_text(kinds)))
                continue
            for col, kind in enumerate(KINDS, 1):
                t.setItem(row, col, _cell(hours_text(kinds[kind]) if kinds.get(kind) else "", True))
            t.setItem(row, len(KINDS) + 1, total)

    def room(self) -> int:
        """The width the month table's columns may take without a sideways scroll bar."""
        t = self.months
        return t.width() - 2 * t.frameWidth() - t.verticalScrollBar().sizeHint().width()

    def wide_width(self) -> int:
        """The width the column-per-kind layout needs at the current font, measured on the Month
        column, which both layouts share and which is filled: its header's and cells' padding around their text."""
        t = self.months
        head, cells = t.horizontalHeader().fontMetrics(), t.fontMetrics()
        head_pad = t.horizontalHeader().sectionSizeHint(0) - head.horizontalAdvance("Month")
        if not self.month_rows:
            return sum(head.horizontalAdvance(label) + head_pad for label in WIDE)
        longest = max(cells.horizontalAdvance(m) for m, _ in self.month_rows)
        cell_pad = max(0, t.sizeHintForColumn(0) - longest)
        columns = [[m for m, _ in self.month_rows]]
        columns += [[hours_text(k[kind]) for _, k in self.month_rows if k.get(kind)] for kind in KINDS]
        columns.append([hours_text(sum(k.values())) for _, k in self.month_rows])
        return sum(
            max([head.horizontalAdvance(label) + head_pad] + [cells.horizontalAdvance(x) + cell_pad for x in texts])
            for label, texts in zip(WIDE, columns, strict=True)
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.months and event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange):
            self.fit_months()  # a narrower window or a larger zoom
        return super().eventFilter(watched, event)

    def fit_months(self) -> None:
        narrow = self.wide_width() > self.room()
        if narrow != self.narrow:
            self.narrow = narrow
            self.fill_months()

    def on_external_clicked(self) -> None:
        if self.external_dialog is not None:
            self.external_dialog.deleteLater()
        self.external_dialog = ExternalCpdDialog(self.controller, self)
        self.external_dialog.open()

    def on_import_clicked(self) -> None:
        path = ask_attendance_file(self)
        if path:
            self.controller.import_attendance(Path(path))


class CpdView(QWidget):
    status_message = Signal(str)

    def __init__(self, controller: CpdController, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.log_page = LogPage(controller)
        self.revalidation_page = RevalidationPage(controller)
        self.evidence_page = EvidencePage(controller)
        self.pages = QTabWidget()
        self.pages.setAccessibleName("CPD pages")
        self.pages.addTab(self.log_page, "CPD &log")
        self.pages.addTab(self.revalidation_page, "Revali&dation")
        self.pages.addTab(self.evidence_page, "&Evidence")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        controller.records_changed.connect(self.on_records_changed)
        controller.failed.connect(self.on_failed)
        controller.done.connect(self.status_message.emit)
        self.revalidation_page.status_message.connect(self.status_message.emit)
        self.problem_box: QMessageBox | None = None
        self.on_records_changed()

    def on_records_changed(self) -> None:
        """Records came in or changed: every page shows them (``ShowsRecords``)."""
        self.log_page.refresh()
        self.revalidation_page.refresh()
        self.evidence_page.refresh()

    def on_failed(self, message: str) -> None:
        self.status_message.emit(message)
        dialog = self.log_page.external_dialog
        if dialog is not None and dialog.isVisible():
            return  # the dialog shows it beside the fields
        box = QMessageBox(QMessageBox.Icon.Warning, "CPD", message, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("cpd_problem")
        box.open()
        self.problem_box = box
