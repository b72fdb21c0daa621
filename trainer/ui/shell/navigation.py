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

from trainer.ui.shell.parts import Links


def connect_navigation(window: MainWindow, parts: AppParts) -> None:
    """Home's links into the other sections."""
    _connect_home(window, parts)


def links(window: MainWindow, parts: AppParts) -> Links:
    """How features ask for each other (``parts.links``): all of them open through here."""
    return Links(
        open_module=lambda module_id: open_module(window, parts, module_id),
        open_hit=lambda hit: open_hit(window, parts, hit),
        open_reflection=lambda uid, match: open_reflection(window, uid, match),
    )


# -- opening things ----------------------------------------------------------------------
def open_module(window: MainWindow, parts: AppParts, module_id: str, focus: bool = True) -> None:
    window.show_section("course")
    parts.controller.open_module(module_id)
    if focus:
        window.activateWindow()  # back from the search or bookmarks dialog
        window.course_view.reader.browser.setFocus()


def hit_terms(hit: Hit) -> tuple[str, ...]:
    """The words to mark for a search hit: every word searched for (or at least the match)."""
    terms = hit.terms
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
            editor.scroll_area.ensureWidgetVisible(edit)
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


def connect_navigation_course(window: MainWindow, parts: AppParts, course_view: CourseView) -> None:
    """The reader's own Bookmark button, once the Course section is built."""
    action = window.bookmark_action
    if action is not None:
        course_view.reader.bookmark_button.clicked.connect(action.trigger)


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
    if "review" in window.sections:
        home.review_requested.connect(lambda: window.show_section("review"))

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
