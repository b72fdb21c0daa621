"""The "Team session" section: the trainer's control window.

Across the top, the current phase large with its time left, the timer's
controls and the session's timeline and progress (the run panel). Below, three
columns: (1) session, roster and attendance; (2) the plan's phases with their
start times, and the live room; (3) groups per round, observer notes, debrief
notes, the report and feedback bundles.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from trainer.domain import tokens
from trainer.room.state import globals_of
from trainer.ui.common.check_box import CheckBox
from trainer.ui.common.flow_layout import FlowLayout
from trainer.ui.common.scroll_focus import keep_focus_visible
from trainer.ui.session.controller import TeamSessionController
from trainer.ui.session.groups import GroupsPanel
from trainer.ui.session.observer_form import ObserverNoteForm
from trainer.ui.session.room import RoomHost, RoomPanel
from trainer.ui.session.roster import RosterPanel
from trainer.ui.session.run import RunPanel
from trainer.ui.session.screen_scale import rescale_view, scale_for

if TYPE_CHECKING:
    from trainer.ui.session.presenter import PresenterView

SOUND_KEY = "presenter/sound"
AUTOSAVE_MS = 1500  # debrief notes are saved this long after typing stops
COLUMN_CHARS = 46  # below this many average characters a column, the three columns stack (150% at 1280 px stacks)
ObserverFormFactory = Callable[..., QDialog]


class SessionView(QWidget):
    status_message = Signal(str)

    def __init__(
        self,
        controller: TeamSessionController,
        settings: QSettings,
        framework=None,
        observer_form: ObserverFormFactory = ObserverNoteForm,
        parent=None,
    ):
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self.framework = framework
        self.observer_form = observer_form
        self.presenter: PresenterView | None = None
        self.open_form: QWidget | None = None
        self._loading = False
        self.text_scale = 1.0  # larger on a large window (see screen_scale)

        self.roster = RosterPanel(controller)
        self.run = RunPanel(controller)
        self.groups = GroupsPanel(controller)
        done_well = {s.id: s.done_well for s in framework.skills} if framework is not None else {}
        globals_ = globals_of(framework)
        self.room_host = RoomHost(controller, done_well=done_well, parent=self, globals_=globals_)
        self.room = RoomPanel(self.room_host)
        self.run.sound_box.setChecked(bool(settings.value(SOUND_KEY, False, type=bool)))

        debrief_box = QGroupBox("Debrief and report")
        self.debrief_edit = QPlainTextEdit()
        self.debrief_edit.setAccessibleName("Debrief notes")
        self.debrief_edit.setPlaceholderText("What the room noticed, what it means, what the team will try")
        self.debrief_edit.setTabChangesFocus(True)
        debrief_label = QLabel("De&brief notes:")
        debrief_label.setBuddy(self.debrief_edit)
        self.save_notes_button = QPushButton("Save notes")
        self.save_notes_button.setAccessibleName("Save debrief notes")
        self.names_box = CheckBox("Include na&mes in the report")
        self.names_box.setAccessibleName("Include names in the report")
        self.report_button = QPushButton("Save &report\u2026")
        self.report_button.setAccessibleName("Save the session report")
        self.bundles_button = QPushButton("Export feedback and attendance\u2026")
        self.bundles_button.setAccessibleName("Export feedback and an attendance file per participant")
        self.certificates_button = QPushButton("Certificates\u2026")
        self.certificates_button.setAccessibleName("Save certificates of attendance as a PDF")
        debrief = QVBoxLayout(debrief_box)
        debrief.addWidget(debrief_label)
        debrief.addWidget(self.debrief_edit, 1)
        row = QHBoxLayout()
        row.addWidget(self.save_notes_button)
        row.addStretch(1)
        debrief.addLayout(row)
        debrief.addWidget(self.names_box)
        row2 = QWidget()  # wraps onto a second row when narrow
        row2_layout = FlowLayout(row2)
        row2_layout.setContentsMargins(0, 0, 0, 0)
        row2_layout.addWidget(self.report_button)
        row2_layout.addWidget(self.bundles_button)
        row2_layout.addWidget(self.certificates_button)
        debrief.addWidget(row2)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.groups)
        right_layout.addWidget(debrief_box, 1)  # the notes take what the groups leave

        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.run.phases_box)
        middle_layout.addWidget(self.room, 0)  # its own height: the QR code is never squeezed
        middle_layout.addStretch(1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        for widget, stretch in ((self.roster, 6), (middle, 4), (right, 5)):
            self.splitter.addWidget(widget)
            self.splitter.setStretchFactor(self.splitter.count() - 1, stretch)
        # Three columns need room: on a small screen or at a large zoom they stack
        # (see fit_columns) and the page scrolls down, never sideways.
        self.scroll_area = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setAccessibleName("Team session")
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        page = QWidget()  # the current phase and the timeline across the top, the columns below
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(self.run)
        page_layout.addWidget(self.splitter, 1)
        scroll.setWidget(page)
        keep_focus_visible(scroll)  # an Alt+letter jump scrolls to its control too
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.timeout.connect(self.fit_columns)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(tokens.SPACE_1, tokens.SPACE_1, tokens.SPACE_1, tokens.SPACE_1)
        layout.addWidget(scroll)

        self.run.presenter_toggled.connect(self.on_run_presenter_toggled)
        self.run.sound_box.toggled.connect(self.on_sound_toggled)
        self.save_notes_button.clicked.connect(self.save_debrief)
        self._debrief_timer = QTimer(self)
        self._debrief_timer.setSingleShot(True)
        self._debrief_timer.setInterval(AUTOSAVE_MS)
        self._debrief_timer.timeout.connect(self.save_debrief)
        self.debrief_edit.textChanged.connect(self.on_debrief_text_changed)
        self.report_button.clicked.connect(self.on_report_clicked)
        self.bundles_button.clicked.connect(self.on_bundles_clicked)
        self.certificates_button.clicked.connect(self.on_certificates_clicked)
        for signal in (self.room_host.opened, self.room_host.closed, self.room_host.asks_changed):
            signal.connect(lambda *_: self._fit_timer.start(0))
        self.room_host.opened.connect(self.on_room_changed)
        self.room_host.closed.connect(lambda: self.on_room_changed(""))
        for panel in (self.roster, self.groups, self.room):
            panel.status_message.connect(self.status_message)
        controller.failed.connect(self.status_message)
        controller.noticed.connect(self.status_message)
        controller.session_opened.connect(lambda _uid: self.refresh())
        controller.observation_requested.connect(self.on_controller_observation_requested)
        controller.debrief_saved.connect(lambda _uid: self.status_message.emit("Debrief notes saved."))
        self.refresh()

    # -- fitting the window ---------------------------------------------------------------
    def _columns(self) -> list[QWidget]:
        """The splitter's widgets (none is missing: every index is below count())."""
        return [w for i in range(self.splitter.count()) if (w := self.splitter.widget(i)) is not None]

    def columns_fit_side_by_side(self) -> bool:
        """Whether the three columns, each at least its minimum and COLUMN_CHARS wide, fit the width
        (a vertical scroll bar is allowed for, so the answer does not flip when one appears)."""
        comfortable = self.fontMetrics().averageCharWidth() * COLUMN_CHARS
        columns = self._columns()
        need = sum(max(c.minimumSizeHint().width(), comfortable) for c in columns)
        need += self.splitter.handleWidth() * (len(columns) - 1)
        room = (
            self.scroll_area.width()
            - 2 * self.scroll_area.frameWidth()
            - self.scroll_area.verticalScrollBar().sizeHint().width()
        )
        return room >= need

    def fit_columns(self) -> None:
        """Columns side by side when they fit, else one above the other at their preferred heights."""
        wide = self.columns_fit_side_by_side()
        columns = self._columns()
        if wide:
            if self.splitter.orientation() != Qt.Orientation.Horizontal:
                self.splitter.setOrientation(Qt.Orientation.Horizontal)
                self.splitter.setSizes([6000, 4000, 5000])  # in proportion to the stretch factors
            # the tallest column sets the height (the live room's QR code is never squeezed)
            self.splitter.setMinimumHeight(
                max(
                    max(c.minimumSizeHint().height(), c.heightForWidth(c.width()) if c.hasHeightForWidth() else 0)
                    for c in columns
                )
            )
            return
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        width = self.scroll_area.viewport().width()
        heights = []
        for c in columns:
            h = max(c.sizeHint().height(), c.minimumSizeHint().height())
            if c.hasHeightForWidth():
                h = max(h, c.heightForWidth(width))
            heights.append(h)
        self.splitter.setMinimumHeight(sum(heights) + self.splitter.handleWidth() * (len(columns) - 1))
        self.splitter.setSizes(heights)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        scale = scale_for(self.width(), self.height())
        if scale != self.text_scale:
            rescale_view(self, scale, self.text_scale)
            self.text_scale = scale
            self.run.on_relayout_timeout()  # the rows' heights follow the text
            self.groups.fit_tree()
        self.fit_columns()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_timer.start(0)

    def hideEvent(self, event) -> None:
        self.save_debrief()
        super().hideEvent(event)

    def start(self) -> None:
        sessions = self.controller.service.sessions()
        if sessions and self.controller.uid is None:
            self.controller.open_session(sessions[0]["uid"])

    def on_records_changed(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        session = self.controller.session
        self._loading = True
        self.debrief_edit.setPlainText(session.get("debrief", "") if session else "")
        self._loading = False
        for widget in (
            self.debrief_edit,
            self.save_notes_button,
            self.report_button,
            self.bundles_button,
            self.certificates_button,
            self.names_box,
        ):
            widget.setEnabled(session is not None)

    # -- debrief and report --------------------------------------------------------------
    def on_debrief_text_changed(self) -> None:
        if not self._loading:
            self._debrief_timer.start()

    def save_debrief(self) -> None:
        self._debrief_timer.stop()
        session = self.controller.session
        if session is not None and self.debrief_edit.toPlainText() != session.get("debrief", ""):
            self.controller.save_debrief(self.debrief_edit.toPlainText())

    def on_report_clicked(self) -> None:
        self.save_debrief()
        from trainer.ui.session.export import ask_save_report  # lazy: the A4 writer and jinja2, on export

        path = ask_save_report(self, self.controller, self.names_box.isChecked(), self.framework)
        if path is not None:
            self.status_message.emit(f"Report saved to {path}")

    def on_bundles_clicked(self) -> None:
        from trainer.ui.session.export import ask_export_bundles  # lazy: pydantic's bundle models, on export

        paths = ask_export_bundles(self, self.controller)
        if paths:
            self.status_message.emit(
                f"{len(paths)} feedback and attendance file{'s' if len(paths) != 1 else ''} saved in {paths[0].parent}"
            )

    def on_certificates_clicked(self) -> None:
        from trainer.ui.session.export import ask_save_certificates  # lazy: the A4 writer, on export

        path = ask_save_certificates(self, self.controller)
        if path is not None:
            self.status_message.emit(f"Certificates saved to {path}")

    # -- observer forms ------------------------------------------------------------------
    def on_controller_observation_requested(
        self, session_uid: str, round_index: int, observer: str, learner: str
    ) -> None:
        if self.observer_form is None or session_uid != self.controller.uid:
            return
        form = self.observer_form(self.controller, round_index, observer, learner, parent=self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.open_form = form
        form.open()

    # -- presenter -----------------------------------------------------------------------
    def on_run_presenter_toggled(self, on: bool) -> None:
        if on and self.presenter is None:
            from trainer.ui.session.presenter import PresenterView  # lazy: the projector view loads when first shown

            self.presenter = PresenterView(self.controller, sound=self.run.sound_box.isChecked(), parent=self)
            self.presenter.closed.connect(self.on_presenter_closed)
            self.presenter.set_room(self.room_host.url)
            self.presenter.present()
            self.run.presenter_button.setText("Close presenter vie&w")
        elif not on and self.presenter is not None:
            self.presenter.close()

    def on_room_changed(self, url: str) -> None:
        if self.presenter is not None:
            self.presenter.set_room(url)

    def on_presenter_closed(self) -> None:
        presenter, self.presenter = self.presenter, None
        if presenter is not None:
            presenter.deleteLater()
        self.run.presenter_button.blockSignals(True)
        self.run.presenter_button.setChecked(False)
        self.run.presenter_button.blockSignals(False)
        self.run.presenter_button.setText("Open presenter vie&w")

    def on_sound_toggled(self, on: bool) -> None:
        self.settings.setValue(SOUND_KEY, on)
        if self.presenter is not None:
            self.presenter.sound = on
