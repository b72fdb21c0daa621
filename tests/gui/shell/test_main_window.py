from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def test_opens_on_first_module_with_objectives(make_app):
    parts = make_app()
    reader = parts.window.course_view.reader
    assert reader.module.id == "first"
    text = reader.browser.toPlainText()
    assert "First steps" in text and "Read a module" in text
    assert not reader.prev_button.isEnabled() and reader.next_button.isEnabled()


def test_select_module_mark_done_and_restart_keeps_it(make_app, tmp_path, qtbot):
    parts = make_app()
    view = parts.window.course_view
    row = view.outline_model.row_of("second")
    view.outline.setCurrentIndex(view.outline_model.index(row))
    assert view.reader.module.id == "second"
    with qtbot.waitSignal(parts.controller.progress_changed):
        view.reader.done_box.click()
    assert "\u2713 Done" in view.outline_model.index(row).data()
    # Ticked by hand: shown as done, but counted apart (#21)
    assert view.progress_label.text() == "0 of 3 done \u00b7 0 min \u00b7 1 marked by hand"
    parts.window.close()

    again = make_app(data=tmp_path / "data")
    view2 = again.window.course_view
    assert view2.reader.module.id == "second"  # remembers where the person was
    assert view2.reader.done_box.isChecked()
    assert "\u2713 Done" in view2.outline_model.index(row).data()


