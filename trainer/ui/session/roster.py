"""Roster panel: plan and session details, participants and attendance."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trainer.domain.safe_text import qt_text
from trainer.sessions.session_code import session_code
from trainer.ui.common.fit import let_combo_shrink, show_full_text
from trainer.ui.common.flow_layout import FlowLayout
from trainer.ui.scenarios.coding_practice import CodingPracticeDialog, calibration_words
from trainer.ui.session.controller import TeamSessionController

COLUMNS = ("Name", "Role", "Team")


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


class RosterPanel(QWidget):
    status_message = Signal(str)

    def __init__(self, controller: TeamSessionController, parent=None):
        super().__init__(parent)
        self.controller = controller
        self._loading = False

        # -- session ----------------------------------------------------------------
        session_box = QGroupBox("Session")
        # Long session and plan names shrink with the column (full text in the tooltip)
        # rather than push the form wider than a small or zoomed window.
        self.sessions_combo = let_combo_shrink(QComboBox())
        self.sessions_combo.setAccessibleName("Open session")
        self.plan_combo = let_combo_shrink(QComboBox())
        self.plan_combo.setAccessibleName("Session plan")
        for plan in controller.plans.values():
            self.plan_combo.addItem(plan.title, plan.id)  # its minutes are on the timeline
            self.plan_combo.setItemData(
                self.plan_combo.count() - 1, f"{plan.title} ({plan.total_minutes} min)", Qt.ItemDataRole.ToolTipRole
            )
        self.delete_button = QPushButton("Delete\u2026")
        self.delete_button.setAccessibleName("Delete this session")
        self.new_button = QPushButton("&New session")
        self.new_button.setAccessibleName("New session from this plan")
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName("Session title")
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setAccessibleName("Session date")
        self.date_edit.setDate(QDate.currentDate())  # until a session is open
        self.team_edit = QLineEdit()
        self.team_edit.setAccessibleName("Team")
        self.team_edit.setPlaceholderText("e.g. Riverside nurses (used to vary partners)")
        self.code_label = QLabel()
        self.code_label.setAccessibleName("Session code for observers")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setToolTip(
            "Read this out: observers type it in File \u203a Observe a team session round\u2026 on their own computers"
        )
        form = QFormLayout(session_box)
        open_row = QHBoxLayout()
        open_row.addWidget(self.sessions_combo, 1)
        open_row.addWidget(self.delete_button)
        form.addRow(_buddy("Open:", self.sessions_combo), open_row)
        # the plan's whole name has the row to itself (a cut-off plan name reads badly); New session below
        form.addRow(_buddy("P&lan:", self.plan_combo), self.plan_combo)
        new_row = QHBoxLayout()
        new_row.addWidget(self.new_button)
        new_row.addStretch(1)
        form.addRow("", new_row)
        form.addRow(_buddy("Title:", self.title_edit), self.title_edit)
        form.addRow(_buddy("Dat&e:", self.date_edit), self.date_edit)
        form.addRow(_buddy("Te&am:", self.team_edit), self.team_edit)
        form.addRow(_buddy("Code:", self.code_label), self.code_label)

        # -- roster -----------------------------------------------------------------
        roster_box = QGroupBox("Participants and attendance")
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        present_header = self.table.horizontalHeaderItem(0)
        assert present_header is not None  # set by setHorizontalHeaderLabels
        present_header.setToolTip("A tick means present today")
        self.table.setAccessibleName("Participants")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        # The columns share the table's width: no column runs off its right edge at any zoom
        # (a cut-short cell shows its full text in a tooltip).
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setMinimumSectionSize(40)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)  # no tall empty box
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("Name (Enter adds)")
        self.name_edit.setAccessibleName("New participant's name")
        self.role_edit = QLineEdit()
        self.role_edit.setPlaceholderText("Role")
        self.role_edit.setAccessibleName("New participant's role")
        self.pteam_edit = QLineEdit()
        self.pteam_edit.setPlaceholderText("Team")
        self.pteam_edit.setAccessibleName("New participant's team")
        self.add_button = QPushButton("Add")
        self.add_button.setAccessibleName("Add participant")
        self.profiles_button = QPushButton("From &profiles\u2026")
        self.profiles_button.setAccessibleName("Add people who have a profile on this computer")
        self.profiles_button.setToolTip("Add learners who have a profile on this computer")
        self.calibrate_button = QPushButton("Calibrate obser&ver\u2026")
        self.calibrate_button.setAccessibleName("Calibrate the selected participant as an observer")
        self.calibrate_button.setToolTip(
            "Before the session: the selected participant codes a consultation an expert has coded, "
            "and their agreement travels with the counts they give"
        )
        self.calibration_dialog: CodingPracticeDialog | None = None
        self.remove_button = QPushButton("Remove selected")
        self.remove_button.setAccessibleName("Remove selected participant")
        self.count_label = QLabel()
        add_row = QHBoxLayout()
        add_row.addWidget(self.name_edit, 2)
        add_row.addWidget(self.role_edit, 1)
        add_row.addWidget(self.pteam_edit, 1)
        add_row.addWidget(self.add_button)
        foot = QWidget()  # wraps onto a second row when narrow
        foot_layout = FlowLayout(foot)
        foot_layout.setContentsMargins(0, 0, 0, 0)
        foot_layout.addWidget(self.count_label)
        foot_layout.addWidget(self.profiles_button)
        foot_layout.addWidget(self.calibrate_button)
        foot_layout.addWidget(self.remove_button)
        roster = QVBoxLayout(roster_box)
        roster.addWidget(self.table)
        roster.addLayout(add_row)
        roster.addWidget(foot)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(session_box)
        layout.addWidget(roster_box)
        layout.addStretch(1)

        self.new_button.clicked.connect(self.on_new_clicked)
        self.delete_button.clicked.connect(self.on_delete_clicked)
        self.add_button.clicked.connect(self.on_add_clicked)
        self.name_edit.returnPressed.connect(self.on_add_clicked)
        self.remove_button.clicked.connect(self.on_remove_clicked)
        self.profiles_button.clicked.connect(self.on_profiles_clicked)
        self.calibrate_button.clicked.connect(self.on_calibrate_clicked)
        controller.calibration_saved.connect(lambda _pid: self.refresh())
        self.remove_button.setToolTip("Remove the selected participant (Delete in the list)")
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.table, context=Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.on_remove_clicked)
        self.table.itemChanged.connect(self.on_table_item_changed)
        self.sessions_combo.activated.connect(lambda i: controller.open_session(self.sessions_combo.itemData(i)))
        self.title_edit.editingFinished.connect(lambda: controller.update_details(title=self.title_edit.text()))
        self.team_edit.editingFinished.connect(lambda: controller.update_details(team=self.team_edit.text()))
        self.date_edit.dateChanged.connect(self.on_date_changed)
        controller.session_opened.connect(lambda _uid: self.refresh())
        controller.session_changed.connect(lambda _uid: self.refresh())
        self.refresh()

    # -- actions -------------------------------------------------------------------
    def on_new_clicked(self) -> None:
        self.controller.new_session(
            self.plan_combo.currentData(), date=QDate.currentDate().toString("yyyy-MM-dd"), team=self.team_edit.text()
        )
        self.name_edit.setFocus()

    def on_delete_clicked(self) -> None:
        session = self.controller.session
        if session is None:
            return
        answer = QMessageBox.question(
            self,
            "Delete session",
            qt_text(
                f"Delete the session \u201c{session['title']}\u201d of {session['date']}, with its "
                "groups and observer notes? Feedback files already exported are not affected."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.controller.delete_session()

    def on_add_clicked(self) -> None:
        name = self.name_edit.text().strip()
        if not name:
            self.status_message.emit("Type the participant's name first.")
            return
        if self.controller.add_participant(name, self.role_edit.text(), self.pteam_edit.text()):
            self.name_edit.clear()
            self.role_edit.clear()
            self.name_edit.setFocus()

    def profile_menu(self) -> QMenu:
        """A menu of local profiles not yet on the roster; choosing one adds them."""
        menu = QMenu(self)
        session = self.controller.session
        present = {p["name"].casefold() for p in (session or {}).get("participants", [])}
        for name, role in self.controller.service.local_profiles():
            if name.casefold() in present:
                continue
            action = menu.addAction(f"{name} ({role})" if role else name)
            action.triggered.connect(
                lambda _=False, n=name, r=role: self.controller.add_participant(
                    n, r, self.controller.session.get("team", "") if self.controller.session else ""
                )
            )
        if menu.isEmpty():
            menu.addAction("No other profiles on this computer").setEnabled(False)
        return menu

    def on_profiles_clicked(self) -> None:
        self.profile_menu().popup(self.profiles_button.mapToGlobal(self.profiles_button.rect().bottomLeft()))

    def on_remove_clicked(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            item = self.table.item(row, 0)
            assert item is not None  # every row has its name item
            self.controller.remove_participant(item.data(Qt.ItemDataRole.UserRole))

    def on_calibrate_clicked(self) -> CodingPracticeDialog | None:
        """Coding practice for the selected participant, kept against their name in this session."""
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        if item is None:
            self.status_message.emit("Select the participant to calibrate first.")
            return None
        pid, name = item.data(Qt.ItemDataRole.UserRole), item.text()

        def save(scenario, chosen):
            result = self.controller.save_calibration(pid, scenario, chosen)
            if result is not None and result.kappa is not None:
                self.status_message.emit(f"{name} calibrated: kappa {result.kappa:.2f}.")
            return result

        self.calibration_dialog = CodingPracticeDialog(self.controller.scenarios, save, name, self)
        self.calibration_dialog.open()
        return self.calibration_dialog

    def on_table_item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() != 0:
            return
        pid = item.data(Qt.ItemDataRole.UserRole)
        self.controller.set_present(pid, item.checkState() == Qt.CheckState.Checked)
        session = self.controller.session
        if session and session.get("rounds"):
            self.status_message.emit("Attendance changed: press Reshuffle to make groups for who is here.")

    def on_date_changed(self, date: QDate) -> None:
        if not self._loading:
            self.controller.update_details(date=date.toString("yyyy-MM-dd"))

    def set_present(self, row: int, present: bool) -> None:
        item = self.table.item(row, 0)
        assert item is not None  # every row has its name item
        item.setCheckState(Qt.CheckState.Checked if present else Qt.CheckState.Unchecked)

    # -- showing -------------------------------------------------------------------
    def refresh(self) -> None:
        c = self.controller
        session = c.session
        self._loading = True
        self.sessions_combo.clear()
        for rec in c.service.sessions():
            self.sessions_combo.addItem(f"{rec['date']} \u00b7 {rec['title']}", rec["uid"])
        if session is None:
            self.sessions_combo.setCurrentIndex(-1)
            # Short: a combo is never narrower than its placeholder. The run panel says what to do.
            self.sessions_combo.setPlaceholderText("No session yet")
            show_full_text(self.sessions_combo)
        else:
            self.sessions_combo.setCurrentIndex(self.sessions_combo.findData(session["uid"]))
            self.plan_combo.setCurrentIndex(max(0, self.plan_combo.findData(session["plan_id"])))
            self.title_edit.setText(session["title"])
            self.team_edit.setText(session.get("team", ""))
            self.date_edit.setDate(QDate.fromString(session["date"], "yyyy-MM-dd"))
        self.code_label.setText(
            f"<b>{session_code(session['uid'])}</b> (for observers' own forms)" if session else "\u2013"
        )
        for widget in (
            self.delete_button,
            self.title_edit,
            self.date_edit,
            self.table,
            self.name_edit,
            self.role_edit,
            self.pteam_edit,
            self.add_button,
            self.remove_button,
            self.profiles_button,
        ):
            widget.setEnabled(session is not None)
        self.calibrate_button.setEnabled(session is not None and any(s.coded_turns() for s in c.scenarios))
        people = session["participants"] if session else []
        self.table.setRowCount(len(people))
        for row, person in enumerate(people):
            name = QTableWidgetItem(person["name"])
            name.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            name.setCheckState(Qt.CheckState.Checked if person.get("present") else Qt.CheckState.Unchecked)
            name.setData(Qt.ItemDataRole.UserRole, person["id"])
            calibrated = calibration_words(c.calibration(person["id"])) if session else ""
            name.setToolTip(
                qt_text(f"{person['name']}\nTicked: present today. Untick anyone who did not come.\n{calibrated}")
            )
            self.table.setItem(row, 0, name)
            for col, key in ((1, "role"), (2, "team")):
                cell = QTableWidgetItem(person.get(key, ""))
                cell.setToolTip(qt_text(person.get(key, "")))
                self.table.setItem(row, col, cell)
        n_present = sum(1 for p in people if p.get("present"))
        self.count_label.setText(f"{n_present} present of {len(people)}" if people else "No one added yet")
        self._loading = False
