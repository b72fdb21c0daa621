"""The control view's timeline: the current phase large, progress through the session,
keyboard use, and at 1280x720 no phase name cut."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from trainer.ui.session.phase_rows import ROW

from ..a11y_walk import settle
from .test_session_gui import SEVEN, clock, content, start_taster, view  # noqa: F401 - fixtures and set-up


def test_the_current_phase_is_large_with_its_time_left_and_what_comes_next(view, qtbot):  # noqa: F811
    start_taster(view, qtbot)
    run, c = view.run, view.controller
    c.go_to_phase(4)
    phase = c.plan.phases[4]
    assert run.phase_title.text() == phase.title
    assert run.step_label.text() == "PRACTICE \u00b7 Phase 5 of 14 \u00b7 8 min"
    assert run.next_label.text() == "Next: Observer feedback \u00b7 4 min"
    assert run.timer_label.text() == "8:00" and run.state_label.text() == "Ready"
    app_size = QApplication.font().pointSizeF()
    assert run.phase_title.font().pointSizeF() >= 1.5 * app_size and run.phase_title.font().bold()
    assert run.timer_label.font().pointSizeF() >= 2.9 * app_size
    assert run.bar.current == 4 and run.phase_list.currentRow() == 4


def test_progress_runs_through_the_whole_session(view, qtbot, clock):  # noqa: F811
    start_taster(view, qtbot)
    run, c = view.run, view.controller
    assert run.progress.value() == 0 and run.progress_label.text() == "0 of 90 min \u00b7 90 min to go"
    c.go_to_phase(4)  # starts at 0:32
    assert run.progress_label.text() == "32 of 90 min \u00b7 58 min to go"
    c.toggle_timer()
    clock.t += 120
    c.tick()
    assert run.progress_label.text() == "34 of 90 min \u00b7 56 min to go"
    assert run.progress.value() == round(34 / 90 * 1000)
    assert run.bar.progress == pytest.approx(34 / 90)
    assert run.state_label.text() == "Running"
    assert run.progress.accessibleDescription() == run.progress_label.text()


def test_the_timeline_is_used_with_the_keyboard_and_says_where_it_is(view, qtbot):  # noqa: F811
    start_taster(view, qtbot)
    bar, c = view.run.bar, view.controller
    assert bar.accessibleName() == "Session timeline"
    assert bar.focusPolicy() == Qt.FocusPolicy.StrongFocus
    bar.setFocus()
    qtbot.keyClick(bar, Qt.Key.Key_Right)
    qtbot.keyClick(bar, Qt.Key.Key_Right)
    assert c.phase_index == 0, "moving the mark alone does not change the phase"
    assert bar.accessibleDescription().startswith("Phase 3 of 14: Importance and confidence")
    qtbot.keyClick(bar, Qt.Key.Key_Return)
    assert c.phase_index == 2 and view.run.phase_title.text() == c.plan.phases[2].title
    qtbot.keyClick(bar, Qt.Key.Key_End)
    assert "(to come)" in bar.accessibleDescription() and "Phase 14 of 14" in bar.accessibleDescription()
    qtbot.keyClick(bar, Qt.Key.Key_Space)
    assert c.phase_index == 13
    qtbot.keyClick(bar, Qt.Key.Key_Home)
    qtbot.keyClick(bar, Qt.Key.Key_Left)  # already at the first
    assert "Phase 1 of 14" in bar.accessibleDescription() and "(done)" in bar.accessibleDescription()


def test_a_click_on_a_segment_goes_to_that_phase(view, qtbot):  # noqa: F811
    start_taster(view, qtbot)
    bar = view.run.bar
    rects = bar.segment_rects()
    assert len(rects) == 14
    widths = [r.width() for r in rects]
    assert widths[0] > widths[1] > widths[6], "as wide as its minutes: 10, 7 and 1 min"
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=rects[4].center().toPoint())
    assert view.controller.phase_index == 4


def test_a_segment_shows_a_name_only_when_it_fits_whole(view, qtbot):  # noqa: F811
    start_taster(view, qtbot)
    bar = view.run.bar
    shown = []
    for i, rect in enumerate(bar.segment_rects()):
        text = bar.segment_text(i, rect)
        assert text in (bar.titles[i], str(i + 1), "")
        if text:
            font = bar.font()
            font.setBold(i == bar.current)
            assert QFontMetrics(font).horizontalAdvance(text) <= rect.width()
        shown.append(text)
    assert any(t == bar.titles[i] for i, t in enumerate(shown)), "the long phases carry their names"


@pytest.fixture
def taster_window(make_app, sample_course):
    parts = make_app(content=sample_course)
    section = parts.window.section("session")
    c = section.controller
    c.new_session("taster-90", title="Riverside taster", date="2026-11-20", team="Riverside")
    for name in SEVEN:
        c.add_participant(name, "Nurse", "Riverside")
    c.make_groups(seed=2611)
    c.go_to_phase(4)
    parts.window.show_section("session")
    yield parts, section
    parts.window.set_zoom(100)


def row_is_whole(lst, row: int) -> str | None:
    """Why a phase row's title is not shown whole, or None."""
    delegate = lst.itemDelegate()
    item = lst.item(row)
    rect = lst.visualItemRect(item)
    bold = lst.font()
    bold.setBold(True)
    time_rect, title_rect, mins_rect = delegate.columns(rect, QFontMetrics(bold))
    fm = QFontMetrics(bold if row == lst.currentRow() else lst.font())  # the current row is bold
    start, title, minutes = item.data(ROW)
    need = delegate.title_height(title, title_rect.width(), fm)
    longest_word = max(fm.horizontalAdvance(w) for w in title.split())
    if need > title_rect.height() + 1 or longest_word > title_rect.width():
        return f"row {row} '{title}' needs {need}px in {title_rect.height()}px"
    if fm.horizontalAdvance(minutes) > mins_rect.width() or fm.horizontalAdvance(start) > time_rect.width():
        return f"row {row}: the time or the minutes are cut"
    return None


