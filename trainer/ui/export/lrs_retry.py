"""The outbox tried again by itself while the app runs.

After File > Send to learning record store… leaves statements waiting for a
passing reason (no network, a busy LRS), they are tried again in the
background after 1, 2, 4, … minutes (at most 30), with the same address and
password. The password stays in memory only, for this run of the app, and
is forgotten once everything is sent, on a wrong password, or on quit. What
happens shows in the status bar. Quitting stops the timer; nothing is lost:
the statements wait in the outbox (in the records) for the next send.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from trainer.records.errors import StoreError
from trainer.services.lrs import LrsError, LrsOutbox, http_transport
from trainer.services.lrs_send import plural
from trainer.ui.export.lrs_send import in_background

if TYPE_CHECKING:
    from trainer.services.lrs import LrsConfig
    from trainer.ui.shell.main_window import MainWindow
    from trainer.ui.shell.parts import AppParts

FIRST_WAIT_MS = 60_000
MAX_WAIT_MS = 30 * 60_000
PREFIX = "Learning record store: "


class LrsRetry(QObject):
    def __init__(self, window: MainWindow, parts: AppParts):
        super().__init__(window)
        self.window, self.parts = window, parts
        self.config: LrsConfig | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.run)
        self.wait_ms = FIRST_WAIT_MS
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.cancel)

    def arm(self, config: LrsConfig, waiting: int) -> None:
        """Try again later (waiting longer each time) with ``config``."""
        self.config = config
        self.timer.start(self.wait_ms)
        minutes = max(1, self.wait_ms // 60_000)
        self.show(f"{plural(waiting)} waiting; trying again in {minutes} min.")
        self.wait_ms = min(self.wait_ms * 2, MAX_WAIT_MS)

    def cancel(self) -> None:
        """Stop and forget the password (a send by hand or quitting)."""
        self.timer.stop()
        self.config = None
        self.wait_ms = FIRST_WAIT_MS

    def show(self, text: str) -> None:
        self.window.statusBar().showMessage(PREFIX + text, 0)

    def run(self) -> None:
        config, action = self.config, self.window.lrs_action
        if config is None:
            return
        if action is not None and not action.isEnabled():  # a send by hand is running: wait for it
            self.timer.start(FIRST_WAIT_MS)
            return
        outbox = LrsOutbox(self.parts.store, self.parts.profile_id, transport=in_background(http_transport))
        if action is not None:
            action.setEnabled(False)
        try:
            report = outbox.send(config, force=True)
        except LrsError:
            self.cancel()
            self.show("the user name or password was refused; use File > Send to learning record store\u2026")
            return
        except StoreError:
            self.cancel()
            self.show("your records could not be updated; not tried again.")
            return
        finally:
            if action is not None:
                action.setEnabled(True)
        if report.still_pending:
            self.arm(config, report.still_pending)
            return
        self.cancel()
        self.show(f"Sent {plural(report.sent)} that had been waiting.")
