"""The focus ring: shown for keyboard focus, gone after a click, never in the way of the mouse."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget

from trainer.ui.common.focus_ring import PAD, FocusRing, install_focus_ring, release_focus_ring


def visible_rings(root: QWidget) -> list[FocusRing]:
    return [r for r in root.findChildren(FocusRing) if r.isVisible()]


def window_with_two_fields(qtbot):
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    layout.setSpacing(20)
    first, second = QLineEdit(), QLineEdit()
    button = QPushButton("Press")
    for widget in (first, second, button):
        layout.addWidget(widget)
    root.resize(300, 200)
    root.show()
    root.activateWindow()
    qtbot.waitActive(root)
    return root, first, second, button


def test_ring_follows_tab_and_goes_after_a_click(qtbot):
    install_focus_ring(QApplication.instance())
    root, first, second, _button = window_with_two_fields(qtbot)
    first.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is second)
    qtbot.waitUntil(lambda: len(visible_rings(root)) == 1)
    qtbot.mouseClick(first, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first)
    assert visible_rings(root) == []


def test_clicks_inside_the_ring_reach_the_focused_control(qtbot):
    """The ring sits over its target; only the band it draws in is its own."""
    install_focus_ring(QApplication.instance())
    root, first, _second, button = window_with_two_fields(qtbot)
    first.setFocus(Qt.FocusReason.TabFocusReason)
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is button)
    qtbot.waitUntil(lambda: len(visible_rings(root)) == 1)
    ring = visible_rings(root)[0]
    assert ring.geometry().contains(button.geometry())
    middle = button.rect().center()
    assert not ring.mask().contains(ring.mapFromParent(button.mapToParent(middle))), "it must not cover its target"
    assert ring.mask().contains(QPoint(1, ring.height() // 2)), "the band the ring draws in is its own"
    with qtbot.waitSignal(button.clicked, timeout=2000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=middle)
    # A click on the band itself: the mouse is in use, so the ring goes.
    band = button.mapTo(root, QPoint(-PAD + 1, button.height() // 2))
    first.setFocus(Qt.FocusReason.TabFocusReason)
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: len(visible_rings(root)) == 1)
    ring = visible_rings(root)[0]
    qtbot.mouseClick(ring, Qt.MouseButton.LeftButton, pos=ring.mapFrom(root, band))
    assert visible_rings(root) == []


def test_release_stops_following_the_focus(qtbot):
    """After the event loop ends the ring lets go (see release_focus_ring); installing again works."""
    app = QApplication.instance()
    install_focus_ring(app)
    root, first, second, _button = window_with_two_fields(qtbot)
    release_focus_ring(app)
    first.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is second)
    assert visible_rings(root) == []
    install_focus_ring(app)
    qtbot.keyClick(second, Qt.Key.Key_Backtab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first)
    qtbot.waitUntil(lambda: len(visible_rings(root)) == 1)


def test_the_window_opens_with_the_ring_on_its_first_control(make_app, qtbot):
    parts = make_app()
    parts.window.activateWindow()
    qtbot.waitActive(parts.window)
    home = parts.window.sections["home"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is home.continue_button)
    target = home.continue_button
    qtbot.waitUntil(
        lambda: any(r.isVisible() and r.target is target for r in target.parentWidget().findChildren(FocusRing))
    )
