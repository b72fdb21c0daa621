"""Connections between sections: the one place where widgets meet.

``connect_signals(window, parts)`` is called once by ``app.build``. When a
feature needs one section to react to another (start a reflection from a
module, open a scenario from a module's link), the connection goes here.
Sections added lazily are wired when ``window.section_built`` says so.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from trainer.ui.shell.parts import AppParts, ShowsRecords
from trainer.ui.shell.sidebar import install_sidebar
from trainer.ui.shell.status import expire_status_messages

if TYPE_CHECKING:
    from trainer.ui.course.view import CourseView
    from trainer.ui.journal.view import JournalView
    from trainer.ui.scenarios.view import ScenarioView
    from trainer.ui.shell.main_window import MainWindow
    from trainer.ui.skills.view import SkillsView


def connect_signals(window: MainWindow, parts: AppParts) -> None:
    """Wire cross-section signals. Sections wire their own internals."""
    install_sidebar(window)  # every section is added by now
    expire_status_messages(window)
    _connect_journal(window, parts)
    _connect_records_changed(window, parts)
    from trainer.ui.shell.navigation import connect_navigation, connect_navigation_course

    connect_navigation(window, parts)  # Home, search, bookmarks, settings

    def connect_course(window: MainWindow, parts: AppParts, view: CourseView) -> None:
        _connect_course_to_journal(window, parts, view)
        _connect_course_to_scenarios(window, parts, view)
        connect_navigation_course(window, parts, view)

    # Sections built on first show are wired then (or now, if already built).
    lazy: dict[str, Callable[[], None]] = {
        "course": lambda: connect_course(window, parts, window.course_view),
        "skills": lambda: _connect_skills(window, parts, window.skills_view()),
        "journal": lambda: _connect_journal_view(window, parts, window.journal_view()),
        "scenarios": lambda: _connect_scenarios_view(window, parts, window.scenarios_view()),
    }

    def on_window_section_built(key: str) -> None:
        if key in lazy:
            lazy[key]()

    window.section_built.connect(on_window_section_built)
    built = window.built_sections()
    for key, connect in lazy.items():
        if key in built:
            connect()


def _connect_course_to_scenarios(window: MainWindow, parts: AppParts, course_view: CourseView) -> None:
    """Course -> Scenarios: a module's "Practise it" link opens the scenario."""
    if "scenarios" not in window.sections:
        return

    def on_reader_scenario_link(scenario_id: str) -> None:
        window.show_section("scenarios")  # builds the section the first time
        window.scenarios_view().open_scenario(scenario_id)

    course_view.reader.scenario_link_activated.connect(on_reader_scenario_link)


def _connect_scenarios_view(window: MainWindow, parts: AppParts, scenarios: ScenarioView) -> None:
    """Scenarios -> Journal: reflect on a moment (Rolfe: it follows a practice round)."""
    journal = parts.journal

    def on_scenarios_reflection_requested(link: dict) -> None:
        if journal is None:
            return
        window.show_section("journal")
        journal.start_reflection("rolfe", link)

    scenarios.reflection_requested.connect(on_scenarios_reflection_requested)


def _connect_journal_view(window: MainWindow, parts: AppParts, view: JournalView) -> None:
    status_bar = window.statusBar()
    view.status_message.connect(lambda text: status_bar.showMessage(text, 8000))


def _connect_journal(window: MainWindow, parts: AppParts) -> None:
    journal = parts.journal
    if journal is None or "journal" not in window.sections:
        return
    status_bar = window.statusBar()

    def on_journal_save_failed(message: str) -> None:
        status_bar.showMessage(message)

    journal.save_failed.connect(on_journal_save_failed)


def _connect_course_to_journal(window: MainWindow, parts: AppParts, course_view: CourseView) -> None:
    """Course -> Journal: "Reflect on this module" starts a linked reflection."""
    journal = parts.journal
    if journal is None or "journal" not in window.sections:
        return

    def on_course_reflection_requested(link: dict, template_id: str | None = None) -> None:
        window.show_section("journal")  # built first, so the editor hears the new reflection
        journal.start_reflection(template_id, link)

    course_view.reflection_requested.connect(on_course_reflection_requested)

    # The reader's Reflect button: click for Gibbs, or pick another template from its menu.
    from PySide6.QtWidgets import QMenu, QToolButton

    button = course_view.reader.reflect_button
    menu = QMenu(button)

    def reflect_with(template_id: str) -> None:
        link = course_view.reflection_link()
        if link is not None:
            on_course_reflection_requested(link, template_id)

    for template in journal.templates:
        action = menu.addAction(f"{template.title}" + (f" \u2014 {template.when}" if template.when else ""))
        action.triggered.connect(lambda _=False, tid=template.id: reflect_with(tid))
    button.setMenu(menu)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)


def _connect_skills(window: MainWindow, parts: AppParts, skills: SkillsView) -> None:
    course = parts.controller
    # Finishing a module changes "modules done" and the suggestions.
    course.progress_changed.connect(skills.dashboard.refresh)
    window.theme_changed.connect(skills.on_window_theme_changed)
    window.zoom_changed.connect(skills.on_window_zoom_changed)

    def on_dashboard_module_requested(module_id: str) -> None:
        window.show_section("course")
        course.open_module(module_id)

    skills.dashboard.module_requested.connect(on_dashboard_module_requested)

    def on_dashboard_scenario_requested(scenario_id: str) -> None:
        if "scenarios" in window.sections:
            window.show_section("scenarios")  # built on first show
            window.scenarios_view().open_scenario(scenario_id)

    skills.dashboard.scenario_requested.connect(on_dashboard_scenario_requested)


def _connect_records_changed(window: MainWindow, parts: AppParts) -> None:
    """Records that came in from outside show up everywhere already built."""

    def on_window_records_changed() -> None:
        built = window.built_sections()
        if "course" in built:
            window.course_view.on_controller_progress_changed(parts.controller.current_id or "")
        for widget in built.values():
            if isinstance(widget, ShowsRecords):
                widget.on_records_changed()

    window.records_changed.connect(on_window_records_changed)
