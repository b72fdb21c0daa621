"""Issue 17, item 4: a person's own words are shown as typed, never rendered as HTML.

A QLabel guesses rich text from ``<b>`` and the like, so a goal, a reflection
title, a search or a bookmarked passage containing markup would be drawn
as markup (an image path in it would even be loaded).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel

from trainer.services.goals import GOAL
from trainer.ui.course.bookmarks_view import AddBookmarkDialog
from trainer.ui.journal.goals import CheckInDialog
from trainer.ui.search.dialog import SearchDialog

HOSTILE = 'Walk <b>daily</b> &amp; <img src="nowhere.png"> rest'


def shown(label: QLabel) -> str:
    """The text a person sees in ``label``, as Qt will draw it."""
    text = label.text()
    fmt = label.textFormat()
    if fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and QtGuiQt.mightBeRichText(text)):
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text


def _goal(parts, plan_what: str = "") -> dict:
    goal = parts.journal.create_goal(
        goal=HOSTILE, importance=8, confidence=8, plan={"what": plan_what, "when": "", "where": "", "how_often": ""}
    )
    assert goal is not None
    return goal


def test_a_goal_due_a_check_in_shows_as_typed_on_home_and_in_the_journal(make_app, qtbot):
    parts = make_app()
    goal = _goal(parts)
    parts.store.update(GOAL, goal["uid"], {"next_checkin": date.today().isoformat()})
    home = parts.window.sections["home"]
    home.refresh()
    assert HOSTILE in shown(home.goal_label)
    parts.window.show_section("journal")
    journal = parts.window.section("journal")
    qtbot.wait_until(lambda: journal.nudge_label.text() != "")
    journal.refresh_goals()
    assert HOSTILE in shown(journal.nudge_label)


def test_a_goal_not_yet_due_shows_as_typed_in_the_journal(make_app, qtbot):
    parts = make_app()
    _goal(parts)
    parts.window.show_section("journal")
    journal = parts.window.section("journal")
    journal.refresh_goals()
    assert HOSTILE in shown(journal.goal_label)


def test_the_check_in_dialog_shows_the_goal_and_plan_as_typed(make_app, qtbot):
    parts = make_app()
    goal = _goal(parts, plan_what="<i>walk</i>")
    dialog = CheckInDialog(parts.journal, goal, parts.window)
    qtbot.add_widget(dialog)
    texts = [shown(label) for label in dialog.findChildren(QLabel)]
    assert any(HOSTILE in t for t in texts)
    assert any("Your plan: <i>walk</i>" in t for t in texts)


def test_a_bookmarked_passage_shows_as_typed(qtbot):
    dialog = AddBookmarkDialog(HOSTILE, "<b>Module</b> one")
    qtbot.add_widget(dialog)
    assert HOSTILE in shown(dialog.quote)
    assert "<b>Module</b> one" in shown(dialog.where)


def test_a_search_that_finds_nothing_repeats_the_words_as_typed(qtbot):
    dialog = SearchDialog(lambda _query: {})
    qtbot.add_widget(dialog)
    dialog.edit.setText("<b>nothing</b>")
    qtbot.wait_until(lambda: "Nothing found" in dialog.summary.text())
    assert "\u201c<b>nothing</b>\u201d" in shown(dialog.summary)


def test_deleting_a_profile_names_it_as_typed(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from trainer.records.store import memory_store
    from trainer.services.profiles import ProfileService
    from trainer.ui.settings.profiles import ProfilesDialog

    service = ProfileService(memory_store())
    keep = service.create("Kim Keep")
    other = service.create("<b>Sam</b> &amp; co")
    dialog = ProfilesDialog(service, current_id=keep.id)
    qtbot.add_widget(dialog)
    dialog.refresh(select=other.id)
    asked = []
    monkeypatch.setattr(
        "trainer.ui.settings.profiles.QMessageBox.question",
        lambda _parent, _title, text, *a: asked.append(text) or QMessageBox.StandardButton.No,
    )
    dialog.delete_button.click()
    label = QLabel(asked[0])  # how the message box shows its text (rich text is guessed the same way)
    qtbot.add_widget(label)
    assert "'<b>Sam</b> &amp; co'" in shown(label)


def _tip_shown(qtbot, tip: str) -> str:
    label = QLabel(tip)  # Qt guesses a tooltip's format the way a QLabel's AutoText does
    qtbot.add_widget(label)
    return shown(label)


def test_a_reflection_title_in_the_journal_list_tooltip_shows_as_typed(make_app, qtbot, sample_course):
    parts = make_app(sample_course)  # with the reflection templates
    assert parts.journal.start_reflection(title=HOSTILE)
    parts.window.show_section("journal")
    journal = parts.window.section("journal")
    journal.refresh()
    tips = [journal.list.item(i).toolTip() for i in range(journal.list.count())]
    assert any(HOSTILE in _tip_shown(qtbot, tip) for tip in tips), tips


def test_a_cut_short_choice_shows_as_typed_in_its_tooltip(qtbot):
    from PySide6.QtWidgets import QComboBox

    from trainer.ui.common.fit import show_full_text

    combo = QComboBox()
    qtbot.add_widget(combo)
    combo.addItem(HOSTILE)
    show_full_text(combo)
    assert HOSTILE in _tip_shown(qtbot, combo.toolTip())
