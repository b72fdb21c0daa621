"""Status messages go away by themselves: after ``EXPIRE_MS`` a message nobody replaced
is cleared, so an old "Moved ... to the bin" does not stay under another section.

Messages shown with a shorter time of their own keep it (Qt clears them first).
Messages also leave with the section that made them (``MainWindow``).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMainWindow

EXPIRE_MS = 6000


def expire_status_messages(window: QMainWindow, ms: int = EXPIRE_MS) -> QTimer:
    """Clear the window's status message ``ms`` after it was shown; returns the timer."""
    bar = window.statusBar()
    timer = QTimer(window)
    timer.setSingleShot(True)
    timer.setInterval(ms)
    shown: list[str] = [""]

    def on_message_changed(text: str) -> None:
        shown[0] = text
        if text:
            timer.start()
        else:
            timer.stop()

    def on_timeout() -> None:
        if bar.currentMessage() == shown[0]:
            bar.clearMessage()

    bar.messageChanged.connect(on_message_changed)
    timer.timeout.connect(on_timeout)
    return timer
