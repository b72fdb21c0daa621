"""The main window: a tab per section (Course, Scenarios, Journal, ...).

Sections are added by ``app.py`` with ``add_section``; the window owns the
menus, the status bar and window state. Cross-section signal connections
live in ``trainer/ui/shell/wiring.py``.

Start-up note: the window is built before it is first shown, so this module
never touches PySide's ``Qt`` namespace while building (it imports ``Qt`` in
the functions that use it), and sets shortcuts with ``setShortcuts``. The
first use of ``Qt``, and ``QAction.setShortcut``, make PySide6 build the
Python enums of the whole namespace: tens of milliseconds on Python 3.11.
``tests/e2e/test_cli.py`` checks that a start stays clear of it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QSettings, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTabWidget, QWidget

from trainer.ui.common.menus import add_at_top
from trainer.ui.common.settings_values import remember
from trainer.ui.course.controller import CourseController

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QMessageBox

    from trainer.ui.course.view import CourseView
    from trainer.ui.export.lrs_retry import LrsRetry
    from trainer.ui.export.restore import RestoreController
    from trainer.ui.home.view import HomeView
    from trainer.ui.journal.view import JournalView
    from trainer.ui.scenarios.view import ScenarioView
    from trainer.ui.search.dialog import SearchDialog
    from trainer.ui.settings.dialog import SettingsDialog
    from trainer.ui.skills.view import SkillsView


class _Placeholder(QWidget):
    """Stands in a tab until its section is first shown."""

    def __init__(self, key: str):
        super().__init__()
        self.key = key


def _app() -> QApplication:
    """The running application (a main window exists only inside one)."""
    return cast(QApplication, QApplication.instance())


def focus_into(widget: QWidget) -> None:
    """The section's own ``focus_first()``, else its first control reachable with Tab."""
    if hasattr(widget, "focus_first"):
        widget.focus_first()
        return
    from PySide6.QtCore import Qt  # here, not at import: see the module's note on start-up

    candidate = widget.nextInFocusChain()
    while candidate is not None and candidate is not widget:
        if (
            widget.isAncestorOf(candidate)
            and candidate.isVisible()
            and candidate.isEnabled()
            and candidate.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            candidate.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        candidate = candidate.nextInFocusChain()


def _focus_by_shortcut(widget: QWidget) -> None:
    from PySide6.QtCore import Qt

    widget.setFocus(Qt.FocusReason.ShortcutFocusReason)


class MainWindow(QMainWindow):
    section_built = Signal(str)  # a lazily added section was just created
    theme_changed = Signal(str)  # 'light' or 'dark', after the palette changed
    records_changed = Signal()  # records came in from outside (a restore, a feedback bundle)
    zoom_changed = Signal(int)  # percent, after the application font changed
    settings_requested = Signal(str)  # a feature asks for File > Settings at a page ('' or 'lrs')

    # What features add when they install themselves (None until then): the
    # shell's menus and wiring find them here, typed, never by ``getattr``.
    export_action: QAction | None = None
    restore_action: QAction | None = None
    restore_controller: RestoreController | None = None
    restore_message: QMessageBox | None = None
    lrs_message: QMessageBox | None = None
    lrs_action: QAction | None = None
    lrs_retry: LrsRetry | None = None
    observe_action: QAction | None = None
    search_action: QAction | None = None
    bookmark_action: QAction | None = None
    bookmarks_action: QAction | None = None
    settings_action: QAction | None = None
    search_dialog: SearchDialog | None = None
    add_bookmark_dialog: QDialog | None = None
    bookmarks_dialog: QDialog | None = None
    settings_dialog: SettingsDialog | None = None

    def __init__(
        self, controller: CourseController, settings: QSettings, parent=None, render_page: Callable | None = None
    ):
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self.render_page = render_page  # how the reader makes pages (app.py passes a page cache)
        self._started = False
        self.setWindowTitle(f"{controller.course.title} \u2014 Practitioner Trainer")
        self.setMinimumSize(640, 480)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("sections")
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName("Sections")
        self.setCentralWidget(self.tabs)
        self.sections: dict[str, QWidget] = {}
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self._titles: dict[str, str] = {}
        self._section_actions: dict[str, QAction] = {}
        self.tabs.currentChanged.connect(self.on_tabs_current_changed)
        self._message_section: str | None = None  # the section whose message the status bar shows
        self.statusBar().messageChanged.connect(self.on_status_bar_message_changed)

        self._build_menus()
        # Like every section but Home, the Course is built the first time it is
        # shown (or asked for through ``course_view``): start-up shows Home.
        self.add_section("course", "&Course", self._make_course_view)
        self._build_course_actions()
        self._connect_signals()
        self._restore_geometry()
        problems = len(controller.content.errors)
        if problems:
            self.statusBar().showMessage(
                f"{problems} problem{'s' if problems != 1 else ''} in the course content; "
                "modules with errors are marked in the outline."
            )

    # -- sections ------------------------------------------------------------------
    def add_section(
        self, key: str, title: str, widget: QWidget | Callable[[], QWidget], index: int | None = None
    ) -> QAction:
        """Add a tab (at ``index``, else last) and a Sections menu entry with Alt+<n>.

        ``widget`` may be a factory: the section is then built the first time
        it is shown, so start-up does not pay for screens nobody opened.
        Alt+<n> always follows the order of the tabs.
        """
        if not isinstance(widget, QWidget):
            self._factories[key] = widget
            widget = _Placeholder(key)
        self.sections[key] = widget
        self._titles[key] = title
        # Quietly: adding the first tab makes it current, which must not build it.
        self.tabs.blockSignals(True)
        if index is None:
            self.tabs.addTab(widget, title)
        else:
            current = self.tabs.currentWidget()
            self.tabs.insertTab(index, widget, title)
            if current is not None:
                self.tabs.setCurrentWidget(current)
        self.tabs.blockSignals(False)
        widget.setAccessibleName(title.replace("&", ""))
        action = QAction(f"{title}", self)
        action.triggered.connect(lambda: self.show_section(key))
        self.addAction(action)
        self._section_actions[key] = action
        self._renumber_sections()
        return action

    def insert_section(self, index: int, key: str, title: str, widget: QWidget | Callable[[], QWidget]) -> QAction:
        """Like ``add_section`` but at tab position ``index`` (0 = first)."""
        return self.add_section(key, title, widget, index=index)

    def _renumber_sections(self) -> None:
        """Alt+1, Alt+2, ... in tab order; the Sections menu in the same order."""
        self.sections_menu.clear()
        order = sorted(self._section_actions, key=lambda k: self.tabs.indexOf(self.sections[k]))
        for n, key in enumerate(order):
            action = self._section_actions[key]
            action.setShortcuts([QKeySequence(f"Alt+{n + 1}")] if n < 9 else [])
            self.sections_menu.addAction(action)

    def add_file_actions(self, *actions: QAction) -> None:
        """Put entries at the top of the File menu, above Quit (e.g. the profile ones)."""
        add_at_top(self.file_menu, *actions)

    def show_section(self, key: str) -> None:
        """Show a section and, unless focus is already in it, move the keyboard focus into it."""
        widget = self.section(key)
        if widget is not None:
            self.tabs.setCurrentWidget(widget)
            focus = QApplication.focusWidget()
            if focus is None or not widget.isAncestorOf(focus):
                focus_into(widget)

    def section(self, key: str) -> QWidget | None:
        """The section's widget, building it now if it was added lazily."""
        factory = self._factories.pop(key, None)
        if factory is not None:
            placeholder = self.sections[key]
            index = self.tabs.indexOf(placeholder)
            current = self.tabs.currentIndex()
            built = factory()
            built.setAccessibleName(placeholder.accessibleName())
            self.tabs.blockSignals(True)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, built, self._titles[key])
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(False)
            placeholder.deleteLater()
            self.sections[key] = built
            self.section_built.emit(key)
        return self.sections.get(key)

    def is_built(self, key: str) -> bool:
        """True once the section exists (a lazily added one has been shown or asked for)."""
        return key in self.sections and key not in self._factories

    @property
    def course_view(self) -> CourseView:
        """The Course section, built now if it has not been shown yet."""
        return cast("CourseView", self.section("course"))

    def _make_course_view(self) -> QWidget:
        from trainer.ui.course.view import CourseView

        view = CourseView(self.controller, self.settings)
        if self.render_page is not None:
            view.reader.render_page = self.render_page
        view.reader.set_caret_browsing(self.caret_browsing_on())
        view.status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        if self._started:
            view.start()
        return view

    def on_tabs_current_changed(self, index: int) -> None:
        # A section's status message leaves with it; the window's own (course problems) stay.
        if self._message_section is not None and self._message_section != self.current_section():
            self.statusBar().clearMessage()
        widget = self.tabs.widget(index)
        if isinstance(widget, _Placeholder):
            self.show_section(widget.key)

    def on_status_bar_message_changed(self, text: str) -> None:
        self._message_section = self.current_section() if text and self._started else None

    # Typed views of the sections the shell wires together (built on first use).
    def journal_view(self) -> JournalView:
        return cast("JournalView", self.section("journal"))

    def scenarios_view(self) -> ScenarioView:
        return cast("ScenarioView", self.section("scenarios"))

    def skills_view(self) -> SkillsView:
        return cast("SkillsView", self.section("skills"))

    def home_view(self) -> HomeView:
        return cast("HomeView", self.section("home"))

    def built_sections(self) -> dict[str, QWidget]:
        """The sections built so far (a section not yet shown is a placeholder)."""
        return {key: w for key, w in self.sections.items() if not isinstance(w, _Placeholder)}

    def current_section(self) -> str | None:
        current = self.tabs.currentWidget()
        return next((k for k, w in self.sections.items() if w is current), None)

    # -- set-up ------------------------------------------------------------------
    def _build_menus(self) -> None:
        menu = self.menuBar()
        self.file_menu = menu.addMenu("&File")
        quit_action = QAction("&Quit", self)
        quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.file_menu.addAction(quit_action)
        self.sections_menu = menu.addMenu("&Sections")
        self.go_menu = menu.addMenu("&Go")
        self.view_menu = menu.addMenu("&View")

    def _build_course_actions(self) -> None:
        self.prev_action = QAction("&Previous module", self)
        self.prev_action.setShortcuts([QKeySequence("Ctrl+PgUp"), QKeySequence("Alt+Left")])
        self.next_action = QAction("&Next module", self)
        self.next_action.setShortcuts([QKeySequence("Ctrl+PgDown"), QKeySequence("Alt+Right")])
        self.done_action = QAction("Mark as &done", self)
        self.done_action.setShortcuts([QKeySequence("Ctrl+D")])
        self.focus_outline_action = QAction("Go to &outline", self)
        self.focus_outline_action.setShortcuts([QKeySequence("Ctrl+1"), QKeySequence("F6")])
        self.focus_reader_action = QAction("Go to &reader", self)
        self.focus_reader_action.setShortcuts([QKeySequence("Ctrl+2"), QKeySequence("Shift+F6")])
        for action in (
            self.prev_action,
            self.next_action,
            self.done_action,
            self.focus_outline_action,
            self.focus_reader_action,
        ):
            self.go_menu.addAction(action)
            self.addAction(action)
        self.larger_action = QAction("&Larger module text", self)
        self.larger_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")])
        self.smaller_action = QAction("&Smaller module text", self)
        self.smaller_action.setShortcuts(QKeySequence.StandardKey.ZoomOut)
        self.reset_size_action = QAction("&Normal module text size", self)
        self.reset_size_action.setShortcuts([QKeySequence("Ctrl+0")])
        self.caret_action = QAction("&Caret browsing", self, checkable=True)
        self.caret_action.setShortcuts([QKeySequence("F7")])
        self.caret_action.setStatusTip("A text cursor in the module, moved with the arrow keys, to select text (F7)")
        self.caret_action.setChecked(self.caret_browsing_on())
        for action in (self.larger_action, self.smaller_action, self.reset_size_action, self.caret_action):
            self.view_menu.addAction(action)
            self.addAction(action)
        self.view_menu.addSeparator()
        self._build_zoom_actions()
        theme_menu = self.view_menu.addMenu("&Theme")
        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        current = str(self.settings.value("appearance/theme", "system"))
        for key, label in (("system", "Follow the &system"), ("light", "&Light"), ("dark", "&Dark")):
            action = QAction(label, self, checkable=True)
            action.setChecked(key == current)
            action.triggered.connect(lambda _checked=False, k=key: self.set_theme(k))
            self.theme_group.addAction(action)
            theme_menu.addAction(action)
            self.theme_actions[key] = action

    def _build_zoom_actions(self) -> None:
        """View > Zoom: the whole application's text, 80-200 %."""
        menu = self.view_menu.addMenu("&Zoom")
        self.zoom_in_action = QAction("Zoom &in", self)
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl+Shift+="), QKeySequence("Ctrl+Shift++")])
        self.zoom_out_action = QAction("Zoom &out", self)
        self.zoom_out_action.setShortcuts([QKeySequence("Ctrl+Shift+-"), QKeySequence("Ctrl+Shift+_")])
        self.zoom_reset_action = QAction("&Reset zoom (100%)", self)
        self.zoom_reset_action.setShortcuts([QKeySequence("Ctrl+Shift+0"), QKeySequence("Ctrl+)")])
        for action, direction in ((self.zoom_in_action, +1), (self.zoom_out_action, -1), (self.zoom_reset_action, 0)):
            action.triggered.connect(lambda _=False, d=direction: self.change_zoom(d))
            menu.addAction(action)
            self.addAction(action)

    def change_zoom(self, direction: int) -> None:
        from trainer.ui.common.zoom import current_zoom, step

        self.set_zoom(step(current_zoom(), direction))

    def set_zoom(self, percent: int) -> None:
        """Zoom the whole application now and remember it."""
        from trainer.ui.common.zoom import MAX_ZOOM, MIN_ZOOM, apply_zoom, current_zoom

        before = current_zoom()
        percent = apply_zoom(_app(), percent)
        self._scale_side_panes(percent / before)
        self.settings.setValue("appearance/zoom", percent)
        self.zoom_in_action.setEnabled(percent < MAX_ZOOM)
        self.zoom_out_action.setEnabled(percent > MIN_ZOOM)
        self.statusBar().showMessage(f"Zoom {percent}%", 3000)
        self.zoom_changed.emit(percent)

    def _scale_side_panes(self, ratio: float) -> None:
        """Lists beside a reader (modules, reflections) widen with the zoom, up to half the width."""
        from PySide6.QtCore import Qt

        if abs(ratio - 1) < 0.01:
            return
        for splitter in self.findChildren(QSplitter):
            sizes = splitter.sizes()
            if splitter.orientation() != Qt.Orientation.Horizontal or len(sizes) != 2 or not all(sizes):
                continue
            total = sum(sizes)
            first = max(1, min(int(sizes[0] * ratio), total // 2))
            splitter.setSizes([first, total - first])

    def _connect_signals(self) -> None:
        c = self.controller
        c.save_failed.connect(self.on_controller_save_failed)
        c.module_opened.connect(self.on_controller_module_opened)

        def in_course(fn):
            def run():
                self.show_section("course")  # builds it the first time
                fn(self.course_view)

            return run

        self.prev_action.triggered.connect(in_course(lambda cv: cv.go(-1)))
        self.next_action.triggered.connect(in_course(lambda cv: cv.go(+1)))
        self.done_action.triggered.connect(in_course(lambda cv: cv.toggle_done()))
        self.focus_outline_action.triggered.connect(in_course(lambda cv: _focus_by_shortcut(cv.outline)))
        self.focus_reader_action.triggered.connect(in_course(lambda cv: _focus_by_shortcut(cv.reader.browser)))
        self.caret_action.toggled.connect(self.set_caret_browsing)
        QApplication.styleHints().colorSchemeChanged.connect(self.on_system_scheme_changed)
        # Text size acts on the reader (the Course is built if it was not yet).
        for action, step in ((self.larger_action, +1), (self.smaller_action, -1), (self.reset_size_action, 0)):
            action.triggered.connect(lambda _=False, n=step: self.course_view.reader.change_text_size(n))

    def start(self) -> None:
        """Show Home when there is one; the Course opens the last module when first shown."""
        self._started = True
        if self.is_built("course"):
            self.course_view.start()
        if "home" in self.sections:
            self.show_section("home")
        else:
            self.show_section("course")

    def add_help_menu(self, about_html: Callable[[], str]) -> None:
        """Help > How to use this app (F1) and About (the dialog code loads when first opened)."""

        def show(title: str, html: Callable[[], str]) -> None:
            from trainer.ui.shell.help_dialog import TextDialog

            TextDialog(title, html(), self).exec()

        def help_html() -> str:
            from trainer.ui.shell.help_dialog import help_html

            return help_html()

        menu = self.menuBar().addMenu("&Help")
        help_action = QAction("&How to use this app", self)
        help_action.setShortcuts(QKeySequence.StandardKey.HelpContents)
        help_action.triggered.connect(lambda: show("Help", help_html))
        about_action = QAction("&About Practitioner Trainer", self)
        about_action.triggered.connect(lambda: show("About", about_html))
        for action in (help_action, about_action):
            menu.addAction(action)
            self.addAction(action)
        self.help_action, self.about_action = help_action, about_action

    def caret_browsing_on(self) -> bool:
        return str(self.settings.value("reader/caret_browsing", "false")).lower() == "true"

    def set_caret_browsing(self, on: bool) -> None:
        """Caret browsing in the reader (F7), remembered; says plainly what changed."""
        self.settings.setValue("reader/caret_browsing", "true" if on else "false")
        if self.caret_action.isChecked() != on:
            self.caret_action.setChecked(on)
        if self.is_built("course"):
            self.course_view.reader.set_caret_browsing(on)
        self.statusBar().showMessage(
            "Caret browsing on: move through the text with the arrow keys, select with Shift (F7 to stop)."
            if on
            else "Caret browsing off: the arrow keys scroll the module.",
            6000,
        )

    def on_system_scheme_changed(self, scheme) -> None:
        """The system turned light or dark while the app runs: follow it if the theme is "system"."""
        from trainer.ui.common.appearance import note_system_scheme

        note_system_scheme(_app(), scheme)
        # A closed window (the previous learner's, until it is deleted) leaves it to the open one.
        if self.isVisible() and str(self.settings.value("appearance/theme", "system")) == "system":
            self.set_theme("system")

    def set_theme(self, theme: str) -> None:
        """Switch theme now and remember it."""
        from trainer.ui.common.appearance import apply_theme

        self.settings.setValue("appearance/theme", theme)
        if theme in self.theme_actions:
            self.theme_actions[theme].setChecked(True)
        resolved = apply_theme(_app(), theme)
        if self.is_built("course"):
            self.course_view.refresh_theme()
        self.theme_changed.emit(resolved)

    # -- slots -------------------------------------------------------------------
    def on_controller_module_opened(self, _module_id: str) -> None:
        self.prev_action.setEnabled(self.controller.neighbour(-1) is not None)
        self.next_action.setEnabled(self.controller.neighbour(+1) is not None)

    def on_controller_save_failed(self, message: str) -> None:
        self.statusBar().showMessage(message)
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, "Could not save", message)

    # -- window state --------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1180, 760)

    def closeEvent(self, event) -> None:
        if self.is_built("course"):
            self.course_view.save_state()
        remember(self.settings, "window/geometry", self.saveGeometry())
        self.settings.sync()
        super().closeEvent(event)
