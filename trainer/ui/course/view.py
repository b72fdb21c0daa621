"""The Course section: outline on the left, reader on the right."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QProgressBar, QSplitter, QVBoxLayout, QWidget

from trainer.domain import tokens
from trainer.ui.common.settings_values import remember
from trainer.ui.common.theme import base_point_size, page_theme
from trainer.ui.course.controller import CourseController
from trainer.ui.course.outline import ModuleIdRole, OutlineModel, OutlineView
from trainer.ui.course.reader import ReaderView


class CourseView(QWidget):
    status_message = Signal(str)
    reflection_requested = Signal(dict)  # a link such as {"kind": "module", "module": id}

    def __init__(self, controller: CourseController, settings: QSettings, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        # (module id, saved place) until the reader has scrolled there: queued
        # after the page is laid out. Until then the reader's own place is not
        # the person's, so it is never saved over the real one.
        self._pending_position: tuple[str, float] | None = None
        course = controller.course

        self.outline_model = OutlineModel(course.modules, controller.done_ids(), self)
        self.outline = OutlineView(self.outline_model)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("progressLabel")
        self.progress_label.setWordWrap(True)
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName("Course progress")
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumHeight(8)
        self.outline_title = QLabel("&Modules")
        self.outline_title.setBuddy(self.outline)
        font = self.outline_title.font()
        font.setBold(True)
        self.outline_title.setFont(font)

        side = self.side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(tokens.SPACE_1, tokens.SPACE_1, tokens.SPACE_1, tokens.SPACE_1)
        side_layout.addWidget(self.outline_title)
        side_layout.addWidget(self.progress_label)
        side_layout.addWidget(self.progress_bar)
        side_layout.addWidget(self.outline, 1)

        self.reader = ReaderView(page_theme(), base_point_size())
        self.reader.status_message.connect(self.status_message)
        self.reader.scenario_titles = {s.id: s.title for s in controller.content.scenarios}
        saved_size = settings.value("reader/point_size")
        if saved_size is not None:
            try:
                self.reader.set_point_size(int(saved_size))
            except (TypeError, ValueError):
                pass

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(side)
        self.splitter.addWidget(self.reader)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([280, 900])
        state = settings.value("course/splitter")
        if isinstance(state, QByteArray):
            self.splitter.restoreState(state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self._fit_side()
        self.reflect_action = QAction("&Reflect on this module", self)
        self.reflect_action.setShortcut(QKeySequence("Ctrl+R"))
        self.reflect_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.reflect_action)
        self._connect_signals()
        self._update_progress()

    def _connect_signals(self) -> None:
        c, r = self.controller, self.reader
        c.module_opened.connect(self.on_controller_module_opened)
        c.progress_changed.connect(self.on_controller_progress_changed)
        self.outline.selectionModel().currentChanged.connect(self.on_outline_current_changed)
        r.previous_requested.connect(lambda: self.go(-1))
        r.next_requested.connect(lambda: self.go(+1))
        r.done_toggled.connect(c.set_done)
        r.check_requested.connect(self.open_check)
        r.end_reached.connect(c.reach_end)
        r.check_panel.answered.connect(self.on_check_answered)
        r.module_link_activated.connect(self.on_reader_module_link)
        r.text_size_changed.connect(lambda p: self.settings.setValue("reader/point_size", p))
        r.reflect_button.clicked.connect(self.request_reflection)
        self.reflect_action.triggered.connect(self.request_reflection)

    def start(self) -> None:
        """Open where the person left off (or the first module)."""
        start = self.controller.start_module_id()
        if start:
            self.controller.open_module(start)

    def _fit_side(self) -> None:
        """The list of modules stays wide enough to read at any zoom."""
        self.side.setMinimumWidth(self.fontMetrics().averageCharWidth() * 20)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_side()

    def focus_first(self) -> None:
        """Alt+<n> lands in the list of modules."""
        self.outline.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh_theme(self) -> None:
        """Re-render the open module in the page colours of the new palette."""
        self.reader.theme = self.reader.check_panel.theme = page_theme()
        if self.reader.module is not None:
            pending = self._pending_position
            fraction = pending[1] if pending else self.reader.scroll_fraction()
            self.on_controller_module_opened(self.reader.module.id)
            self.reader.set_scroll_fraction(fraction)
            self._pending_position = (self.reader.module.id, fraction) if pending else None

    # -- behaviour ---------------------------------------------------------------
    def go(self, step: int) -> None:
        target = self.controller.neighbour(step)
        if target is not None:
            self.controller.open_module(target.id)

    def open_check(self, module_id: str, from_end: bool = False) -> None:
        """Show the module's check; asked from the end of the text (or with the text all seen),
        the learner has reached the end."""
        if from_end or self.reader.at_end():
            self.controller.reach_end(module_id)
        self.reader.show_check(self.controller.check_text(module_id))

    def on_check_answered(self, module, question, answer, text: str, seconds: float) -> None:
        submitted = self.controller.submit_answer(module, question, answer, text, seconds)
        if submitted is None:
            return
        self.reader.check_panel.show_feedback(
            question, submitted.correct, answer, self.controller.check_text(module.id)
        )
        if submitted.became_done:
            self.status_message.emit(f"Check passed: \u201c{module.title}\u201d is done.")

    def toggle_done(self) -> None:
        if self.reader.done_box.isEnabled():
            self.reader.done_box.toggle()

    def reflection_link(self) -> dict | None:
        module = self.reader.module
        return {"kind": "module", "module": module.id} if module is not None and module.ok else None

    def request_reflection(self) -> None:
        link = self.reflection_link()
        if link is not None:
            self.reflection_requested.emit(link)

    def remember_position(self) -> None:
        module = self.reader.module
        if module is None or not module.ok:
            return
        if self._pending_position is not None and self._pending_position[0] == module.id:
            return  # not scrolled to the saved place yet: that place still stands
        self.controller.save_position(module.id, self.reader.scroll_fraction())

    def save_state(self) -> None:
        self.remember_position()
        remember(self.settings, "course/splitter", self.splitter.saveState())

    def on_outline_current_changed(self, current, _previous) -> None:
        module_id = current.data(ModuleIdRole) if current.isValid() else None
        if module_id and module_id != self.controller.current_id:
            self.controller.open_module(module_id)

    def on_controller_module_opened(self, module_id: str) -> None:
        if self.reader.module is not None and self.reader.module.id != module_id:
            self.remember_position()
        module = self.controller.module(module_id)
        assert module is not None  # the controller opens only modules of the course
        progress = self.controller.progress(module_id)
        self.reader.show_module(
            module, progress.done, self.controller.neighbour(-1) is not None, self.controller.neighbour(+1) is not None
        )
        self.reader.set_done(progress.done, progress.done_by)
        self.outline.select_module(module_id)
        self._pending_position = (module_id, progress.position) if progress.position > 0 else None
        if self._pending_position is not None:
            QTimer.singleShot(0, self._restore_pending_position)

    def _restore_pending_position(self) -> None:
        pending, self._pending_position = self._pending_position, None
        module = self.reader.module
        if pending is not None and module is not None and module.id == pending[0]:
            self.reader.set_scroll_fraction(pending[1])

    def on_controller_progress_changed(self, module_id: str) -> None:
        self.outline_model.set_done(self.controller.done_ids())
        if self.reader.module is not None and self.reader.module.id == module_id:
            progress = self.controller.progress(module_id)
            self.reader.set_done(progress.done, progress.done_by)
            if self.reader.showing_check():
                self.reader.check_panel.set_result(self.controller.check_text(module_id))
        self._update_progress()

    def on_reader_module_link(self, target: str) -> None:
        stem = Path(target).stem
        for m in self.controller.course.modules:
            if m.path.stem == stem or m.id == stem:
                self.controller.open_module(m.id)
                return
        self.status_message.emit(f"No module found for the link '{target}'.")

    def _update_progress(self) -> None:
        readable = self.controller.course.readable()
        counted = self.controller.counted_ids()
        by_hand = len({m.id for m in readable} & (self.controller.done_ids() - counted))
        done = sum(1 for m in readable if m.id in counted)
        minutes = sum(m.duration_minutes or 0 for m in readable if m.id in counted)
        self.progress_bar.setRange(0, max(1, len(readable)))
        self.progress_bar.setValue(done)
        hand = f" \u00b7 {by_hand} marked by hand" if by_hand else ""
        self.progress_label.setText(f"{done} of {len(readable)} done \u00b7 {minutes} min{hand}")
        self.progress_bar.setAccessibleDescription(f"{done} of {len(readable)} modules done{hand}")
