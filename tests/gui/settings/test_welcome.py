"""First run: one name, then module 1 (or a tour, or a backup); never shown again."""

import pytest
from PySide6.QtWidgets import QDialog

from trainer.app import start
from trainer.records.store import open_store
from trainer.services.profiles import ProfileService
from trainer.ui.settings import welcome
from trainer.ui.settings.profiles import ProfilesDialog
from trainer.ui.settings.welcome import START, TOUR, WelcomeDialog
from trainer.ui.shell.tour import DONE, Tour


def answer(name: str, role: str = "", theme: str = "system", then: str = START):
    """WelcomeDialog.exec replaced: the person types, picks and clicks."""

    def exec_(self) -> int:
        self.name_edit.setText(name)
        self.role_combo.setCurrentText(role)
        self.theme_buttons[theme].setChecked(True)
        {START: self.start_button, TOUR: self.tour_button}[then].click()
        return 1

    return exec_


@pytest.fixture(autouse=True)
def welcome_on(monkeypatch):
    monkeypatch.delenv("TRAINER_NO_WELCOME", raising=False)  # the suite skips it elsewhere


@pytest.fixture
def no_chooser(monkeypatch):
    def refuse(*_a, **_k):
        raise AssertionError("the profile chooser was shown")

    monkeypatch.setattr(ProfilesDialog, "ask", classmethod(refuse))


def close(session):
    session.parts.window.close()
    session.store.close()


def test_first_run_takes_a_name_and_opens_module_1(sample_course, tmp_path, monkeypatch, no_chooser, qtbot):
    monkeypatch.setattr(WelcomeDialog, "exec", answer("Asha", "Practice nurse", "dark"))
    session = start(sample_course, tmp_path, interactive=True)
    window = session.parts.window
    qtbot.addWidget(window)
    first = session.parts.controller.course.readable()[0].id
    assert window.current_section() == "course" and window.course_view.reader.module.id == first
    assert "Asha" in window.windowTitle()
    profile = ProfileService(session.store).get(session.parts.profile_id)
    assert profile.name == "Asha" and profile.role == "Practice nurse"
    assert session.parts.settings.value("appearance/theme") == "dark"
    window.set_theme("light")
    close(session)

    def never(self):
        raise AssertionError("the welcome was shown again")

    monkeypatch.setattr(WelcomeDialog, "exec", never)
    again = start(sample_course, tmp_path, interactive=True)  # a known lone learner: straight in
    qtbot.addWidget(again.parts.window)
    assert again.parts.profile_id == profile.id
    close(again)


def test_a_missing_name_is_asked_for_plainly(qtbot, tmp_path):
    store = open_store(tmp_path)
    dialog = WelcomeDialog(ProfileService(store))
    qtbot.addWidget(dialog)
    dialog.start_button.click()
    assert dialog.choice is None and not dialog.problem.isHidden()
    assert "what to call you" in dialog.problem.text()
    assert ProfileService(store).list() == []
    dialog.name_edit.setText("  Ben  ")
    dialog.start_button.click()
    assert dialog.choice is not None and dialog.result() == QDialog.DialogCode.Accepted
    assert [p.name for p in ProfileService(store).list()] == ["Ben"]
    store.close()


def test_closing_the_welcome_opens_the_default_profile_and_it_does_not_come_back(
    sample_course, tmp_path, monkeypatch, no_chooser, qtbot
):
    monkeypatch.setattr(WelcomeDialog, "exec", lambda self: 0)
    session = start(sample_course, tmp_path, interactive=True)
    qtbot.addWidget(session.parts.window)
    assert session.parts.window.current_section() == "home"
    close(session)
    store = open_store(tmp_path)
    assert not welcome.is_first_run(store)
    store.close()


def test_the_tour_walks_three_sections_and_is_not_offered_again(sample_course, tmp_path, monkeypatch, qtbot):
    monkeypatch.setattr(WelcomeDialog, "exec", answer("Carys", then=TOUR))
    session = start(sample_course, tmp_path, interactive=True)
    window, tour = session.parts.window, session.tour
    qtbot.addWidget(window)
    assert isinstance(tour, Tour) and tour.isVisible()
    seen = [window.current_section()]
    while tour.next_button.text() != "&Finish":
        tour.next_button.click()
        seen.append(window.current_section())
    assert seen == ["home", "course", "journal"] and tour.counter.text() == "Step 3 of 3"
    tour.back_button.click()
    assert window.current_section() == "course"
    tour.skip_button.click()
    assert not tour.isVisible() and window.current_section() == "home"
    assert session.parts.settings.value(DONE) == "true"
    close(session)


def test_the_suite_skips_the_welcome_on_fresh_folders(tmp_path, monkeypatch):
    store = open_store(tmp_path)
    assert welcome.is_first_run(store)
    monkeypatch.setenv("TRAINER_NO_WELCOME", "1")
    assert not welcome.is_first_run(store)
    store.close()


def test_builds_for_tests_and_screenshots_never_ask(make_app, monkeypatch):
    def never(self):
        raise AssertionError("asked")

    monkeypatch.setattr(WelcomeDialog, "exec", never)
    parts = make_app()  # a fresh data folder, built without asking
    assert parts.window.current_section() == "home"
