"""The list rows' delegate watches its view for resizes; it must not hand the view's other
events on as if the view were an editor (Qt then warned "commitData called with an editor
that does not belong to this view" each time Your turn or Skills was shown)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget, QVBoxLayout, QWidget

from trainer.ui.common.rows import use_rows


def test_the_view_s_own_events_raise_no_editor_warnings(qtbot, qtlog):
    holder = QWidget()
    layout = QVBoxLayout(holder)
    view, other = QListWidget(), QLineEdit()
    view.addItems(["Bashir: another blue inhaler\nCommunity pharmacist", "Dev: afraid to bend\nPhysiotherapist"])
    layout.addWidget(view)
    layout.addWidget(other)
    use_rows(view)
    qtbot.addWidget(holder)
    holder.show()
    qtbot.waitExposed(holder)
    for _ in range(2):  # focus in and out, hide and show: the events that reached the editor code
        view.setFocus()
        other.setFocus()
        view.hide()
        view.show()
        QApplication.sendEvent(view, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.TabFocusReason))
    holder.resize(500, 400)
    qtbot.wait(10)
    assert [r.message for r in qtlog.records if "commitData" in r.message] == []
