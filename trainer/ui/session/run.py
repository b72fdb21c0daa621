"""Run panel: the current phase large with its time left, the timer's controls, the
session's timeline and progress, and (placed by the view in a column of its own)
the list of phases with their start times.

Sizes come from the application font (so they follow the zoom): the title at
1.6 times, the countdown at 3 times; colours are palette roles.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPainter, QPalette, QPen, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trainer.domain import tokens
from trainer.sessions.timeline import clock_text, phase_row, phase_starts, progress_text, session_elapsed
from trainer.ui.common.appearance import current_theme
from trainer.ui.common.check_box import CheckBox
from trainer.ui.session.controller import TeamSessionController
from trainer.ui.session.phase_rows import ROW, fit_height, set_up_phase_list
from trainer.ui.session.timeline import PhaseBar

LIST_SCALE = 1.1
# (title, countdown) sizes as times the application font: larger where the window is wide
SIZES_NARROW, SIZES_WIDE = (1.6, 3.0), (2.0, 3.6)
CARD_RADIUS = 8
WIDE_PX = 1500  # a panel at least this wide (a full-HD screen) takes the larger sizes
PROGRESS_STEPS = 1000


def scaled_font(widget: QWidget, scale: float, bold: bool = False) -> None:
    """``widget``'s font at ``scale`` times the font it has now (the zoom keeps the ratio)."""
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    widget.setFont(font)


