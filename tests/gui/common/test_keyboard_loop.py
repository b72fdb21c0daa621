"""A new learner does a full loop with the keyboard only: keys go to the focused widget."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


def focus(qtbot):
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return QApplication.focusWidget()


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(focus(qtbot), key, modifier)


def test_full_loop_with_the_keyboard_only(make_app, sample_course, qtbot):
    parts = make_app(content=sample_course)
    window = parts.window
    window.activateWindow()
    qtbot.waitActive(window)
    home = window.sections["home"]
    course = window.course_view

    # Start: Home is shown with "Start the course" focused; Enter opens the first module in Course.
    assert window.current_section() == "home"
    qtbot.waitUntil(lambda: focus(qtbot) is home.continue_button)
    press(qtbot, Qt.Key.Key_Return)
    assert window.current_section() == "course"
    first = course.reader.module.id

    # Go to Course's list of modules (Alt+2) and open the next module with the arrow key.
    press(qtbot, Qt.Key.Key_1, ALT)
    assert window.current_section() == "home"
    press(qtbot, Qt.Key.Key_2, ALT)
    assert window.current_section() == "course" and course.isAncestorOf(focus(qtbot))  # back where it was
    press(qtbot, Qt.Key.Key_F6)
    assert focus(qtbot) is course.outline
    press(qtbot, Qt.Key.Key_Down)
    module_id = course.reader.module.id
    assert module_id != first

    # Read it (Shift+F6 to the text), mark it done (Ctrl+D).
    press(qtbot, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert focus(qtbot) is course.reader.browser
    press(qtbot, Qt.Key.Key_D, CTRL)
    assert parts.controller.progress(module_id).done

    # Start a reflection on it (Ctrl+R): the Journal opens with the first box focused; type in it.
    press(qtbot, Qt.Key.Key_R, CTRL)
    assert window.current_section() == "journal"
    editor = window.section("journal").editor
    qtbot.waitUntil(lambda: editor.isAncestorOf(focus(qtbot)))
    qtbot.keyClicks(focus(qtbot), "Asking first changed the conversation")
    editor.save_now()
    uid = editor.uid
    rec = parts.journal.get(uid)
    assert "Asking first changed the conversation" in parts.journal.journal.body_text(rec)
    assert rec["link"] == {"kind": "module", "module": module_id}

    # Switch sections: Home shows the progress and the new reflection.
    press(qtbot, Qt.Key.Key_1, ALT)
    assert window.current_section() == "home"
    # Marked done by hand: shown on Home, but not counted as done (#21: honest completion).
    assert home.progress_path.accessibleDescription().startswith("0 of ")
    assert "1 more marked done by hand" in home.progress_label.text()
    assert (module_id, "hand") in [(m[0], m[2]) for m in home.progress_path.modules]
    assert home.recent_list.item(0).data(Qt.ItemDataRole.UserRole) == uid

    # Search for a word (Ctrl+K), move to the results (Down) and open the first (Enter).
    press(qtbot, Qt.Key.Key_K, CTRL)
    dialog = window.search_dialog
    qtbot.waitUntil(lambda: focus(qtbot) is dialog.edit)
    qtbot.keyClicks(focus(qtbot), "permission")
    hit = dialog.current_hit()
    assert hit is not None and hit.kind == "module"
    press(qtbot, Qt.Key.Key_Down)
    assert focus(qtbot) is dialog.results
    press(qtbot, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert window.current_section() == "course" and course.reader.module.id == hit.key
    browser = course.reader.browser
    qtbot.waitUntil(lambda: browser.textCursor().selectedText().lower() == "permission")
    assert focus(qtbot) is browser


def test_focus_ring_follows_the_keyboard_focus(make_app, qtbot):
    from trainer.ui.common.focus_ring import FocusRing

    parts = make_app()
    window = parts.window
    window.activateWindow()
    qtbot.waitActive(window)
    home = window.sections["home"]
    qtbot.waitUntil(lambda: focus(qtbot) is home.continue_button)
    press(qtbot, Qt.Key.Key_Tab)
    target = focus(qtbot)
    rings = [r for r in target.parentWidget().findChildren(FocusRing) if r.isVisible()]
    assert len(rings) == 1 and rings[0].geometry().contains(target.geometry())
    window.show_section("course")
    press(qtbot, Qt.Key.Key_F6)
    assert [r for r in home.findChildren(FocusRing) if r.isVisible()] == []


def test_focus_ring_never_becomes_a_splitter_pane(qtbot):
    from PySide6.QtWidgets import QListWidget, QSplitter, QVBoxLayout, QWidget

    from trainer.ui.common.focus_ring import FocusRing, install_focus_ring

    install_focus_ring(QApplication.instance())
    root = QWidget()
    qtbot.addWidget(root)
    splitter = QSplitter()
    first, second = QListWidget(), QListWidget()
    splitter.addWidget(first)
    splitter.addWidget(second)
    QVBoxLayout(root).addWidget(splitter)
    root.show()
    root.activateWindow()
    qtbot.waitActive(root)
    second.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: any(r.isVisible() for r in root.findChildren(FocusRing)))
    ring = next(r for r in root.findChildren(FocusRing) if r.isVisible())
    assert splitter.count() == 2 and ring.parentWidget() is root
    assert ring.geometry().contains(QRect(second.mapTo(root, QPoint(0, 0)), second.size()))
