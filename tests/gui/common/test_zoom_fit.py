"""The Team session and Journal screens fit a small window at a large zoom: nothing runs off the
right edge, no form scrolls sideways, and a choice cut short shows its full text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QScrollArea

from ..a11y_walk import at, settle

PEOPLE = [
    ("Asha Patel", "Practice nurse"),
    ("Ben Okafor", "GP"),
    ("Carys Lloyd", "Health coach"),
    ("Dev Sharma", "Pharmacist"),
    ("Ella Byrne", "Physiotherapist"),
]


@pytest.fixture
def session_app(make_app, sample_course):
    parts = make_app(content=sample_course)
    view = parts.window.section("session")
    c = view.controller
    c.new_session("taster-90", title="Riverside taster", date="2026-11-20", team="Riverside")
    for name, role in PEOPLE:
        c.add_participant(name, role, "Riverside")
    c.make_groups(seed=2611)
    parts.window.show_section("session")
    yield parts, view
    parts.window.set_zoom(100)


def page(view) -> QScrollArea:
    return view.findChild(QScrollArea)


def cut_off(view) -> list[str]:
    """Visible buttons, inputs and combos narrower than they need or reaching past the page's right edge."""
    viewport = page(view).viewport()
    right = viewport.width()
    out = []
    for w in view.findChildren(QAbstractButton) + view.findChildren(QLineEdit) + view.findChildren(QComboBox):
        if not w.isVisible() or isinstance(w.parentWidget(), QComboBox):
            continue
        edge = w.mapTo(viewport, QPoint(w.width(), 0)).x()
        need = w.sizeHint().width() if isinstance(w, QAbstractButton) else w.minimumSizeHint().width()
        if edge > right + 1 or w.width() < need - 1:
            out.append(
                f"{type(w).__name__} '{w.accessibleName()}' width {w.width()} (needs {need}), "
                f"right edge {edge} > {right}"
            )
    return out


@pytest.mark.parametrize("zoom,size", [(175, (800, 600)), (200, (1280, 800)), (100, (800, 600))])
def test_team_session_never_scrolls_sideways_or_cuts_off_a_control(session_app, zoom, size):
    parts, view = session_app
    at(parts, zoom, size)
    assert not page(view).horizontalScrollBar().isVisible()
    assert view.splitter.width() <= page(view).viewport().width()
    assert cut_off(view) == []
    table = view.roster.table
    assert table.horizontalHeader().length() <= table.viewport().width() + 1  # Role and Team in view


def test_team_session_keeps_three_columns_side_by_side_when_there_is_room(session_app):
    parts, view = session_app
    at(parts, 175, (800, 600))
    assert view.splitter.orientation() == Qt.Orientation.Vertical
    at(parts, 100, (1280, 800))
    assert view.splitter.orientation() == Qt.Orientation.Horizontal
    assert view.splitter.height() <= page(view).viewport().height()  # no scrolling at all
    assert cut_off(view) == []


def test_an_alt_letter_jump_in_the_stacked_columns_scrolls_to_its_control(session_app, qtbot):
    parts, view = session_app
    at(parts, 175, (800, 600))
    parts.window.activateWindow()
    qtbot.waitActive(parts.window)
    area, edit = page(view), view.debrief_edit
    area.verticalScrollBar().setValue(0)
    view.roster.new_button.setFocus()
    assert not edit.visibleRegion().boundingRect().height()  # the debrief is out of sight, below
    qtbot.keyClick(view.roster.new_button, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)  # De&brief notes
    qtbot.waitUntil(lambda: edit.hasFocus())
    top = edit.mapTo(area.viewport(), QPoint(0, 0)).y()
    assert 0 <= top < area.viewport().height(), "the focused debrief is in sight"


def test_a_zoom_change_alone_restacks_the_columns(session_app, qtbot):
    parts, view = session_app
    at(parts, 100, (1280, 800))
    parts.window.set_zoom(200)
    qtbot.wait_until(lambda: view.splitter.orientation() == Qt.Orientation.Vertical)
    qtbot.wait_until(lambda: not page(view).horizontalScrollBar().isVisible())


def test_shrunk_session_combos_show_their_full_text_in_the_tooltip(session_app):
    parts, view = session_app
    at(parts, 175, (800, 600))
    roster = view.roster
    for combo in (roster.plan_combo, roster.sessions_combo, view.groups.round_combo):
        assert combo.currentText() and combo.toolTip() == combo.currentText()
    roster.plan_combo.setCurrentIndex(roster.plan_combo.count() - 1)
    assert roster.plan_combo.toolTip() == roster.plan_combo.currentText()


def text_fits(combo: QComboBox) -> bool:
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    opt = QStyleOptionComboBox()
    combo.initStyleOption(opt)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, opt, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return combo.fontMetrics().horizontalAdvance(combo.currentText()) <= field.width()


def test_journal_filters_read_in_full_at_175_percent_in_a_small_window(make_app, sample_course):
    parts = make_app(content=sample_course)
    view = parts.window.section("journal")  # built at 100%, then zoomed, as a person would
    parts.window.show_section("journal")
    at(parts, 175, (800, 600))
    try:
        combos = {
            "template": view.template_filter,
            "link": view.link_filter,
            "tag": view.tag_filter,
            "status": view.status_filter,
            "show": view.show_combo,
        }
        cut = [name for name, combo in combos.items() if not text_fits(combo)]
        assert cut == [], [combos[n].currentText() for n in cut]
        labels = [view.finder.layout().itemAt(2).layout().labelForField(c) for c in combos.values()]
        assert all(label.width() >= label.sizeHint().width() for label in labels), [lab.text() for lab in labels]
        for combo in combos.values():
            assert combo.toolTip() == combo.currentText() and combo.accessibleName()
            combo.setCurrentIndex(combo.count() - 1)  # a longer choice may be cut short: its tooltip is whole
            assert combo.toolTip() == combo.currentText()
        assert labels[0].buddy() is view.template_filter  # Alt+M still reaches the filter
    finally:
        parts.window.set_zoom(100)


def test_a_combo_takes_its_size_from_the_current_zoom(make_app):
    parts = make_app()
    view = parts.window.section("journal")
    parts.window.show_section("journal")
    settle()
    combo = view.status_filter
    small = combo.minimumSizeHint()
    at(parts, 175, (1000, 700))
    big = combo.minimumSizeHint()
    assert big.height() > small.height() * 1.25 and big.width() > small.width() * 1.25
    at(parts, 100, (1000, 700))
    assert combo.minimumSizeHint() == small
