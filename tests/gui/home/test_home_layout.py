"""Home's progress and goal cards sit side by side where there is room, and one above the
other in a small window at a large zoom, where side by side squeezed each to a narrow column."""

from __future__ import annotations

import pytest

from tests.gui.a11y_walk import settle


@pytest.mark.parametrize(
    "zoom,size,stacked", [(100, (1280, 800), False), (175, (1280, 800), False), (175, (800, 600), True)]
)
def test_the_cards_stack_only_when_narrow(make_app, sample_course, zoom, size, stacked):
    parts = make_app(sample_course)
    home = parts.window.sections["home"]
    try:
        parts.window.resize(*size)  # the size first, then the zoom: as `trainer screenshots` does
        settle()
        parts.window.set_zoom(zoom)
        settle()
        settle()
        assert home.stacked is stacked
        progress, goal = home.progress_card.geometry(), home.goal_card.geometry()
        if stacked:
            assert goal.top() >= progress.bottom() and goal.width() == progress.width()
        else:
            assert goal.top() == progress.top() and goal.left() > progress.right()
    finally:
        parts.window.set_zoom(100)
