"""The Skills dashboard as pictures first: a row a skill, the table one click away, an empty state."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from trainer.content import load_content
from trainer.records.store import memory_store
from trainer.services.ratings import RatingsService
from trainer.tools.demo_ratings import add_demo_ratings
from trainer.ui.skills.controller import SkillsController
from trainer.ui.skills.pictures import NextRole, rating_words
from trainer.ui.skills.view import SkillsView

TODAY = "2026-03-14T10:00:00+00:00"


@pytest.fixture
def content(sample_course):
    return load_content(sample_course)


def make_view(qtbot, content, rated: bool) -> SkillsView:
    store = memory_store(clock=lambda: TODAY)
    if rated:
        add_demo_ratings(store, "me", content.framework, lambda: TODAY)
    view = SkillsView(SkillsController(RatingsService(store, content.framework, "me"), content, lambda: set()))
    qtbot.addWidget(view)
    view.resize(1100, 760)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_the_words_of_a_rating():
    assert [rating_words(v) for v in (None, 0, 1, 2, "na")] == [
        "not rated",
        "0 not done",
        "1 partly",
        "2 done well",
        "not applicable",
    ]


def test_pictures_first_a_row_a_skill_read_out_and_the_table_one_click_away(qtbot, content):
    view = make_view(qtbot, content, rated=True)
    board = view.dashboard
    assert board.stack.currentWidget() is board.pictures
    model = board.pictures.model()
    assert model.rowCount() == len(board.summaries) == board.model.rowCount()
    first = board.summaries[0]
    text = model.index(0, 0).data(Qt.ItemDataRole.DisplayRole)
    you, observer = rating_words(first.latest_self), rating_words(first.latest_observer)
    assert text.endswith(
        f"{first.name}: you {you}, observer {observer}; {first.trend}; {first.evidence} pieces of evidence"
    )
    weak = [model.index(r, 0).data(NextRole) for r in range(model.rowCount())]
    assert any(weak) and all(
        model.index(r, 0).data(Qt.ItemDataRole.DisplayRole).startswith("Work on next.") == bool(weak[r])
        for r in range(model.rowCount())
    )

    # Choosing a row in the pictures chooses it in the table (and the chart follows the table).
    board.pictures.setCurrentIndex(model.index(2, 0))
    assert board.table.currentIndex().row() == 2
    qtbot.mouseClick(board.table_button, Qt.MouseButton.LeftButton)
    assert board.stack.currentWidget() is board.table
    board.table.selectRow(4)
    assert board.pictures.currentIndex().row() == 4
    qtbot.mouseClick(board.table_button, Qt.MouseButton.LeftButton)
    assert board.stack.currentWidget() is board.pictures


def test_no_ratings_yet_shows_a_sentence_and_the_one_action(qtbot, content):
    view = make_view(qtbot, content, rated=False)
    board = view.dashboard
    assert board.empty.isVisible() and not board.split.isVisible() and not board.table_button.isVisible()
    board.empty.button.click()
    assert view.pages.currentWidget() is view.self_view


def test_the_self_assessment_stacks_its_table_above_the_item_when_narrow(qtbot, content):
    """At 175% in 800x600 the skills' names were cut to a letter a line beside the item panel."""
    from PySide6.QtCore import Qt

    view = make_view(qtbot, content, rated=True)
    view.show_page("self")
    form = view.self_view.form
    view.resize(1400, 760)
    qtbot.waitUntil(lambda: form.splitter.orientation() == Qt.Orientation.Horizontal, timeout=2000)
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * 1.75)  # as the window's zoom at 175%
    view.setFont(font)
    view.resize(760, 560)
    qtbot.waitUntil(lambda: form.splitter.orientation() == Qt.Orientation.Vertical, timeout=2000)
    assert form.table.width() > form.width() * 0.9  # the whole width for the skills' names


def test_the_counter_scrolls_rather_than_squeezing_its_buttons_in_a_short_window(qtbot, content):
    """At 175% in 800x600 the counter's buttons and measures were squeezed over one another."""
    from PySide6.QtWidgets import QAbstractButton

    view = make_view(qtbot, content, rated=False)
    view.show_page("observer")
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * 1.75)
    view.setFont(font)
    view.resize(760, 520)
    counter = view.observer_view.counter
    buttons = [b for b in counter.findChildren(QAbstractButton) if b.isVisibleTo(counter)]
    qtbot.waitUntil(lambda: all(b.height() >= b.minimumSizeHint().height() for b in buttons), timeout=2000)
