"""Every focusable control on the main screens and dialogs has a name for screen readers."""

from __future__ import annotations

import pytest

from .a11y_walk import settle, walk


@pytest.fixture
def app_parts(make_app, sample_course):
    parts = make_app(content=sample_course)
    parts.window.resize(1280, 800)
    return parts


def test_every_section_and_sub_tab_names_its_controls(app_parts):
    window = app_parts.window
    problems = {}
    for key in list(window.sections):
        widget = window.section(key)
        window.show_section(key)
        settle()
        found = walk(widget)
        if found:
            problems[key] = found
    problems.update(_states(app_parts))
    assert problems == {}, "\n".join(f"{k}: {p}" for k, v in problems.items() for p in v)


def _states(parts) -> dict[str, list[str]]:
    """Screens that need a step to reach: an open reflection, an open scenario, Home with data."""
    window, out = parts.window, {}
    journal = parts.journal
    if journal is not None and journal.templates:
        window.show_section("journal")
        journal.start_reflection(journal.templates[0].id)
        found = walk(window.section("journal"))
        if found:
            out["journal with a reflection open"] = found
        window.show_section("home")
        found = walk(window.sections["home"])
        if found:
            out["home with a reflection"] = found
    scenarios = window.sections.get("scenarios")
    if scenarios is not None and scenarios.controller.scenarios:
        window.show_section("scenarios")
        scenarios.open_scenario(scenarios.controller.scenarios[0].id)
        found = walk(scenarios)
        if found:
            out["scenario open"] = found
    return out


def test_main_dialogs_name_their_controls(app_parts, qtbot):
    from trainer.services.profiles import ProfileService
    from trainer.ui.course.bookmarks_view import AddBookmarkDialog, BookmarksDialog
    from trainer.ui.journal.goals import CheckInDialog, GoalDialog
    from trainer.ui.search.dialog import SearchDialog
    from trainer.ui.session.observation_dialog import ObservationFileDialog
    from trainer.ui.settings import make_settings_dialog
    from trainer.ui.settings.profiles import ProfilesDialog
    from trainer.ui.shell.help_dialog import TextDialog, help_html

    parts, window = app_parts, app_parts.window
    journal = parts.journal
    parts.bookmarks.add("what-is-sms", "A passage worth keeping", note="note")
    goal = journal.create_goal(goal="Walk", importance=8, confidence=7, plan={"what": "walk"})
    search = SearchDialog(parts.search.get().grouped, window)
    search.edit.setText("agenda")
    dialogs = {
        "search": search,
        "bookmarks": BookmarksDialog(parts.bookmarks, lambda m: m, window),
        "add bookmark": AddBookmarkDialog("A passage", "Module", window),
        "settings": make_settings_dialog(window, parts),
        "goal": GoalDialog(journal, None, window),
        "check-in": CheckInDialog(journal, journal.goals.get(goal["uid"]), window),
        "profiles": ProfilesDialog(ProfileService(parts.store), manage=True, parent=window),
        "help": TextDialog("Help", help_html(), window),
        "observe a round": ObservationFileDialog(parts.controller.content.framework, "Sam Demo", window),
    }
    problems = {}
    for name, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        dialog.show()
        found = walk(dialog)
        if found:
            problems[name] = found
        dialog.close()
    assert problems == {}, "\n".join(f"{k}: {p}" for k, v in problems.items() for p in v)


def test_the_walk_finds_an_unnamed_field_and_accepts_a_buddy(qtbot):
    from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTabWidget, QVBoxLayout, QWidget

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    named_by_label, label = QLineEdit(), QLabel("&Name:")
    label.setBuddy(named_by_label)
    tabs = QTabWidget()
    hidden_page_field = QLineEdit()
    tabs.addTab(QPushButton("Fine"), "One")
    tabs.addTab(hidden_page_field, "Two")
    for w in (label, named_by_label, QPushButton("Save"), tabs):
        layout.addWidget(w)
    root.show()
    problems = walk(root)
    assert len(problems) == 1 and problems[0].startswith("QLineEdit")  # only the field on tab two
    hidden_page_field.setAccessibleName("Other")
    assert walk(root) == []
