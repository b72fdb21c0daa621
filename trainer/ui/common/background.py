"""Slow work (reading a big file, a network send) off the UI thread, the window alive.

``run_in_background(work)`` runs ``work()`` in a worker thread and, until it is done,
keeps the UI thread handling events (painting, a busy dialog, the timer), then returns
its result or raises its error on the UI thread. The work must not touch widgets or
the store: those live on the UI thread, which uses the result.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, QTimer

T = TypeVar("T")
POLL_MS = 25


def run_in_background(work: Callable[[], T], name: str = "trainer-work") -> T:
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["result"] = work()
        except BaseException as exc:  # handed to the UI thread, raised there
            box["error"] = exc

    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(POLL_MS)
    timer.timeout.connect(lambda: None if thread.is_alive() else loop.quit())
    timer.start()
    if thread.is_alive():
        loop.exec()
    timer.stop()
    thread.join()
    if "error" in box:
        raise box["error"]  # type: ignore[misc]  # a BaseException, stored above
    return box["result"]  # type: ignore[return-value]  # work()'s result, stored above
