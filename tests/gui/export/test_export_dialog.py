"""File > Export…: the dialog as a person uses it."""

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QDate

from trainer.content import load_content
from trainer.records.store import memory_store
from trainer.tools.demo_export import fill_demo, with_demo_plan
from trainer.ui.export.dialog import ExportDialog

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def content():
    return with_demo_plan(load_content(ROOT / "tests" / "fixtures" / "sample-course"))


@pytest.fixture
def dialog(qtbot, content):
    store = memory_store()
    fill_demo(store)
    dlg = ExportDialog(store, content)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def test_pdf_export_saves_and_reports(qtbot, dialog, tmp_path):
    dialog.set_format("pdf")
    dialog.path_edit.setText(str(tmp_path / "mine.pdf"))
    with qtbot.waitSignal(dialog.export_finished) as signal:
        dialog.export_button.click()
    assert (tmp_path / "mine.pdf").read_bytes().startswith(b"%PDF")
    assert str(tmp_path / "mine.pdf") in signal.args[0]
    assert dialog.result() == dialog.DialogCode.Accepted


def test_sections_and_dates_reach_the_export(qtbot, dialog, tmp_path):
    dialog.set_format("md")
    dialog.path_edit.setText(str(tmp_path / "mine.md"))
    for key, check in dialog.section_checks.items():
        check.setChecked(key == "modules")
    dialog.limit_dates.setChecked(True)
    dialog.from_date.setDate(QDate(2026, 2, 1))
    dialog.to_date.setDate(QDate(2026, 2, 28))
    with qtbot.waitSignal(dialog.export_finished):
        dialog.export_button.click()
    text = (tmp_path / "mine.md").read_text(encoding="utf-8")
    assert "## 1. Modules completed" in text and "Reflections" not in text
    assert "2 modules completed" in text and "1 February 2026 to 28 February 2026" in text


def test_format_change_updates_file_ending_and_what_applies(dialog):
    dialog.path_edit.setText("/tmp/somewhere/my-evidence.pdf")
    dialog.set_format("csv")
    assert dialog.path_edit.text() == "/tmp/somewhere/my-evidence.csv"
    assert not dialog.sections_box.isEnabled()
    dialog.set_format("json")
    assert not dialog.limit_dates.isEnabled() and not dialog.from_date.isEnabled()
    dialog.set_format("html")
    assert dialog.sections_box.isEnabled() and dialog.path_edit.text().endswith(".html")


def test_problems_are_told_plainly_and_nothing_is_written(qtbot, dialog, tmp_path):
    dialog.set_format("html")
    dialog.path_edit.setText(str(tmp_path / "missing-folder" / "x.html"))
    with qtbot.waitSignal(dialog.export_failed) as signal:
        dialog.export_button.click()
    assert signal.args[0].startswith("Folder not found") and dialog.isVisible()
    for check in dialog.section_checks.values():
        check.setChecked(False)
    dialog.path_edit.setText(str(tmp_path / "x.html"))
    with qtbot.waitSignal(dialog.export_failed) as signal:
        dialog.export_button.click()
    assert "at least one" in dialog.message.text()
    assert list(tmp_path.iterdir()) == []


def test_backup_from_the_dialog_is_a_restorable_file(qtbot, dialog, tmp_path):
    dialog.set_format("json")
    dialog.path_edit.setText(str(tmp_path / "backup.json"))
    with qtbot.waitSignal(dialog.export_finished):
        dialog.export_button.click()
    data = json.loads((tmp_path / "backup.json").read_text(encoding="utf-8"))
    assert data["profiles"] == ["default"] and "reflection" in data["records"]


def test_every_control_has_an_accessible_name(dialog):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    focusable = [
        w
        for w in dialog.findChildren(QWidget)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and w.isVisibleTo(dialog)
        and w.metaObject().className() not in ("QCalendarWidget",)
    ]
    unnamed = [
        w.metaObject().className() for w in focusable if not w.accessibleName() and not getattr(w, "text", lambda: "")()
    ]
    assert unnamed == []


def test_main_window_has_file_export(make_app):
    parts = make_app()
    window = parts.window
    menu = window.file_menu.actions()
    assert menu.index(window.export_action) < [a.text() for a in menu].index("&Quit")
    window.export_action.trigger()
    assert isinstance(window.export_dialog, ExportDialog) and window.export_dialog.isVisible()
    window.export_dialog.reject()


def _backup_file(tmp_path):
    from trainer.export.backup import backup_json, export_backup

    store = memory_store()
    fill_demo(store)
    path = tmp_path / "from-old-laptop.json"
    path.write_text(backup_json(export_backup(store)), encoding="utf-8")
    return path


def test_restore_from_backup_updates_the_course_progress(make_app, sample_course, tmp_path, monkeypatch, qtbot):
    import trainer.ui.export.restore as export_restore

    parts = make_app(content=sample_course)
    window = parts.window
    menu = [a.text() for a in window.file_menu.actions()]
    assert menu.index("&Export…") < menu.index("&Import from a backup file…") < menu.index("&Quit")
    assert window.course_view.progress_label.text().startswith("0 of 11 done")
    monkeypatch.setattr(export_restore, "ask_backup_file", lambda _w: str(_backup_file(tmp_path)))
    with qtbot.waitSignal(window.restore_controller.records_restored) as signal:
        window.restore_action.trigger()
    # the app had already opened module 1 here: that progress is merged, not lost
    assert "22 added, 1 updated" in signal.args[0]  # 5 of them answers to knowledge checks
    assert window.course_view.progress_label.text().startswith("5 of 11 done")
    assert window.restore_message.isVisible() and "22 added" in window.restore_message.text()
    assert len(parts.store.all("reflection")) == 4
    window.restore_message.close()


def test_a_bad_backup_is_refused_plainly(make_app, tmp_path, monkeypatch, qtbot):
    import trainer.ui.export.restore as export_restore

    parts = make_app()
    bad = tmp_path / "notes.json"
    bad.write_text("{}", encoding="utf-8")
    monkeypatch.setattr(export_restore, "ask_backup_file", lambda _w: str(bad))
    with qtbot.waitSignal(parts.window.restore_controller.restore_failed) as signal:
        parts.window.restore_action.trigger()
    assert signal.args[0].startswith("Nothing was restored.") and "not a Practitioner Trainer backup" in signal.args[0]
    assert "reflection" not in parts.store.kinds()
    parts.window.restore_message.close()


def test_the_dialog_remembers_the_last_format_and_folder(qtbot, content, tmp_path):
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    store = memory_store()
    fill_demo(store)
    first = ExportDialog(store, content, settings=settings)
    qtbot.addWidget(first)
    first.set_format("md")
    (tmp_path / "out").mkdir()
    first.path_edit.setText(str(tmp_path / "out" / "p.md"))
    with qtbot.waitSignal(first.export_finished):
        first.export_button.click()
    again = ExportDialog(store, content, settings=settings)
    qtbot.addWidget(again)
    assert again.fmt() == "md"
    assert Path(again.path_edit.text()).parent == tmp_path / "out"