class RunPanel(QWidget):
    presenter_toggled = Signal(bool)

    def __init__(self, controller: TeamSessionController, parent=None):
        super().__init__(parent)
        self.controller = controller
        self._loading = False
        self._wide: bool | None = None
        self.setObjectName("nowCard")
        self.setAccessibleName("Now")

        # -- the current phase, large ---------------------------------------------------
        self.step_label = QLabel()  # "PRACTICE · Phase 5 of 14 · 8 min"
        self.step_label.setAccessibleName("Phase")
        self.phase_title = QLabel()
        self.phase_title.setAccessibleName("Current phase")
        self.phase_title.setWordWrap(True)
        self._sizes: tuple[float, float] | None = None
        self.next_label = QLabel()
        self.next_label.setAccessibleName("Next phase")
        self.next_label.setWordWrap(True)
        self.timer_label = QLabel("0:00")
        self.timer_label.setAccessibleName("Time left in this phase")
        self.apply_sizes(SIZES_NARROW)
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.state_label = QLabel()
        self.state_label.setAccessibleName("Timer")
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        # -- controls ---------------------------------------------------------------------
        self.start_button = QPushButton("Start")
        self.start_button.setAccessibleName("Start or pause the timer")
        self.start_button.setToolTip("Start or pause the timer (Ctrl+Space; Space on the presenter view)")
        self.start_button.setDefault(False)
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

        # -- the whole session ------------------------------------------------------------
        self.bar = PhaseBar()
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Progress through the session")
        self.progress.setTextVisible(False)  # the words sit beside it, never split by its fill
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setMaximumHeight(max(6, self.fontMetrics().height() // 2))
        self.progress_label = QLabel()
        self.progress_label.setAccessibleName("Time through the session")

        info = QWidget()
        info_layout = QVBoxLayout(info)
        info_layout.setContentsMargins(0, 0, 0, 0)
        info_layout.setSpacing(tokens.SPACE_HALF)
        info_layout.addWidget(self.step_label)
        info_layout.addWidget(self.phase_title)
        info_layout.addWidget(self.next_label)
        info_layout.addStretch(1)
        clock = QWidget()
        clock_layout = QVBoxLayout(clock)
        clock_layout.setContentsMargins(0, 0, 0, 0)
        clock_layout.setSpacing(0)
        clock_layout.addWidget(self.timer_label)
        clock_layout.addWidget(self.state_label)
        clock_layout.addStretch(1)
        buttons = QWidget()
        grid = QGridLayout(buttons)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.start_button, 0, 0)
        grid.addWidget(self.extend_button, 0, 1)
        grid.addWidget(self.presenter_button, 0, 2)
        grid.addWidget(self.prev_button, 1, 0)
        grid.addWidget(self.next_button, 1, 1)
        grid.addWidget(self.sound_box, 1, 2)
        self.info, self.clock, self.buttons = info, clock, buttons
        self.top = QGridLayout()
        self.top.setHorizontalSpacing(tokens.SPACE_3)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.progress_label)
        layout = self.card_layout = QVBoxLayout(self)
        layout.setContentsMargins(tokens.SPACE_2, tokens.SPACE_1, tokens.SPACE_2, tokens.SPACE_1)
        layout.addLayout(self.top)
        layout.addWidget(self.bar)
        layout.addLayout(progress_row)
        self.arrange(wide=True)

        # -- the list of phases (the view gives it a column) ------------------------------
        self.phases_box = QGroupBox("Phases")
        self.phase_list = QListWidget()
        self.phase_list.setAccessibleName("Phases of the plan")
        self.phase_list.setWordWrap(True)  # a long title takes two lines, never an ellipsis
        self.phase_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        set_up_phase_list(self.phase_list)
        self.phase_list.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.phase_list.installEventFilter(self)
        self._list_viewport = self.phase_list.viewport()
        self._list_viewport.installEventFilter(self)
        self._relayout = QTimer(self)  # rows re-measured once the list's width settles
        self._relayout.setSingleShot(True)
        self._relayout.timeout.connect(self.on_relayout_timeout)
        self.phase_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.phase_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        scaled_font(self.phase_list, LIST_SCALE)
        self.total_label = QLabel()
        self.total_label.setWordWrap(True)
        phases = QVBoxLayout(self.phases_box)
        phases.addWidget(self.total_label)
        phases.addWidget(self.phase_list)
        self.apply_muted()

        self.start_button.clicked.connect(controller.toggle_timer)
        self.start_shortcut.activated.connect(controller.toggle_timer)
        self.extend_button.clicked.connect(lambda: controller.extend(60))
        self.prev_button.clicked.connect(controller.previous_phase)
        self.next_button.clicked.connect(controller.next_phase)
        self.presenter_button.toggled.connect(self.presenter_toggled)
        self.phase_list.currentRowChanged.connect(self.on_list_row_changed)
        self.bar.phase_activated.connect(controller.go_to_phase)
        controller.session_opened.connect(lambda _uid: self.refresh())
        controller.phase_changed.connect(self.on_controller_phase_changed)
        controller.timer_ticked.connect(self.on_controller_timer_ticked)
        controller.timer_finished.connect(self.on_controller_timer_ticked)
        self.refresh()

    # -- layout --------------------------------------------------------------------------
    def arrange(self, wide: bool) -> None:
        """Wide: phase, countdown and buttons side by side; narrow: one above the other."""
        if wide == self._wide:
            return
        self._wide = wide
        for w in (self.info, self.clock, self.buttons):
            self.top.removeWidget(w)
        for col in range(3):
            self.top.setColumnStretch(col, 0)
        if wide:
            self.top.addWidget(self.info, 0, 0)
            self.top.addWidget(self.clock, 0, 1)
            self.top.addWidget(self.buttons, 0, 2)
            self.top.setColumnStretch(0, 1)
        else:  # one above the other, the buttons on a row of their own (wide at a large zoom)
            self.top.addWidget(self.info, 0, 0, 1, 2)
            self.top.addWidget(self.clock, 1, 0, 1, 2)
            self.top.addWidget(self.buttons, 2, 0, 1, 2)
            self.top.setColumnStretch(1, 1)

    def wide_width(self) -> int:
        """The width the side-by-side arrangement needs."""
        m = self.card_layout.contentsMargins()
        title = self.phase_title.fontMetrics().averageCharWidth() * 24
        return (
            title
            + self.clock.sizeHint().width()
            + self.buttons.sizeHint().width()
            + 2 * self.top.horizontalSpacing()
            + m.left()
            + m.right()
        )

    def apply_sizes(self, sizes: tuple[float, float]) -> None:
        """The title and countdown at these times the application font (which holds the zoom)."""
        if sizes == self._sizes:
            return
        old = self._sizes or (1.0, 1.0)  # the labels start at the application font
        self._sizes = sizes
        for label, was, scale in zip((self.phase_title, self.timer_label), old, sizes):
            font = label.font()  # its size already follows any zoom since: keep that, change the ratio
            font.setPointSizeF(font.pointSizeF() * scale / was)
            font.setBold(True)
            label.setFont(font)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.apply_sizes(SIZES_WIDE if self.width() >= WIDE_PX else SIZES_NARROW)
        self.arrange(self.width() >= self.wide_width())

    def apply_muted(self) -> None:
        """Secondary words in the palette's muted colour (AA in both themes); the progress bar's
        track in the mid tone, so the part to come shows in dark mode too (set again on a theme
        change: a style sheet reads the palette when it is set)."""
        self.progress.setStyleSheet(
            "QProgressBar { background: palette(mid); border: none; border-radius: 3px; }"
            " QProgressBar::chunk { background: palette(highlight); border-radius: 3px; }"
        )
        for label in (self.step_label, self.next_label, self.state_label, self.progress_label, self.total_label):
            pal = label.palette()
            pal.setColor(QPalette.ColorRole.WindowText, self.palette().color(QPalette.ColorRole.PlaceholderText))
            label.setPalette(pal)
        self.on_controller_timer_ticked()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.apply_muted()

    def paintEvent(self, event) -> None:
        """A card: the palette's base colour with a mid-tone border (follows the theme)."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(self.palette().color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), CARD_RADIUS, CARD_RADIUS)
        painter.end()

    # -- showing -------------------------------------------------------------------------
    def refresh(self) -> None:
        plan = self.controller.plan
        self._loading = True
        self.phase_list.clear()
        if plan is not None:
            starts = phase_starts([p.minutes for p in plan.phases])
            for i, phase in enumerate(plan.phases):
                item = QListWidgetItem(phase_row(starts[i], phase.title, phase.minutes))
                item.setToolTip(f"{phase.kind_label}: {phase.title}\n{phase.instructions}".strip())
                item.setData(ROW, (clock_text(starts[i]), phase.title, f"{phase.minutes} min"))
                item.setData(
                    Qt.ItemDataRole.AccessibleTextRole,
                    f"{clock_text(starts[i])}, {phase.kind_label}: {phase.title}, {phase.minutes} min",
                )
                self.phase_list.addItem(item)
            self.total_label.setText(f"{len(plan.phases)} phases, {plan.total_minutes} minutes in all")
            self.bar.set_phases([p.title for p in plan.phases], [p.minutes for p in plan.phases])
        else:
            self.total_label.setText("Choose a plan and press New session.")
            self.bar.set_phases([], [])
        # no plan, no timeline: the card says what to do, without an empty bar or a 0:00
        for widget in (self.bar, self.progress, self.progress_label, self.clock):
            widget.setVisible(plan is not None)
        for widget in (
            self.start_button,
            self.extend_button,
            self.prev_button,
            self.next_button,
            self.phase_list,
            self.bar,
        ):
            widget.setEnabled(plan is not None)
        self._loading = False
        self.fit_phase_list()
        self.on_controller_phase_changed(self.controller.phase_index)

    def fit_phase_list(self) -> None:
        """Tall enough for every phase when there is room, never a tall empty box."""
        low, high = fit_height(self.phase_list, min_rows=5)
        self.phase_list.setMinimumHeight(low)
        self.phase_list.setMaximumHeight(high)

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange) and (
            watched is self.phase_list or watched is self._list_viewport
        ):
            self._relayout.start(0)
        return super().eventFilter(watched, event)

    def on_relayout_timeout(self) -> None:
        """A row's height depends on the width (a long title wraps): measure again."""
        self.phase_list.doItemsLayout()
        self.fit_phase_list()

    def on_list_row_changed(self, row: int) -> None:
        if not self._loading and row >= 0:
            self.controller.go_to_phase(row)

    def on_controller_phase_changed(self, index: int) -> None:
        self._loading = True
        self.phase_list.setCurrentRow(index if self.phase_list.count() else -1)
        self._loading = False
        c = self.controller
        phase, plan = c.phase, c.plan
        if phase is None or plan is None:
            self.step_label.setText("No session open")
            self.phase_title.setText("Choose a plan and press New session")
            self.next_label.setText("")
        else:
            self.step_label.setText(
                f"{phase.kind_label.upper()} \u00b7 Phase {index + 1} of {len(plan.phases)} \u00b7 {phase.minutes} min"
            )
            self.phase_title.setText(phase.title)
            following = plan.phases[index + 1] if index + 1 < len(plan.phases) else None
            self.next_label.setText(
                f"Next: {following.title} \u00b7 {following.minutes} min" if following else "Last phase"
            )
        self.bar.set_current(index)
        self._relayout.start(0)  # the current row is bold: its height may change
        self.prev_button.setEnabled(plan is not None and index > 0)
        self.next_button.setEnabled(plan is not None and index < len(plan.phases) - 1)
        self.on_controller_timer_ticked()

    def on_controller_timer_ticked(self) -> None:
        c = self.controller
        self.timer_label.setText(c.remaining_text() if c.phase else "0:00")
        finished = c.phase is not None and c.time_is_up
        if finished:
            self.start_button.setText("Time is up")
            state = "Time is up: +1 min or Next"
        elif c.timer.running:
            self.start_button.setText("Pause")
            state = "Running"
        else:
            self.start_button.setText("Resume" if c.timer.started else "Start")
            state = "Paused" if c.timer.started else "Ready"
        self.state_label.setText(state if c.phase else "")
        self.start_button.setEnabled(c.phase is not None and not finished)
        self.timer_label.setStyleSheet(f"color: {tokens.colour(current_theme(), 'timer_done')};" if finished else "")
        plan = c.plan
        if plan is not None and plan.total_minutes > 0:
            minutes = [p.minutes for p in plan.phases]
            elapsed = session_elapsed(minutes, c.phase_index, c.timer.elapsed())
            fraction = elapsed / (plan.total_minutes * 60)
            self.progress.setValue(round(fraction * PROGRESS_STEPS))
            self.progress_label.setText(progress_text(elapsed, plan.total_minutes))
            self.progress.setAccessibleDescription(self.progress_label.text())
            self.bar.set_progress(fraction)
        else:
            self.progress.setValue(0)
            self.progress_label.setText("")
            self.bar.set_progress(0.0)
