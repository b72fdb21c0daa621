"""Profiles and the record store as a person meets them in the window."""

import errno
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from trainer.app import build, start
from trainer.records import backend as backend_mod
from trainer.records.lock import DataLock
from trainer.records.store import open_store
from trainer.services.profiles import ProfileService
from trainer.ui.common.store_prompts import StorePrompts
from trainer.ui.settings.profiles import ProfilesDialog
from trainer.ui.shell.parts import DEFAULT_PROFILE


@pytest.fixture
def sessions(qtbot):
    made = []

    def keep(session):
        if not isinstance(session, int):
            qtbot.addWidget(session.parts.window)
            made.append(session)
        return session

    yield keep
    for session in made:
        session.store.close()


def _no_dialogs(monkeypatch):
    def fail(*_a, **_k):
        raise AssertionError("no dialog expected")

    monkeypatch.setattr(ProfilesDialog, "ask", classmethod(fail))
    monkeypatch.setattr(StorePrompts, "show_notices", classmethod(fail))


def test_dialog_creates_renames_deletes_and_chooses(qtbot, monkeypatch):
    store = open_store_memory()
    service = ProfileService(store)
    keep = service.create("Kim Keep")
    dialog = ProfilesDialog(service, current_id=keep.id)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1 and not dialog.delete_button.isEnabled()  # open now

    dialog.name_edit.setText("Ali Example")
    dialog.create_button.click()
    assert [p.name for p in service.list()] == ["Ali Example", "Kim Keep"]
    assert dialog.list.currentItem().text() == "Ali Example"

    dialog.name_edit.setText("kim keep")
    dialog.create_button.click()
    assert dialog.error_label.isVisibleTo(dialog) and "already" in dialog.error_label.text()

    monkeypatch.setattr("trainer.ui.settings.profiles.QInputDialog.getText", lambda *a, **k: ("Alison Example", True))
    dialog.rename_button.click()
    assert service.get(dialog.selected_id()).name == "Alison Example"

    monkeypatch.setattr(
        "trainer.ui.settings.profiles.QMessageBox.question", lambda *a, **k: QMessageBox.StandardButton.Yes
    )
    dialog.delete_button.click()
    assert [p.name for p in service.list()] == ["Kim Keep"]

    dialog.list.setCurrentRow(0)
    dialog.open_button.click()
    assert dialog.chosen_id == keep.id and dialog.result() == dialog.DialogCode.Accepted


def test_typing_a_name_and_enter_creates_and_opens_on_first_start(qtbot):
    service = ProfileService(open_store_memory())
    dialog = ProfilesDialog(service)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.open_button.isEnabled()
    qtbot.keyClicks(dialog.name_edit, "Kim Example")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert service.get(dialog.chosen_id).name == "Kim Example"


def test_enter_in_manage_mode_creates_without_closing(qtbot):
    service = ProfileService(open_store_memory())
    dialog = ProfilesDialog(service, manage=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.name_edit, "Ann")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and [p.name for p in service.list()] == ["Ann"]


def open_store_memory():
    from trainer.records.store import memory_store

    return memory_store()


def test_first_start_asks_for_a_profile_then_remembers_it(sample_course, tmp_path, monkeypatch, sessions):
    asked = []

    def ask(cls, parent, service, **kw):
        asked.append(kw)
        return service.create("Kim Example", role="Health coach").id

    monkeypatch.setattr(ProfilesDialog, "ask", classmethod(ask))
    first = sessions(start(sample_course, tmp_path))
    assert asked and "Kim Example" in first.parts.window.windowTitle()
    menu = [a.text() for a in first.parts.window.file_menu.actions()]
    assert menu[:2] == ["S&witch profile\u2026", "&Manage profiles\u2026"] and menu[-1] == "&Quit"
    first.parts.window.close()
    first.store.close()

    _no_dialogs(monkeypatch)  # one profile, used last time: straight in
    again = sessions(start(sample_course, tmp_path))
    assert again.parts.profile_id == first.parts.profile_id


def test_switching_profile_opens_that_learners_progress(sample_course, tmp_path, monkeypatch, sessions, qtbot):
    store = open_store(tmp_path)
    svc = ProfileService(store)
    a, b = svc.create("Ann"), svc.create("Ben")
    from trainer.services.progress import ProgressService

    first_module = build(sample_course, tmp_path / "x").controller.course.readable()[0].id
    ProgressService(store, b.id).set_done(first_module, True)
    store.close()
    monkeypatch.setattr(ProfilesDialog, "ask", classmethod(lambda cls, *a_, **k: a.id))
    session = sessions(start(sample_course, tmp_path))
    assert session.parts.controller.done_ids() == set()
    monkeypatch.setattr(ProfilesDialog, "ask", classmethod(lambda cls, *a_, **k: b.id))
    old_window = session.parts.window
    session.on_switch_triggered()
    qtbot.addWidget(session.parts.window)
    assert session.parts.profile_id == b.id and "Ben" in session.parts.window.windowTitle()
    assert session.parts.controller.done_ids() == {first_module}
    assert not old_window.isVisible() and session.parts.window.isVisible()
    assert ProfileService(session.store).last_used().id == b.id


