"""Wiring for Home, search, bookmarks and settings (called from ``wiring.connect_signals``).

Adds the menu entries (Go > Search, Bookmark this passage, Bookmarks;
File > Settings) and connects Home's and the search's requests to the
sections that answer them.

This runs at start-up: shortcuts are set with ``setShortcuts`` and focus with a
plain ``setFocus()``, which keeps PySide's ``Qt`` namespace unbuilt (see
``main_window``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trainer.services.search import Hit
    from trainer.ui.course.reader import ReaderView
    from trainer.ui.course.view import CourseView
    from trainer.ui.shell.main_window import MainWindow
    from trainer.ui.shell.parts import AppParts

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence

from trainer.ui.common.menus import add_at_top

SEARCH_KEYS = ("Ctrl+K", "Ctrl+F")


def connect_navigation(window: MainWindow, parts: AppParts) -> None:
    _connect_search(window, parts)
    _connect_bookmarks(window, parts)
    _connect_home(window, parts)
    _add_settings(window, parts)


# -- opening things ----------------------------------------------------------------------
def open_module(window: MainWindow, parts: AppParts, module_id: str, focus: bool = True) -> None:
    window.show_section("course")
    parts.controller.open_module(module_id)
    if focus:
        window.activateWindow()  # back from the search or bookmarks dialog
        window.course_view.reader.browser.setFocus()


def hit_terms(hit: Hit) -> tuple[str, ...]:
    """The words to mark for a search hit: every word searched for (or at least the match)."""
    terms = tuple(getattr(hit, "terms", ()) or ())
    return terms or ((hit.match,) if hit.match else ())


def highlight_in_reader(reader: ReaderView, terms: tuple[str, ...]) -> bool:
    """Mark every place ``terms`` are found in the module, select and scroll to the first
    (called after the saved position is restored)."""
    return bool(terms) and reader.show_matches(terms) > 0


def open_reflection(window: MainWindow, uid: str, match: str = "") -> None:
    """Open a reflection in the Journal; with ``match``, select it in the section where it is."""
    if "journal" not in window.sections:
        return
    window.show_section("journal")  # built on first show
    view = window.journal_view()
    view.open_reflection(uid)
    window.activateWindow()
    editor = view.editor
    from PySide6.QtGui import QTextCursor

    for edit in editor.edits.values() if match else ():
        cursor = edit.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        edit.setTextCursor(cursor)
        if edit.find(match):
            edit.setFocus()
            edit.ensureCursorVisible()
            scroll = getattr(editor, "scroll", None)
            if scroll is not None:
                scroll.ensureWidgetVisible(edit)
            return
    editor.focus_first_section()


def open_hit(window: MainWindow, parts: AppParts, hit: Hit) -> None:
    """Open a search result at the place found."""
    from trainer.services.search import MODULE, REFLECTION, SCENARIO

    if hit.kind == MODULE:
        open_module(window, parts, hit.key)
        reader = window.course_view.reader
        # after the reader restores the saved scroll position (queued on open)
        QTimer.singleShot(0, lambda: highlight_in_reader(reader, hit_terms(hit)))
    elif hit.kind == SCENARIO:
        if "scenarios" in window.sections:
            window.show_section("scenarios")  # built on first show
            view = window.scenarios_view()
            view.open_scenario(hit.key, hit.moment)
            window.activateWindow()  # back from the search dialog: keys go to the scenario
            view.page.show_matches(hit_terms(hit), hit.moment)
    elif hit.kind == REFLECTION:
        open_reflection(window, hit.key, hit.match)


# -- search ------------------------------------------------------------------------------
def _connect_search(window: MainWindow, parts: AppParts) -> None:
    search = parts.search
    if search is None:
        return

    action = QAction("&Search everything\u2026", window)
    action.setShortcuts([QKeySequence(k) for k in SEARCH_KEYS])
    action.setToolTip("Search modules, scenarios and your reflections (Ctrl+K, Ctrl+F)")
    add_at_top(window.go_menu, action)
    window.addAction(action)
    window.search_action = action

    def on_search_triggered() -> None:
        if window.search_dialog is None:
            from trainer.ui.search.dialog import SearchDialog

            dialog = SearchDialog(search.get().grouped, window)
            dialog.hit_chosen.connect(lambda hit: open_hit(window, parts, hit))
            window.search_dialog = dialog
        else:
            dialog = window.search_dialog
        dialog.start()

    action.triggered.connect(on_search_triggered)

    def on_tabs_current_changed(_index: int) -> None:
        # The Journal keeps Ctrl+F for its own search box; Ctrl+K still searches everything.
        keys = SEARCH_KEYS[:1] if window.current_section() == "journal" else SEARCH_KEYS
        action.setShortcuts([QKeySequence(k) for k in keys])

    window.tabs.currentChanged.connect(on_tabs_current_changed)
    on_tabs_current_changed(window.tabs.currentIndex())


# -- bookmarks ---------------------------------------------------------------------------
def _connect_bookmarks(window: MainWindow, parts: AppParts) -> None:
    controller = parts.bookmarks
    if controller is None:
        return
    course = parts.controller.course

    def reader():
        return window.course_view.reader  # the Course is built if it was not yet

    def title_of(module_id: str) -> str:
        module = course.module(module_id)
        return module.title if module else module_id

    add_action = QAction("&Bookmark this passage\u2026", window)
    add_action.setShortcuts([QKeySequence("Ctrl+B")])
    add_action.setToolTip("Bookmark the selected text, or the paragraph at the top of the reader (Ctrl+B)")
    list_action = QAction("Boo&kmarks\u2026", window)
    list_action.setShortcuts([QKeySequence("Ctrl+Shift+B")])
    for action in (add_action, list_action):
        window.go_menu.addAction(action)
        window.addAction(action)
    window.bookmark_action, window.bookmarks_action = add_action, list_action

    def on_add_triggered() -> None:
        from trainer.ui.course.bookmarks_view import AddBookmarkDialog, passage_at

        module = reader().module
        if module is None or not module.ok:
            window.statusBar().showMessage("Open a module first, then bookmark a passage in it.", 5000)
            return
        text, anchor, heading = passage_at(reader().browser)
        if not text:
            window.statusBar().showMessage("Select some text to bookmark it.", 5000)
            return
        where = module.title + (f" \u203a {heading}" if heading else "")
        dialog = AddBookmarkDialog(text, where, window)
        window.add_bookmark_dialog = dialog

        def on_dialog_accepted() -> None:
            if controller.add(module.id, text, anchor, heading, dialog.note.text()) is not None:
                window.statusBar().showMessage("Bookmarked. See Go > Bookmarks (Ctrl+Shift+B).", 5000)

        dialog.accepted.connect(on_dialog_accepted)
        dialog.finished.connect(lambda _r: reader().browser.setFocus())
        dialog.open()

    def on_bookmark_open_requested(rec: dict) -> None:
        from trainer.ui.course.bookmarks_view import show_passage

        open_module(window, parts, rec["module"])
        browser = reader().browser
        QTimer.singleShot(0, lambda: show_passage(browser, rec.get("anchor", ""), rec.get("text", "")))

    def on_list_triggered() -> None:
        from trainer.ui.course.bookmarks_view import BookmarksDialog

        dialog = BookmarksDialog(controller, title_of, window)
        dialog.open_requested.connect(on_bookmark_open_requested)
        dialog.finished.connect(dialog.deleteLater)
        window.bookmarks_dialog = dialog
        dialog.open()

    add_action.triggered.connect(on_add_triggered)
    list_action.triggered.connect(on_list_triggered)

    def on_tabs_current_changed(_index: int) -> None:
        # Only while reading: Ctrl+B elsewhere (typing a reflection) must not jump to the Course.
        add_action.setEnabled(window.current_section() == "course")

    window.tabs.currentChanged.connect(on_tabs_current_changed)
    on_tabs_current_changed(window.tabs.currentIndex())
    controller.save_failed.connect(lambda message: window.statusBar().showMessage(message, 8000))


def connect_navigation_course(window: MainWindow, parts: AppParts, course_view: CourseView) -> None:
    """The reader's own Bookmark button, once the Course section is built."""
    action = window.bookmark_action
    button = getattr(course_view.reader, "bookmark_button", None)
    if action is not None and button is not None:
        button.clicked.connect(action.trigger)


