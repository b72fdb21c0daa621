"""An empty journal shows a sentence and its one action in the list's place."""

from datetime import date

from trainer.ui.journal.view import JournalView

from .journal_helpers import memory_controller


def test_no_reflections_shows_the_empty_state_and_its_action_opens_new_reflection(qtbot, monkeypatch):
    view = JournalView(memory_controller(clock={"today": date(2026, 3, 2)}))
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    assert view.no_reflections.isVisible() and not view.list.isVisible()
    assert view.no_reflections.headline.text() == "No reflections yet"
    opened = []
    monkeypatch.setattr(view.new_button, "showMenu", lambda: opened.append(True))
    view.no_reflections.button.click()
    assert opened == [True]
    uid = view.controller.start_reflection(view.controller.templates[0].id)
    view.refresh(uid)
    assert view.list.isVisible() and not view.no_reflections.isVisible()