def test_keyboard_next_previous_and_focus(make_app, qtbot):
    parts = make_app()
    window = parts.window
    view = window.course_view
    window.activateWindow()
    qtbot.waitActive(window)
    window.show_section("course")  # the app opens on Home
    view.outline.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.outline)
    qtbot.keyClick(view.outline, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert view.reader.module.id == "second"
    qtbot.keyClick(view.outline, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert view.reader.module.id == "third"
    assert not view.reader.next_button.isEnabled()
    qtbot.keyClick(view.outline, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert view.reader.module.id == "second"
    window.focus_outline_action.trigger()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.outline)
    qtbot.keyClick(view.outline, Qt.Key.Key_Up)
    assert view.reader.module.id == "first"
    window.focus_reader_action.trigger()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.reader.browser)
    window.done_action.trigger()
    assert parts.controller.progress("first").done


def test_link_to_another_module_opens_it(make_app):
    parts = make_app()
    reader = parts.window.course_view.reader
    from PySide6.QtCore import QUrl

    reader.browser.anchorClicked.emit(QUrl("02-second.md"))
    assert reader.module.id == "second"


def test_toc_combo_lists_sections(make_app):
    parts = make_app()
    combo = parts.window.course_view.reader.toc_combo
    items = [combo.itemText(i).strip() for i in range(combo.count())]
    assert items[1:] == ["Part one", "Part two"]


def test_text_size_is_remembered(make_app, tmp_path):
    parts = make_app()
    reader = parts.window.course_view.reader
    start = reader.point_size
    parts.window.larger_action.trigger()
    parts.window.larger_action.trigger()
    assert reader.point_size == start + 2
    parts.window.close()
    again = make_app(data=tmp_path / "data")
    assert again.window.course_view.reader.point_size == start + 2


def test_broken_module_is_listed_with_its_error_and_rest_work(make_app, fixtures):
    parts = make_app(content=fixtures / "broken")
    view = parts.window.course_view
    texts = [view.outline_model.index(r).data() for r in range(view.outline_model.rowCount())]
    assert texts[0].startswith("1. A good module")
    assert texts[1].startswith("\u26a0") and "Cannot open" in texts[1]
    parts.controller.open_module(view.outline_model.module_at(1).id)
    assert "could not be opened" in view.reader.browser.toPlainText()
    assert not view.reader.done_box.isEnabled()
    assert "problem" in parts.window.statusBar().currentMessage()


def test_outline_model_contract(qtmodeltester, fixtures):
    from trainer.content import load_content
    from trainer.ui.course.outline import OutlineModel

    content = load_content(fixtures / "course")
    model = OutlineModel(content.course.modules, {"first"})
    qtmodeltester.check(model)


def test_save_failure_is_reported_not_crashing(make_app, monkeypatch):
    parts = make_app()
    shown = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda *a, **k: shown.append(a[2]))

    def boom(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(parts.store, "upsert", boom)
    parts.window.course_view.reader.done_box.click()
    assert shown and "could not be saved" in shown[0]


def test_lazy_section_is_built_on_first_show(make_app):
    from PySide6.QtWidgets import QLabel

    parts = make_app()
    window = parts.window
    built = []

    def factory():
        built.append(1)
        return QLabel("Later")

    action = window.add_section("later", "&Later", factory)
    assert built == [] and window.current_section() == "home"
    action.trigger()
    assert built == [1] and window.current_section() == "later"
    assert isinstance(window.sections["later"], QLabel)
    window.show_section("course")
    window.show_section("later")
    assert built == [1]
    assert window.tabs.tabText(window.tabs.indexOf(window.sections["later"])) == "&Later"


def test_clicking_a_lazy_tab_builds_it(make_app):
    from PySide6.QtWidgets import QLabel

    parts = make_app()
    window = parts.window
    window.add_section("later", "&Later", lambda: QLabel("Built"))
    window.tabs.setCurrentIndex(window.tabs.indexOf(window.sections["later"]))
    assert isinstance(window.tabs.currentWidget(), QLabel)


def test_dark_theme_switches_palette_and_page_and_is_remembered(make_app, tmp_path):
    from PySide6.QtGui import QPalette

    parts = make_app()
    window = parts.window
    window.theme_actions["dark"].trigger()
    app = QApplication.instance()
    assert app.palette().color(QPalette.ColorRole.Window).lightness() < 128
    reader = window.course_view.reader
    assert reader.theme.name == "dark"
    window.close()
    again = make_app(data=tmp_path / "data")
    assert again.window.theme_actions["dark"].isChecked()
    assert again.window.course_view.reader.theme.name == "dark"
    again.window.theme_actions["light"].trigger()
    assert app.palette().color(QPalette.ColorRole.Window).lightness() > 128


def test_help_and_about_show_real_information(make_app, monkeypatch, tmp_path):
    from trainer.ui.shell import help_dialog

    shown = []
    monkeypatch.setattr(help_dialog.TextDialog, "exec", lambda self: shown.append(self.browser.toPlainText()))
    parts = make_app()
    parts.window.help_action.trigger()
    parts.window.about_action.trigger()
    assert "Using the keyboard" in shown[0] and "Ctrl+D" in shown[0]
    assert str((tmp_path / "data").resolve()) in shown[1]
    from trainer import __version__

    assert __version__ in shown[1]


def test_module_scenario_link_opens_the_scenario(qtbot, sample_course, tmp_path):
    from PySide6.QtCore import QUrl

    from trainer.app import build

    parts = build(sample_course, tmp_path / "data")
    qtbot.addWidget(parts.window)
    parts.window.start()
    module = next(m for m in parts.controller.course.modules if m.scenarios)
    parts.controller.open_module(module.id)
    reader = parts.window.course_view.reader
    assert "Practise it" in reader.browser.toPlainText()
    reader.browser.anchorClicked.emit(QUrl(f"scenario:{module.scenarios[0]}"))
    assert parts.window.current_section() == "scenarios"
    assert parts.window.section("scenarios").controller.current.id == module.scenarios[0]
    parts.store.close()


def test_reflect_on_a_scenario_moment_starts_a_linked_journal_entry(qtbot, sample_course, tmp_path):
    from trainer.app import build

    parts = build(sample_course, tmp_path / "data")
    qtbot.addWidget(parts.window)
    scenarios = parts.window.section("scenarios")
    sid = parts.controller.content.scenarios[0].id
    scenarios.open_scenario(sid)
    scenarios.reflection_requested.emit({"kind": "scenario", "scenario": sid, "moment": "opening"})
    assert parts.window.current_section() == "journal"
    (rec,) = parts.journal.journal.entries()
    assert rec["link"] == {"kind": "scenario", "scenario": sid, "moment": "opening"}
    assert rec["template"] == "rolfe"
    parts.store.close()


def test_imported_feedback_shows_on_the_skills_dashboard_without_reopening(qtbot, sample_course, tmp_path, monkeypatch):
    """A bundle imported from the File menu reaches a Skills section that is already open."""
    import json

    from PySide6.QtWidgets import QFileDialog

    from trainer.app import build

    parts = build(sample_course, tmp_path / "data")
    qtbot.addWidget(parts.window)
    window = parts.window
    skills = window.section("skills")
    before = len(skills.controller.observations())
    bundle = {
        "format": "practitioner-trainer/feedback-bundle",
        "version": 1,
        "exported": "",
        "session": {"uid": "s1", "title": "Taster", "date": "2026-11-20"},
        "learner": {"name": "Sam"},
        "observations": [
            {
                "uid": "o1",
                "round": 1,
                "observer_name": "Finn",
                "counts": {"open_question": 2},
                "items": {"agenda-setting": {"rating": 2}},
            }
        ],
    }
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    refreshed = []
    skills.dashboard.refresh = lambda *a: refreshed.append(1)
    action = next(a for a in window.file_menu.actions() if "feedback bundle" in a.text())
    action.trigger()
    assert len(skills.controller.observations()) == before + 1
    assert refreshed, "the dashboard should have been refreshed"
    parts.store.close()


def test_a_status_message_stays_with_the_section_that_said_it(make_app, qtbot):
    parts = make_app()
    window = parts.window
    window.show_section("journal")
    window.statusBar().showMessage("Moved the reflection to the bin. Press Ctrl+Z to undo.")
    assert window.statusBar().currentMessage().startswith("Moved")
    window.show_section("course")
    assert window.statusBar().currentMessage() == ""
