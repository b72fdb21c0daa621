"""Tab titles that fit (issue 20): short titles when the full ones would make the tab bar
scroll and cut one, the full ones again when there is room; the full title is the tooltip."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTabWidget, QWidget

from tests.gui.a11y_walk import settle
from trainer.ui.common.tab_titles import fit_tab_titles

TITLES = [("Dashboard", "Dash"), ("Self-assessment", "Self"), ("Observer checklist", "Observer")]


def tabs_needing(width: int, qtbot) -> tuple[QTabWidget, object]:
    tabs = QTabWidget()
    for full, _short in TITLES:
        tabs.addTab(QWidget(), full)
    qtbot.addWidget(tabs)
    titles = fit_tab_titles(tabs, TITLES)
    tabs.resize(width, 200)
    tabs.show()
    qtbot.waitExposed(tabs)
    settle()
    return tabs, titles


def bar_width(tabs: QTabWidget) -> int:
    bar = tabs.tabBar()
    return sum(bar.tabSizeHint(i).width() for i in range(bar.count()))


def test_full_titles_where_they_fit(qtbot):
    tabs, titles = tabs_needing(900, qtbot)
    assert [tabs.tabText(i) for i in range(3)] == [full for full, _ in TITLES]
    assert not titles.uses_short_titles()
    assert [tabs.tabToolTip(i) for i in range(3)] == [full for full, _ in TITLES]


def test_short_titles_when_the_full_ones_would_scroll_and_back_again(qtbot):
    tabs, titles = tabs_needing(900, qtbot)
    needed = titles.full_width()
    tabs.resize(needed - 20, 200)
    settle()
    assert [tabs.tabText(i) for i in range(3)] == [short for _, short in TITLES]
    assert bar_width(tabs) <= tabs.width()
    assert [tabs.tabToolTip(i) for i in range(3)] == [full for full, _ in TITLES]
    tabs.resize(needed + 40, 200)
    settle()
    assert [tabs.tabText(i) for i in range(3)] == [full for full, _ in TITLES]


@pytest.mark.parametrize("zoom,size", [(175, (800, 600)), (100, (800, 600)), (175, (1280, 800))])
def test_the_skills_pages_tabs_never_scroll(make_app, sample_course, zoom, size):
    parts = make_app(sample_course)
    parts.window.show_section("skills")
    view = parts.window.section("skills")
    try:
        parts.window.set_zoom(zoom)
        parts.window.resize(*size)
        settle()
        settle()
        assert bar_width(view.pages) <= view.pages.width()
        observer = view.observer_view
        view.show_page("observer")
        settle()
        assert bar_width(observer.steps) <= observer.steps.width()
    finally:
        parts.window.set_zoom(100)
