"""The main window: outline on the left, reader on the right.

All cross-widget signal connections live in ``_connect_signals``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel, QMainWindow, QMessageBox, QProgressBar, QSplitter, QVBoxLayout, QWidget,
)

from trainer.ui.controller import CourseController
from trainer.ui.outline import ModuleIdRole, OutlineModel, OutlineView
from trainer.ui.reader import ReaderView
from trainer.ui.theme import base_point_size, page_theme


class MainWindow(QMainWindow):
    def __init__(self, controller: CourseController, settings: QSettings, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        course = controller.course
        self.setWindowTitle(f"{course.title} \u2014 Practitioner Trainer")
        self.setMinimumSize(640, 480)

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

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(10, 10, 6, 10)
        side_layout.addWidget(self.outline_title)
        side_layout.addWidget(self.progress_label)
        side_layout.addWidget(self.progress_bar)
        side_layout.addWidget(self.outline, 1)

        self.reader = ReaderView(page_theme(), base_point_size())
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
        self.setCentralWidget(self.splitter)

        self._build_actions()
        self._connect_signals()
        self._update_progress()
        self._restore_geometry()
        problems = len(controller.content.errors)
        if problems:
            self.statusBar().showMessage(
                f"{problems} problem{'s' if problems != 1 else ''} in the course content; "
                "modules with errors are marked in the outline.")

    # -- set-up ------------------------------------------------------------------
    def _build_actions(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        go = menu.addMenu("&Go")
        self.prev_action = QAction("&Previous module", self)
        self.prev_action.setShortcuts([QKeySequence("Ctrl+PgUp"), QKeySequence("Alt+Left")])
        self.next_action = QAction("&Next module", self)
        self.next_action.setShortcuts([QKeySequence("Ctrl+PgDown"), QKeySequence("Alt+Right")])
        self.done_action = QAction("Mark as &done", self)
        self.done_action.setShortcut(QKeySequence("Ctrl+D"))
        self.focus_outline_action = QAction("Go to &outline", self)
        self.focus_outline_action.setShortcuts([QKeySequence("Ctrl+1"), QKeySequence("F6")])
        self.focus_reader_action = QAction("Go to &reader", self)
        self.focus_reader_action.setShortcuts([QKeySequence("Ctrl+2"), QKeySequence("Shift+F6")])
        for action in (self.prev_action, self.next_action, self.done_action,
                       self.focus_outline_action, self.focus_reader_action):
            go.addAction(action)
            self.addAction(action)

        view = menu.addMenu("&View")
        self.larger_action = QAction("&Larger text", self)
        self.larger_action.setShortcuts([QKeySequence.StandardKey.ZoomIn, QKeySequence("Ctrl+=")])
        self.smaller_action = QAction("&Smaller text", self)
        self.smaller_action.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.reset_size_action = QAction("&Normal text size", self)
        self.reset_size_action.setShortcut(QKeySequence("Ctrl+0"))
        for action in (self.larger_action, self.smaller_action, self.reset_size_action):
            view.addAction(action)
            self.addAction(action)

    def _connect_signals(self) -> None:
        c, r = self.controller, self.reader
        c.module_opened.connect(self.on_controller_module_opened)
        c.progress_changed.connect(self.on_controller_progress_changed)
        c.save_failed.connect(self.on_controller_save_failed)
        self.outline.selectionModel().currentChanged.connect(self.on_outline_current_changed)
        r.previous_requested.connect(lambda: self.go(-1))
        r.next_requested.connect(lambda: self.go(+1))
        r.done_toggled.connect(c.set_done)
        r.module_link_activated.connect(self.on_reader_module_link)
        r.text_size_changed.connect(lambda p: self.settings.setValue("reader/point_size", p))
        self.prev_action.triggered.connect(lambda: self.go(-1))
        self.next_action.triggered.connect(lambda: self.go(+1))
        self.done_action.triggered.connect(lambda: r.done_box.toggle() if r.done_box.isEnabled() else None)
        self.focus_outline_action.triggered.connect(lambda: self.outline.setFocus(Qt.FocusReason.ShortcutFocusReason))
        self.focus_reader_action.triggered.connect(lambda: r.browser.setFocus(Qt.FocusReason.ShortcutFocusReason))
        self.larger_action.triggered.connect(lambda: r.change_text_size(+1))
        self.smaller_action.triggered.connect(lambda: r.change_text_size(-1))
        self.reset_size_action.triggered.connect(lambda: r.change_text_size(0))

    def start(self) -> None:
        """Open where the person left off (or the first module)."""
        start = self.controller.start_module_id()
        if start:
            self.controller.open_module(start)

    # -- behaviour ---------------------------------------------------------------
    def go(self, step: int) -> None:
        target = self.controller.neighbour(step)
        if target is not None:
            self.controller.open_module(target.id)

    def _remember_position(self) -> None:
        module = self.reader.module
        if module is not None and module.ok:
            self.controller.save_position(module.id, self.reader.scroll_fraction())

    def on_outline_current_changed(self, current, _previous) -> None:
        module_id = current.data(ModuleIdRole) if current.isValid() else None
        if module_id and module_id != self.controller.current_id:
            self.controller.open_module(module_id)

    def on_controller_module_opened(self, module_id: str) -> None:
        if self.reader.module is not None and self.reader.module.id != module_id:
            self._remember_position()
        module = self.controller.module(module_id)
        progress = self.controller.progress(module_id)
        self.reader.show_module(module, progress.done,
                                self.controller.neighbour(-1) is not None,
                                self.controller.neighbour(+1) is not None)
        self.outline.select_module(module_id)
        self.prev_action.setEnabled(self.reader.prev_button.isEnabled())
        self.next_action.setEnabled(self.reader.next_button.isEnabled())
        if progress.position > 0:
            QTimer.singleShot(0, lambda: self.reader.set_scroll_fraction(progress.position))

    def on_controller_progress_changed(self, module_id: str) -> None:
        self.outline_model.set_done(self.controller.done_ids())
        if self.reader.module is not None and self.reader.module.id == module_id:
            self.reader.set_done(self.controller.progress(module_id).done)
        self._update_progress()

    def on_controller_save_failed(self, message: str) -> None:
        self.statusBar().showMessage(message)
        QMessageBox.warning(self, "Could not save", message)

    def on_reader_module_link(self, target: str) -> None:
        stem = Path(target).stem
        for m in self.controller.course.modules:
            if m.path.stem == stem or m.id == stem:
                self.controller.open_module(m.id)
                return
        self.statusBar().showMessage(f"No module found for the link '{target}'.", 5000)

    def _update_progress(self) -> None:
        readable = self.controller.course.readable()
        done = self.outline_model.done_count()
        minutes = sum(m.duration_minutes or 0 for m in readable if m.id in self.controller.done_ids())
        self.progress_bar.setRange(0, max(1, len(readable)))
        self.progress_bar.setValue(done)
        self.progress_label.setText(f"{done} of {len(readable)} done \u00b7 {minutes} min")
        self.progress_bar.setAccessibleDescription(f"{done} of {len(readable)} modules done")

    # -- window state --------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1180, 760)
        state = self.settings.value("window/splitter")
        if isinstance(state, QByteArray):
            self.splitter.restoreState(state)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self._remember_position()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.sync()
        super().closeEvent(event)
