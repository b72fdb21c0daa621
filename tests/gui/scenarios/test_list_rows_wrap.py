"""The Scenarios list at 175% in a small window (issue 20): each row's subtitle (setting,
practitioner, level) wraps to as many lines as it needs instead of ending in "\u2026", and the
rows shrink back when there is room again."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QStyleOptionViewItem

from tests.gui.a11y_walk import at
from trainer.domain import tokens
from trainer.ui.common.rows import RowDelegate


@pytest.fixture
def scenario_list(make_app, sample_course):
    parts = make_app(sample_course)
    parts.window.show_section("scenarios")
    view = parts.window.section("scenarios")
    yield parts, view.list_page.tree
    parts.window.set_zoom(100)


def needed_height(tree, row: int) -> int:
    """Title on one line (it fits), the subtitle wrapped to the row's width, the row's padding."""
    title, subtitle = RowDelegate.parts(tree.topLevelItem(row).text(0))
    bold = QFont(tree.font())
    bold.setWeight(QFont.Weight.DemiBold)
    plain = QFontMetrics(tree.font())
    width = tree.visualRect(tree.model().index(row, 0)).width() - 2 * tokens.SPACE_2  # at most the words' width
    lines = 1
    line = ""
    for word in subtitle.split(" "):
        trial = f"{line} {word}".strip()
        if line and plain.horizontalAdvance(trial) > width:
            lines, line = lines + 1, word
        else:
            line = trial
    return QFontMetrics(bold).height() + tokens.SPACE_HALF + lines * plain.height() + 2 * tokens.SPACE_1


def long_rows(tree) -> list[int]:
    """Rows whose subtitle is wider than the row: before, it was cut short with an ellipsis."""
    plain = QFontMetrics(tree.font())
    out = []
    for row in range(tree.topLevelItemCount()):
        _title, subtitle = RowDelegate.parts(tree.topLevelItem(row).text(0))
        if plain.horizontalAdvance(subtitle) > tree.visualRect(tree.model().index(row, 0)).width():
            out.append(row)
    return out


def test_a_long_subtitle_wraps_at_175_percent_in_a_small_window(scenario_list):
    parts, tree = scenario_list
    at(parts, 175, (800, 600))
    rows = long_rows(tree)
    assert rows, "the sample course has a scenario whose facts are wider than the list at 175%"
    for row in rows:
        index = tree.model().index(row, 0)
        option = QStyleOptionViewItem()
        option.font = tree.font()
        hint = tree.itemDelegate().sizeHint(option, index)
        assert tree.visualRect(index).height() >= needed_height(tree, row), tree.topLevelItem(row).text(0)
        assert hint.height() >= needed_height(tree, row)


def test_rows_follow_the_width_at_one_zoom(scenario_list):
    parts, tree = scenario_list
    at(parts, 175, (800, 600))
    tall = [tree.visualRect(tree.model().index(r, 0)).height() for r in range(tree.topLevelItemCount())]
    at(parts, 175, (1600, 1000))  # wider at the same zoom: the rows are laid out again, shorter
    plain = QFontMetrics(tree.font())
    for row in range(tree.topLevelItemCount()):
        height = tree.visualRect(tree.model().index(row, 0)).height()
        assert needed_height(tree, row) <= height <= needed_height(tree, row) + plain.height()
    short = [tree.visualRect(tree.model().index(r, 0)).height() for r in range(tree.topLevelItemCount())]
    assert sum(short) < sum(tall)
    assert tree.topLevelItem(0).text(0).count("\n") == 1  # screen readers still read title and facts
