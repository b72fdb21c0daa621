"""Search everything (Ctrl+K): modules, scenarios and reflections."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trainer.content import Content
    from trainer.services.journal import JournalService
    from trainer.services.search import SearchService
    from trainer.ui.shell.parts import AppParts

SEARCH_KEYS = ("Ctrl+K", "Ctrl+F")


def install(parts: AppParts) -> None:
    """Go > Search everything (Ctrl+K; Ctrl+F outside the Journal); the search code and
    index are made at the first search, not at start-up."""
    from PySide6.QtGui import QAction, QKeySequence

    from trainer.ui.common.lazy import Lazy
    from trainer.ui.common.menus import add_at_top

    window = parts.window
    journal = parts.journal
    if journal is None:
        return
    content = parts.content
    search = parts.search = Lazy(lambda: _search_service(content, journal.journal))

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
            dialog.hit_chosen.connect(parts.links.open_hit)
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


def _search_service(content: Content, journal: JournalService) -> SearchService:
    from trainer.services.search import SearchService

    return SearchService(content.course, content.scenarios, journal)
