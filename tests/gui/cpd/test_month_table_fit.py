"""The CPD log's hours-by-month table fits the window (issue 20): a column per kind where there is
room, and Month, Total and one wrapped line of hours by kind in a small window at a large zoom,
never a sideways scroll bar, and every figure still in the table."""

from __future__ import annotations

import pytest

from tests.gui.a11y_walk import at
from trainer.tools.demo_cpd import add_demo_cpd


@pytest.fixture
def log_page(make_app, sample_course):
    parts = make_app(sample_course)
    add_demo_cpd(parts.store, parts.profile_id)
    parts.window.show_section("cpd")
    view = parts.window.section("cpd")
    view.on_records_changed()
    yield parts, view.log_page
    parts.window.set_zoom(100)


def texts(table) -> list[str]:
    return [table.item(r, c).text() for r in range(table.rowCount()) for c in range(table.columnCount())]


def headers(table) -> list[str]:
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


def rows(table) -> list[dict[str, str]]:
    cells = texts(table)
    n = table.columnCount()
    return [dict(zip(headers(table), cells[r * n : (r + 1) * n], strict=True)) for r in range(table.rowCount())]


@pytest.mark.parametrize("zoom,size", [(175, (800, 600)), (175, (1280, 800)), (100, (800, 600)), (100, (1280, 800))])
def test_the_month_table_never_scrolls_sideways(log_page, zoom, size):
    parts, page = log_page
    at(parts, zoom, size)
    table = page.months
    assert table.rowCount() >= 1
    assert not table.horizontalScrollBar().isVisible()
    assert table.horizontalHeader().length() <= table.viewport().width() + 1


def test_at_175_percent_in_a_small_window_each_month_keeps_every_figure(log_page):
    parts, page = log_page
    at(parts, 100, (1280, 800))
    wide = rows(page.months)
    assert headers(page.months)[1] == "Reading"  # a column per kind where there is room
    at(parts, 175, (800, 600))
    table = page.months
    assert headers(table) == ["Month", "Total", "Hours by kind"]
    narrow = rows(table)
    assert [(r["Month"], r["Total"]) for r in narrow] == [(r["Month"], r["Total"]) for r in wide]
    for w, n in zip(wide, narrow, strict=True):
        figures = [f"{kind} {hours}" for kind, hours in w.items() if kind not in ("Month", "Total") and hours]
        assert figures and n["Hours by kind"] == ", ".join(figures)
    for r in range(table.rowCount()):
        assert table.rowHeight(r) >= table.sizeHintForRow(r)  # the wrapped line is not cut short
    assert table.accessibleName() == "CPD hours by month and kind"
    at(parts, 100, (1280, 800))
    assert headers(page.months)[1] == "Reading"  # back to a column per kind
