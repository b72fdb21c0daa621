"""Caret browsing (F7): select a passage of a module from the keyboard, to copy or bookmark it."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor


def test_f7_gives_a_text_cursor_that_selects_with_shift_arrows(make_app, qtbot):
    parts = make_app()
    window = parts.window
    window.show_section("course")
    reader = window.course_view.reader
    browser = reader.browser
    assert not reader.caret_browsing()
    window.caret_action.trigger()
    assert reader.caret_browsing() and window.caret_action.isChecked()
    assert "Caret browsing on" in window.statusBar().currentMessage()
    browser.setFocus()
    cursor = browser.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    browser.setTextCursor(cursor)
    for _ in range(5):
        qtbot.keyClick(browser, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert len(browser.textCursor().selectedText()) == 5
    window.caret_action.trigger()
    assert not reader.caret_browsing()
    assert "arrow keys scroll" in window.statusBar().currentMessage()


def test_caret_browsing_is_remembered_and_applies_when_the_course_is_built(make_app, tmp_path):
    first = make_app(data=tmp_path / "data")
    first.window.set_caret_browsing(True)  # on Home: the Course is not built yet
    assert not first.window.is_built("course")
    first.window.close()
    again = make_app(data=tmp_path / "data")
    assert again.window.caret_action.isChecked()
    assert again.window.course_view.reader.caret_browsing()
