"""Home, search, bookmarks, zoom and settings in the real window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QLabel

from trainer.services.search import Hit


def test_home_is_first_and_alt_numbers_follow_the_tabs(make_app):
    parts = make_app()
    window = parts.window
    assert window.current_section() == "home" and window.tabs.indexOf(window.sections["home"]) == 0
    assert window.course_view.reader.module.id == "first"  # opened behind Home
    shortcuts = {a.text().replace("&", ""): a.shortcut().toString() for a in window.sections_menu.actions()}
    assert shortcuts["Home"] == "Alt+1" and shortcuts["Course"] == "Alt+2"
    window.insert_section(1, "extra", "&Extra", QLabel("x"))
    shortcuts = [(a.text(), a.shortcut().toString()) for a in window.sections_menu.actions()]
    assert shortcuts[:3] == [("&Home", "Alt+1"), ("&Extra", "Alt+2"), ("&Course", "Alt+3")]
    assert window.current_section() == "home"


def test_home_continue_progress_and_recent_reflection(make_app, fixtures, sample_course, tmp_path, qtbot):
    import shutil

    content = tmp_path / "content"  # the fixture course with the bundled reflection templates
    shutil.copytree(fixtures / "course", content)
    shutil.copytree(sample_course / "templates", content / "templates")
    parts = make_app(content=content)
    window, home = parts.window, parts.window.sections["home"]
    assert home.continue_button.text().replace("&", "") == "Start the course"
    parts.controller.open_module("second")
    parts.controller.reach_end("first")  # no questions in this course: reaching the end is done (#21)
    window.show_section("course")
    window.show_section("home")
    assert "Second" in home.continue_label.text() or "second" in home.continue_label.text().lower()
    assert home.progress_path.accessibleDescription().startswith("1 of 3 modules done")
    assert "1 of 3 modules done" in home.progress_label.text()
    home.continue_button.click()
    assert window.current_section() == "course" and window.course_view.reader.module.id == "second"

    uid = parts.journal.start_reflection(None, title="Tried asking first")
    window.show_section("home")
    assert home.recent_list.count() == 1
    home.recent_list.itemClicked.emit(home.recent_list.item(0))
    assert window.current_section() == "journal"
    assert window.section("journal").editor.uid == uid


def test_home_shows_a_due_goal_and_opens_the_check_in(make_app, monkeypatch):
    parts = make_app()
    window, home = parts.window, parts.window.sections["home"]
    goal = parts.journal.create_goal(goal="Walk at lunch", importance=8, confidence=7, plan={"what": "walk"})
    assert home.checkin_button.isHidden()
    parts.journal.update_goal(goal["uid"], {"next_checkin": "2000-01-01"})
    assert "Walk at lunch" in home.goal_label.text() and not home.checkin_button.isHidden()
    opened = []
    monkeypatch.setattr(window.section("journal"), "open_checkin", lambda g: opened.append(g["uid"]))
    home.checkin_button.click()
    assert opened == [goal["uid"]] and window.current_section() == "journal"


def test_search_opens_a_module_highlighted_a_scenario_moment_and_a_reflection(make_app, sample_course, qtbot):
    parts = make_app(content=sample_course)
    window = parts.window
    window.search_action.trigger()
    dialog = window.search_dialog
    dialog.edit.setText("rescue pack")
    results = dialog.results
    assert results.topLevelItemCount() >= 1 and "(" in results.topLevelItem(0).text(0)
    scenario_hit = next(h for h in parts.search.get().search("rescue pack") if h.kind == "scenario" and h.moment)
    dialog.hit_chosen.emit(scenario_hit)
    view = window.section("scenarios")
    assert window.current_section() == "scenarios"
    assert view.controller.current_id == scenario_hit.key
    qtbot.waitUntil(lambda: view.page.moment_id == scenario_hit.moment)

    module_hit = parts.search.get().search("elicit provide")[0]
    assert module_hit.kind == "module"
    dialog.hit_chosen.emit(module_hit)
    browser = window.course_view.reader.browser
    assert window.course_view.reader.module.id == module_hit.key
    qtbot.waitUntil(lambda: browser.textCursor().selectedText().lower() == module_hit.match.lower())

    uid = parts.journal.start_reflection(None, title="Café conversation")
    hit = parts.search.get().search("cafe")[0]
    assert hit.kind == "reflection"
    dialog.hit_chosen.emit(hit)
    assert window.current_section() == "journal" and window.section("journal").editor.uid == uid

    editor = window.section("journal").editor
    last = list(editor.edits)[-1]
    editor.edits[last].setPlainText("Next time I will try the teach-back question.")
    editor.save_now()
    window.show_section("home")
    hit = next(h for h in parts.search.get().search("teach-back") if h.kind == "reflection")
    dialog.hit_chosen.emit(hit)
    edit = window.section("journal").editor.edits[last]
    assert edit.textCursor().selectedText() == "teach-back"


def test_ctrl_f_in_the_journal_stays_with_the_journal_search(make_app):
    parts = make_app()
    window = parts.window
    keys = lambda: {k.toString() for k in window.search_action.shortcuts()}  # noqa: E731
    assert keys() == {"Ctrl+K", "Ctrl+F"}
    window.show_section("journal")
    assert keys() == {"Ctrl+K"}
    window.show_section("course")
    assert keys() == {"Ctrl+K", "Ctrl+F"}


def test_bookmark_a_selected_passage_open_it_edit_note_delete_and_undo(make_app, qtbot, monkeypatch):
    parts = make_app()
    window = parts.window
    reader = window.course_view.reader
    window.show_section("course")
    parts.controller.open_module("second")
    browser = reader.browser
    cursor = browser.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    browser.setTextCursor(cursor)
    assert browser.find("module's body")
    window.bookmark_action.trigger()
    dialog = window.add_bookmark_dialog
    assert "module's body" in dialog.quote.text()
    dialog.note.setText("Come back to this")
    dialog.accept()
    saved = parts.bookmarks.list()
    assert len(saved) == 1 and saved[0]["module"] == "second" and saved[0]["note"] == "Come back to this"
    assert saved[0]["anchor"]  # the nearest heading's anchor

    parts.controller.open_module("first")
    window.show_section("journal")
    assert not window.bookmark_action.isEnabled()  # Ctrl+B only while reading
    window.bookmarks_action.trigger()
    listing = window.bookmarks_dialog
    assert listing.list.count() == 1 and "Come back to this" in listing.list.item(0).text()
    monkeypatch.setattr("trainer.ui.course.bookmarks_view.QInputDialog.getText", lambda *a, **k: ("Changed", True))
    listing.edit_note()
    assert parts.bookmarks.list()[0]["note"] == "Changed"
    listing.delete_current()
    assert parts.bookmarks.list() == [] and listing.undo_button.isVisibleTo(listing)
    listing.undo_delete()
    assert len(parts.bookmarks.list()) == 1
    listing.open_current()
    assert reader.module.id == "second"
    qtbot.waitUntil(lambda: browser.textCursor().selectedText() == "module's body")


def test_zoom_scales_the_application_font_and_is_remembered(make_app, tmp_path):
    parts = make_app()
    window = parts.window
    app = QApplication.instance()
    base = app.font().pointSizeF()
    heading = window.sections["home"].title
    heading_before = heading.font().pointSizeF()
    reader_point = window.course_view.reader.point_size
    window.show_section("course")
    outline_width = window.course_view.splitter.sizes()[0]
    window.zoom_in_action.trigger()
    window.zoom_in_action.trigger()
    assert app.font().pointSizeF() > base
    assert heading.font().pointSizeF() > heading_before  # own fonts keep their proportion
    assert window.course_view.reader.point_size == reader_point  # the reader's size is its own
    assert window.course_view.splitter.sizes()[0] > outline_width  # the module list widens too
    window.set_zoom(175)
    assert abs(app.font().pointSizeF() - base * 1.75) < 0.01
    window.set_zoom(500)
    assert abs(app.font().pointSizeF() - base * 2) < 0.01 and not window.zoom_in_action.isEnabled()
    window.close()
    again = make_app(data=tmp_path / "data")
    assert abs(app.font().pointSizeF() - base * 2) < 0.01
    again.window.zoom_reset_action.trigger()
    assert abs(app.font().pointSizeF() - base) < 0.01


def test_settings_dialog_applies_theme_zoom_and_profile(make_app, monkeypatch):
    from trainer.ui.settings import make_settings_dialog

    parts = make_app()
    dialog = make_settings_dialog(parts.window, parts)
    assert dialog.folder.text() == str(parts.data_dir)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.zoom.setValue(150)
    dialog.profile.setCurrentIndex(1)
    themes = []
    parts.window.theme_changed.connect(themes.append)
    dialog.accept()
    assert themes == ["dark"] and parts.settings.value("appearance/theme") == "dark"
    assert int(parts.settings.value("appearance/zoom")) == 150
    assert parts.settings.value("profiles/default") == parts.profile_id
    parts.window.set_zoom(100)
    parts.window.set_theme("light")


def test_settings_moves_the_data_and_says_where_both_are(make_app, tmp_path, monkeypatch):
    from trainer.paths import default_data_dir
    from trainer.ui.settings import make_settings_dialog

    parts = make_app()
    parts.bookmarks.add("first", "Kept safe")
    dialog = make_settings_dialog(parts.window, parts)
    shown = []
    monkeypatch.setattr(dialog, "choose_folder", lambda: tmp_path / "moved")
    monkeypatch.setattr("trainer.ui.settings.dialog.QMessageBox.information", lambda *a: shown.append(("info", a[2])))
    monkeypatch.setattr("trainer.ui.settings.dialog.QMessageBox.warning", lambda *a: shown.append(("warn", a[2])))
    dialog.on_move_clicked()
    assert shown[0][0] == "info"
    assert str(tmp_path / "moved") in shown[0][1] and str(parts.data_dir.resolve()) in shown[0][1]
    assert default_data_dir() == (tmp_path / "moved").resolve()
    dialog.on_move_clicked()  # not empty any more
    assert shown[1][0] == "warn" and "not empty" in shown[1][1]


def test_search_hit_with_unknown_kind_is_ignored(make_app):
    from trainer.ui.shell.navigation import open_hit

    parts = make_app()
    open_hit(parts.window, parts, Hit("other", "x", "t", "s", "", (0, 0)))
    assert parts.window.current_section() == "home"


def test_default_profile_from_settings_skips_the_chooser(tmp_path):
    from trainer.app import choose_profile
    from trainer.records.store import open_store
    from trainer.services.profiles import ProfileService

    store = open_store(tmp_path / "d")
    try:
        service = ProfileService(store)
        a, b = service.create("Ann"), service.create("Bo")
        assert choose_profile(store, None, True, preferred=b.id) == b.id
        assert choose_profile(store, "Ann", True, preferred=b.id) == a.id  # --profile still wins
    finally:
        store.close()
    assert Qt is not None


def test_without_a_selection_the_paragraph_at_the_top_is_bookmarked(make_app):
    from trainer.ui.course.bookmarks_view import passage_at

    parts = make_app()
    window = parts.window
    window.show_section("course")
    parts.controller.open_module("second")
    browser = window.course_view.reader.browser
    browser.verticalScrollBar().setValue(0)
    text, anchor, heading = passage_at(browser)
    assert text and not browser.textCursor().hasSelection()
    assert text.strip() in browser.toPlainText()