def test_start_up_notice_after_a_damaged_file(sample_course, tmp_path, monkeypatch, sessions):
    store = open_store(tmp_path)
    ProfileService(store).create("Sam")
    store.close()
    open_store(tmp_path).close()  # a backup holding Sam
    (tmp_path / "records.json").write_text('{"profiles": {"1": {"na', encoding="utf-8")
    shown = []
    monkeypatch.setattr(StorePrompts, "show_notices", classmethod(lambda cls, p, n: shown.extend(n)))
    monkeypatch.setattr(ProfilesDialog, "ask", classmethod(lambda cls, p, service, **k: service.list()[0].id))
    session = sessions(start(sample_course, tmp_path))
    assert shown and "could not be read" in shown[0] and "records.corrupt-" in shown[0]
    assert "Sam" in session.parts.window.windowTitle()


def test_second_copy_asks_and_opens_read_only(sample_course, tmp_path, monkeypatch, sessions, qtbot):
    holder = DataLock(tmp_path).acquire()
    try:
        questions = []
        monkeypatch.setattr(
            StorePrompts, "ask_read_only", classmethod(lambda cls, p, message: questions.append(message) or False)
        )
        assert start(sample_course, tmp_path) == 1  # "Quit"
        assert "in use by another copy" in questions[0]

        monkeypatch.setattr(StorePrompts, "ask_read_only", classmethod(lambda cls, p, m: True))
        monkeypatch.setattr(ProfilesDialog, "ask", classmethod(lambda cls, p, service, **k: "default"))
        warned = []
        monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda *a, **k: warned.append(a))
        before = (tmp_path / "records.json").read_bytes() if (tmp_path / "records.json").exists() else None
        session = sessions(start(sample_course, tmp_path))
        window = session.parts.window
        assert session.store.read_only and "read-only" in window.windowTitle()
        window.course_view.reader.done_box.click()
        assert "Read-only" in window.statusBar().currentMessage() and not warned
        session.store.close()
        after = (tmp_path / "records.json").read_bytes() if (tmp_path / "records.json").exists() else None
        assert after == before
    finally:
        holder.release()


def test_newer_records_are_refused_with_a_message(sample_course, tmp_path, monkeypatch):
    (tmp_path / "records.json").write_text(json.dumps({"_meta": {"1": {"schema": 99}}}))
    errors = []
    monkeypatch.setattr(StorePrompts, "show_error", classmethod(lambda cls, p, t, text: errors.append(text)))
    assert start(sample_course, tmp_path) == 1
    assert "newer version" in errors[0]


def test_disk_full_while_marking_done_warns_and_keeps_going(fixtures, tmp_path, monkeypatch, qtbot):
    parts = build(fixtures / "course", tmp_path)
    qtbot.addWidget(parts.window)
    parts.window.start()
    parts.window.show()
    reader = parts.window.course_view.reader  # built (it opens the first module) while the disk has room
    before = {p.name: p.read_bytes() for p in tmp_path.glob("records.*")}
    shown = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda *a, **k: shown.append(a[2]))

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backend_mod.os, "write", full)
    module_id = reader.module.id
    reader.done_box.click()
    assert shown and "could not be saved" in shown[0] and "No space left" in shown[0]
    assert parts.window.isVisible()
    assert not parts.controller.progress(module_id).done  # nothing half-saved
    assert {p.name: p.read_bytes() for p in tmp_path.glob("records.*")} == before
    monkeypatch.undo()  # space again
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda *a, **k: shown.append(a[2]))
    parts.controller.set_done(module_id, True)  # saving works again
    assert shown[1:] == [] and parts.controller.progress(module_id).done
    parts.store.close()


def test_build_without_a_profile_never_asks(fixtures, tmp_path, monkeypatch, qtbot):
    _no_dialogs(monkeypatch)
    parts = build(fixtures / "course", tmp_path)
    qtbot.addWidget(parts.window)
    assert parts.profile_id == "default"
    parts.store.close()
    assert DEFAULT_PROFILE == "default"
