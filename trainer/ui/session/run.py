"""Run panel: the plan's phases, the timer and its controls, the presenter toggle."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trainer.domain import tokens
from trainer.ui.common.appearance import current_theme
from trainer.ui.common.check_box import CheckBox
from trainer.ui.session.controller import TeamSessionController


class RunPanel(QWidget):
    presenter_toggled = Signal(bool)

    def __init__(self, controller: TeamSessionController, parent=None):
        super().__init__(parent)
        self.controller = controller
        self._loading = False

        box = QGroupBox("Run the session")
        self.phase_list = QListWidget()
        self.phase_list.setAccessibleName("Phases of the plan")
        self.phase_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.phase_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.total_label = QLabel()
        self.timer_label = QLabel("0:00")
        self.timer_label.setAccessibleName("Time left in this phase")
        font = self.timer_label.font()
        font.setPointSize(max(20, font.pointSize() * 3))
        font.setBold(True)
        self.timer_label.setFont(font)
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phase_title = QLabel()
        self.phase_title.setWordWrap(True)
        self.phase_title.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.start_button = QPushButton("Start")
        self.start_button.setAccessibleName("Start or pause the timer")
        self.start_button.setToolTip("Start or pause the timer (Ctrl+Space; Space on the presenter view)")
        self.start_shortcut = QShortcut(
            QKeySequence("Ctrl+Space"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        self.extend_button = QPushButton("+1 m&in")
        self.extend_button.setAccessibleName("Add one minute")
        self.prev_button = QPushButton("\u2190 &Previous")
        self.prev_button.setAccessibleName("Previous phase")
        self.next_button = QPushButton("Ne&xt \u2192")
        self.next_button.setAccessibleName("Next phase")
        self.presenter_button = QPushButton("Open presenter vie&w")
        self.presenter_button.setCheckable(True)
        self.presenter_button.setAccessibleName("Open or close the presenter view")
        self.sound_box = CheckBox("Beep when time is up")
        self.sound_box.setAccessibleName("Beep when time is up")

        buttons = QGridLayout()
        buttons.addWidget(self.start_button, 0, 0)
        buttons.addWidget(self.extend_button, 0, 1)
        buttons.addWidget(self.prev_button, 1, 0)
        buttons.addWidget(self.next_button, 1, 1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.phase_list, 1)
        layout.addWidget(self.total_label)
        layout.addWidget(self.phase_title)
        layout.addWidget(self.timer_label)
        layout.addLayout(buttons)
        layout.addWidget(self.presenter_button)
        layout.addWidget(self.sound_box)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(box)

        self.start_button.clicked.connect(controller.toggle_timer)
        self.start_shortcut.activated.connect(controller.toggle_timer)
        self.extend_button.clicked.connect(lambda: controller.extend(60))
        self.prev_button.clicked.connect(controller.previous_phase)
        self.next_button.clicked.connect(controller.next_phase)
        self.presenter_button.toggled.connect(self.presenter_toggled)
        self.phase_list.currentRowChanged.connect(self.on_list_row_changed)
        controller.session_opened.connect(lambda _uid: self.refresh())
        controller.phase_changed.connect(self.on_controller_phase_changed)
        controller.timer_ticked.connect(self.on_controller_timer_ticked)
        controller.timer_finished.connect(self.on_controller_timer_ticked)
        self.refresh()

    def refresh(self) -> None:
        plan = self.controller.plan
        self._loading = True
        self.phase_list.clear()
        if plan is not None:
            start = 0
            for i, phase in enumerate(plan.phases):
                label = (
                    phase.title
                    if phase.title.casefold().startswith(phase.kind_label.casefold())
                    else f"{phase.kind_label}: {phase.title}"
                )
                item = QListWidgetItem(f"{start:>3}\u2032  {i + 1}. {label} ({phase.minutes} min)")
                item.setToolTip(f"{phase.title}\n{phase.instructions}".strip())
                self.phase_list.addItem(item)
                start += phase.minutes
            self.total_label.setText(f"{len(plan.phases)} phases, {plan.total_minutes} minutes in all")
        else:
            self.total_label.setText("Choose a plan and press New session.")
        for widget in (self.start_button, self.extend_button, self.prev_button, self.next_button, self.phase_list):
            widget.setEnabled(plan is not None)
        self._loading = False
        self.on_controller_phase_changed(self.controller.phase_index)

    def on_list_row_changed(self, row: int) -> None:
        if not self._loading and row >= 0:
            self.controller.go_to_phase(row)

    def on_controller_phase_changed(self, index: int) -> None:
        self._loading = True
        self.phase_list.setCurrentRow(index if self.phase_list.count() else -1)
        self._loading = False
        phase = self.controller.phase
        self.phase_title.setText(f"<b>{html.escape(phase.title)}</b>" if phase else "")
        plan = self.controller.plan
        self.prev_button.setEnabled(plan is not None and index > 0)
        self.next_button.setEnabled(plan is not None and index < len(plan.phases) - 1)
        self.on_controller_timer_ticked()

    def on_controller_timer_ticked(self) -> None:
        c = self.controller
        self.timer_label.setText(c.remaining_text() if c.phase else "0:00")
        finished = c.phase is not None and c.time_is_up
        if finished:
            self.start_button.setText("Time is up")
        elif c.timer.running:
            self.start_button.setText("Pause")
        else:
            self.start_button.setText("Resume" if c.timer.started else "Start")
        self.start_button.setEnabled(c.phase is not None and not finished)
        self.timer_label.setStyleSheet(f"color: {tokens.colour(current_theme(), 'timer_done')};" if finished else "")
