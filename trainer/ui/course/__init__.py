"""The Course section: outline, module reader and bookmarks.

The section itself is the main window's first (``MainWindow``); ``install`` adds
what the Course brings besides: bookmarks on passages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trainer.ui.shell.parts import AppParts


def install(parts: AppParts) -> None:
    """Bookmarks on module passages: Go > Bookmark this passage (Ctrl+B), Go > Bookmarks."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QAction, QKeySequence

    from trainer.services.bookmarks import BookmarkService
    from trainer.ui.course.bookmarks_controller import BookmarkController

    window = parts.window
    controller = parts.bookmarks = BookmarkController(BookmarkService(parts.store, parts.profile_id), window)
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

        parts.links.open_module(rec["module"])
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
