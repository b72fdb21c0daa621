"""The ordering list that checks and reviews share: keys, wrapping height, locking."""

from PySide6.QtCore import Qt

from trainer.ui.common.choices import OrderList

LINES = [
    "Ask what the person already knows about their inhaler and how they use it each day",
    "Offer one piece of information, in plain words, with permission",
    "Ask what they make of it and what they might do next",
]


def test_alt_arrows_move_the_chosen_line_and_the_order_reads_as_written(qtbot):
    lst = OrderList("Lines to put in order")
    qtbot.addWidget(lst)
    lst.fill(LINES, [2, 0, 1])
    assert lst.given() == [2, 0, 1] and lst.currentRow() == 0
    qtbot.keyClick(lst, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert lst.given() == [0, 2, 1] and lst.currentRow() == 1
    qtbot.keyClick(lst, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(lst, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # already at the top: stays
    assert lst.given() == [2, 0, 1]
    lst.lock()
    qtbot.keyClick(lst, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert lst.given() == [2, 0, 1]


def test_a_narrower_list_grows_taller_so_nothing_scrolls_inside_it(qtbot):
    lst = OrderList("Lines to put in order")
    qtbot.addWidget(lst)
    lst.fill(LINES, [0, 1, 2])
    lst.resize(900, lst.height())
    lst.show()
    qtbot.waitExposed(lst)
    wide = lst.height()
    lst.resize(180, lst.height())
    qtbot.waitUntil(lambda: lst.height() > wide)
    assert lst.height() >= sum(lst.row_height(r) for r in range(lst.count())) > 3 * lst.fontMetrics().lineSpacing()
