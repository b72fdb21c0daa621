"""Connections between sections: the one place where widgets meet.

``connect_signals(window, parts)`` is called once by ``app.build``. When a
feature needs one section to react to another (start a reflection from a
module, open a scenario from a module's link), the connection goes here.
"""

from __future__ import annotations

from typing import Any


def connect_signals(window: Any, parts: Any) -> None:
    """Wire cross-section signals. Sections wire their own internals."""
    _connect_journal(window, parts)


def _connect_journal(window: Any, parts: Any) -> None:
    """Course -> Journal: "Reflect on this module" starts a linked reflection."""
    journal = getattr(parts, "journal", None)
    view = window.sections.get("journal")
    if journal is None or view is None:
        return
    course_view = window.course_view
    status_bar = window.statusBar()

    def on_course_reflection_requested(link: dict, template_id: str | None = None) -> None:
        window.show_section("journal")
        journal.start_reflection(template_id, link)

    def on_journal_save_failed(message: str) -> None:
        status_bar.showMessage(message)

    course_view.reflection_requested.connect(on_course_reflection_requested)
    journal.save_failed.connect(on_journal_save_failed)
    view.status_message.connect(lambda text: status_bar.showMessage(text, 8000))

    # The reader's Reflect button: click for Gibbs, or pick another template from its menu.
    from PySide6.QtWidgets import QMenu, QToolButton

    button = course_view.reader.reflect_button
    menu = QMenu(button)
    for template in journal.templates:
        action = menu.addAction(f"{template.title}" + (f" \u2014 {template.when}" if template.when else ""))
        action.triggered.connect(
            lambda _=False, tid=template.id: (course_view.reflection_link() is not None
                                              and on_course_reflection_requested(course_view.reflection_link(), tid)))
    button.setMenu(menu)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