@pytest.mark.parametrize("zoom", [100, 150])
def test_at_1280x720_no_phase_name_is_cut(taster_window, zoom):
    parts, section = taster_window
    parts.window.set_zoom(zoom)
    parts.window.resize(1280, 720)
    settle()
    settle()
    lst = section.run.phase_list
    assert lst.textElideMode() == Qt.TextElideMode.ElideNone
    assert [why for r in range(lst.count()) if (why := row_is_whole(lst, r))] == []
    title = section.run.phase_title
    fm = title.fontMetrics()
    needed = fm.boundingRect(QRect(0, 0, title.width(), 10_000), Qt.TextFlag.TextWordWrap, title.text()).height()
    assert needed <= title.height(), "the current phase's title is shown whole"
    # the hero's buttons are all in the window, none narrower than its text
    for button in (section.run.start_button, section.run.next_button, section.run.presenter_button):
        assert button.width() >= button.sizeHint().width() - 1
        right = button.mapTo(parts.window, QPoint(button.width(), 0)).x()
        assert right <= parts.window.width()


def test_groups_are_named_pair_or_triad_with_capitalised_roles(taster_window):
    _parts, section = taster_window
    tree = section.groups.tree
    heads = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    sizes = [tree.topLevelItem(i).childCount() for i in range(tree.topLevelItemCount())]
    assert sorted(sizes) == [2, 2, 3]
    for head, size in zip(heads, sizes):
        assert head.endswith({2: "\u00b7 pair", 3: "\u00b7 triad"}[size])
        assert tree.topLevelItem(heads.index(head)).isFirstColumnSpanned()
    roles = {tree.topLevelItem(0).child(j).text(1) for j in range(sizes[0])}
    assert roles <= {"Practitioner", "Person", "Observer"}
    # each role is a chip, and the Role column is wide enough for the widest one
    from trainer.ui.session.role_chips import PAD_X, RoleChipDelegate

    assert isinstance(tree.itemDelegateForColumn(1), RoleChipDelegate)
    fm = tree.fontMetrics()
    assert tree.columnWidth(1) >= fm.horizontalAdvance("Practitioner") + 2 * PAD_X


def test_the_lists_are_as_tall_as_their_rows_at_1920x1080(taster_window):
    """No tall empty box below the phases or the groups on a full-HD screen."""
    parts, section = taster_window
    parts.window.resize(1920, 1080)
    settle()
    settle()
    lst = section.run.phase_list
    last = lst.visualItemRect(lst.item(lst.count() - 1))
    assert last.bottom() <= lst.viewport().height(), "every phase in sight"
    assert lst.viewport().height() - last.bottom() < 3 * last.height(), "no tall empty space below"
    tree = section.groups.tree
    assert not tree.verticalScrollBar().isVisible()


def test_text_is_larger_on_a_full_hd_window_and_back_again(taster_window):
    """At 1920x1080 the control view reads at a glance (not the 12 px of a desktop form);
    the title, countdown and lists keep their proportions, and a smaller window undoes it."""
    parts, section = taster_window
    app_pt = QApplication.font().pointSizeF()
    parts.window.resize(1280, 720)
    settle()
    small = (section.font().pointSizeF(), section.run.timer_label.font().pointSizeF())
    assert small[0] == pytest.approx(app_pt)
    parts.window.resize(1920, 1080)
    settle()
    assert section.font().pointSizeF() == pytest.approx(app_pt * 1.2)
    assert section.roster.table.font().pointSizeF() == pytest.approx(app_pt * 1.2)  # inherited
    timer_ratio = section.run.timer_label.font().pointSizeF() / section.font().pointSizeF()
    assert timer_ratio >= 3.0
    parts.window.resize(1280, 720)
    settle()
    assert (section.font().pointSizeF(), section.run.timer_label.font().pointSizeF()) == pytest.approx(small)


def test_at_1280x720_the_plan_session_and_round_read_whole(taster_window):
    """The combos that name the plan, the session and the round are not cut short at 1280x720,
    and the round's groups are said beside the seed."""
    from ..common.test_zoom_fit import text_fits

    parts, section = taster_window
    parts.window.resize(1280, 720)
    settle()
    settle()
    roster, groups = section.roster, section.groups
    for combo in (roster.plan_combo, roster.sessions_combo, groups.round_combo):
        assert text_fits(combo), combo.currentText()
    assert groups.round_combo.currentText() == "1. Round 1: set the agenda together"
    assert groups.shape_label.text() == "This round: 1 triad and 2 pairs"