# -- home --------------------------------------------------------------------------------
def _connect_home(window: MainWindow, parts: AppParts) -> None:
    if "home" not in window.sections:
        return
    home = window.home_view()
    home.module_requested.connect(lambda module_id: open_module(window, parts, module_id))
    home.reflection_requested.connect(lambda uid: open_reflection(window, uid))

    def on_home_checkin_requested(goal_uid: str) -> None:
        if "journal" not in window.sections or parts.journal is None:
            return
        goal = parts.journal.goals.get(goal_uid)
        if goal is not None:
            window.show_section("journal")
            window.journal_view().open_checkin(goal)

    home.checkin_requested.connect(on_home_checkin_requested)
    if window.search_action is not None:
        home.search_requested.connect(window.search_action.trigger)
    if window.bookmarks_action is not None:
        home.bookmarks_requested.connect(window.bookmarks_action.trigger)

    def refresh_if_shown(*_args) -> None:
        if home.isVisible():
            home.refresh()

    parts.controller.progress_changed.connect(refresh_if_shown)
    if parts.journal is not None:
        for signal in (
            parts.journal.reflection_saved,
            parts.journal.reflection_binned,
            parts.journal.reflection_restored,
            parts.journal.goals_changed,
        ):
            signal.connect(refresh_if_shown)


# -- settings ----------------------------------------------------------------------------
def _add_settings(window: MainWindow, parts: AppParts) -> None:
    action = QAction("&Settings\u2026", window)
    action.setShortcuts([QKeySequence("Ctrl+,"), QKeySequence(QKeySequence.StandardKey.Preferences)])
    action.setMenuRole(QAction.MenuRole.PreferencesRole)
    window.add_file_actions(action)
    window.addAction(action)
    window.settings_action = action

    action.triggered.connect(lambda: open_settings(window, parts))
    window.settings_requested.connect(lambda page: open_settings(window, parts, lrs=page == "lrs"))


def open_settings(window: MainWindow, parts: AppParts, lrs: bool = False) -> None:
    """File > Settings; with ``lrs`` at the Learning record store page."""
    dialog = make_settings_dialog(window, parts)
    if lrs:
        dialog.show_lrs()
    window.settings_dialog = dialog
    dialog.exec()
    if dialog.moved_to is not None:
        window.close()  # the next start reads the new folder; nothing is written to the old one


def make_settings_dialog(window: MainWindow, parts: AppParts):
    from trainer.services.lrs import LrsOutbox
    from trainer.services.profiles import ProfileService
    from trainer.ui.settings.dialog import SettingsDialog

    profiles = ProfileService(parts.store).list()
    data_dir = parts.store.folder if parts.store.folder is not None else None
    pending = len(LrsOutbox(parts.store, parts.profile_id).entries("pending"))
    return SettingsDialog(window, parts.settings, data_dir, profiles, lrs_pending=pending)
