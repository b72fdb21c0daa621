"""The behaviour counter (Skills section, the observer's form, the observation file dialog)
keeps every button's words whole, at any zoom and width."""

from __future__ import annotations

import pytest

from trainer.competencies import coding
from trainer.ui.skills.counter import CounterWidget, _two_lines

from ..a11y_walk import settle


@pytest.fixture
def counter(qtbot, sample_course):
    from trainer.content import load_content

    framework = load_content(sample_course).framework
    widget = CounterWidget(framework.threshold)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    from PySide6.QtWidgets import QApplication

    from trainer.ui.common.zoom import apply_zoom

    apply_zoom(QApplication.instance(), 100)


def clipped(widget: CounterWidget) -> list[str]:
    return [
        f"{b.text()!r}: {b.width()} < {b.sizeHint().width()}"
        for b in widget.buttons.values()
        if b.width() < b.sizeHint().width() - 1
    ]


def columns(widget: CounterWidget) -> int:
    return len({widget.grid.getItemPosition(widget.grid.indexOf(b))[1] for b in widget.buttons.values()})


def test_wide_at_100_percent_four_a_row_on_one_line(counter):
    counter.resize(1200, 500)
    settle()
    assert counter.width() == 1200
    assert columns(counter) == 4 and clipped(counter) == []
    assert all(b.text().count("\n") == 1 for b in counter.buttons.values())  # label, then the count


@pytest.mark.parametrize("zoom,width", [(175, 760), (200, 760), (175, 1200), (100, 520)])
def test_narrow_or_zoomed_the_words_wrap_and_nothing_is_clipped(counter, zoom, width):
    from PySide6.QtWidgets import QApplication

    from trainer.ui.common.zoom import apply_zoom

    apply_zoom(QApplication.instance(), zoom)
    settle()
    counter.resize(width, 700)
    settle()
    assert counter.width() == width  # it fits: its layout does not insist on being wider
    assert clipped(counter) == []
    assert columns(counter) >= 2  # never one long column of eight while there is room for two


def test_counting_still_names_the_behaviour_after_wrapping(counter, qtbot):
    counter.resize(520, 700)
    settle()
    qtbot.keyClick(counter, "w")
    advice = coding.BY_KEY["W"]
    button = counter.buttons[advice.id]
    assert button.text().endswith("\n1") and "permission" in button.text()
    assert button.accessibleName() == f"{advice.label}, key W, counted 1"


def test_two_lines_splits_at_the_middle_space():
    assert _two_lines("Advice without permission") == "Advice without\npermission"
    assert _two_lines("Summary") == "Summary"


def test_rearranging_leaves_no_wrappers_of_deleted_layout_items(counter):
    """Re-arranging deletes the grid's old layout items in Qt. PySide wraps a layout's items
    when that layout is added with addLayout(); such wrappers would outlive the items, and a
    new object at the same address could be handed back as one of them."""
    import gc

    for width in (1200, 520, 1200, 400):
        counter.resize(width, 700)
        settle()
    gc.collect()
    layouts = {id(counter.layout()), id(counter.grid)}
    held = [
        o
        for o in gc.get_objects()
        if type(o).__name__ == "QWidgetItem" and any(id(r) in layouts for r in gc.get_referrers(o))
    ]
    assert held == []
