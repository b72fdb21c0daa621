"""File > Send to learning record store…: the learner's xAPI statements go to
the organisation's LRS set in File > Settings (Learning record store page).

Added by app.py in one line. Kept light: start-up loads only QAction; the
export, the outbox and the dialogs are imported the first time it is used.
The password is asked each time and forgotten after the send. The HTTP
requests run in a worker thread; the records and every widget stay on the
UI thread, which keeps painting while it waits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trainer.content import Content
    from trainer.services.lrs import LrsConfig, Transport
    from trainer.ui.shell.main_window import MainWindow
    from trainer.ui.shell.parts import AppParts

from PySide6.QtGui import QAction

SEND_TITLE = "Send to learning record store"


def install_lrs(window: MainWindow, parts: AppParts, content: Content) -> QAction:
    action = QAction("Send to &learning record store\u2026", window)
    action.setStatusTip("Send your learning records (xAPI) to your organisation's learning record store")
    action.triggered.connect(lambda: send_to_lrs(window, parts, content))
    menu = window.file_menu
    actions = menu.actions()
    export = window.export_action
    after = actions.index(export) + 1 if export in actions else 0
    if after < len(actions):
        menu.insertAction(actions[after], action)
    else:
        menu.addAction(action)
    window.addAction(action)
    window.lrs_action = action
    return action


def in_background(transport: Transport) -> Transport:
    """The transport run in a worker thread while the UI thread keeps handling
    events (painting, the busy dialog) until it is done."""
    from trainer.ui.common.background import run_in_background

    def run(config: LrsConfig, statements: list[dict]) -> tuple[int, str]:
        return run_in_background(lambda: transport(config, statements), name="lrs-send")

    return run


def show_message(window: MainWindow, ok: bool, title: str, text: str):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    icon = QMessageBox.Icon.Information if ok else QMessageBox.Icon.Warning
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, window)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAccessibleName(title)
    window.lrs_message = box
    box.open()
    return box


def ask_password(window: MainWindow, user: str, host: str) -> str | None:
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    text, ok = QInputDialog.getText(
        window,
        "Learning record store password",
        f"Password for {user}\nat {host}\n(used for this send only, never saved):",
        QLineEdit.EchoMode.Password,
    )
    return text if ok else None


def busy_dialog(window: MainWindow, text: str):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QProgressDialog

    # No cancel: each request gives up after 20 s. None is Qt's null string (no button); the stubs want str.
    busy = QProgressDialog(text, None, 0, 0, window)  # type: ignore[call-overload]
    busy.setWindowTitle(SEND_TITLE)
    busy.setAccessibleName(text)
    busy.setWindowModality(Qt.WindowModality.WindowModal)
    busy.setMinimumDuration(0)
    busy.show()
    return busy


def send_to_lrs(window: MainWindow, parts: AppParts, content: Content) -> None:
    """Ask the password, queue the learner's statements and send what waits."""
    from trainer.export.xapi import DEFAULT_HOME, xapi_statements
    from trainer.records.errors import StoreError
    from trainer.services.lrs import LrsConfig, LrsError, LrsOutbox, describe, http_transport
    from trainer.services.lrs_identity import read_identity
    from trainer.services.lrs_send import LrsSettings, RecordingTransport, check_address, plural, result_message

    chosen = LrsSettings.read(parts.settings.value)
    if not chosen.configured:
        window.settings_requested.emit("lrs")  # modal: the person has chosen when this returns
        chosen = LrsSettings.read(parts.settings.value)
        if not chosen.configured:
            return
    try:
        check_address(chosen.address)
    except LrsError as exc:
        show_message(window, False, "Not sent", f"{exc}\n\nCorrect it in File > Settings > Learning record store.")
        return
    if parts.store.read_only:
        show_message(
            window,
            False,
            "Not sent",
            "Read-only: another copy of the app is using these records, so nothing can be sent from this one.",
        )
        return
    password = ""
    if chosen.user:
        asked = ask_password(window, chosen.user, chosen.host())
        if asked is None:
            return
        password = asked
    recorder = RecordingTransport(http_transport)
    outbox = LrsOutbox(parts.store, parts.profile_id, transport=in_background(recorder))
    config = LrsConfig(chosen.address, chosen.user, password)
    action = window.lrs_action
    assert action is not None  # set by install_lrs, whose action calls this
    action.setEnabled(False)
    if window.lrs_retry is not None:  # this send replaces any waiting retry (and its password)
        window.lrs_retry.cancel()
    busy = None
    try:
        identity = read_identity(parts.store, parts.profile_id)
        home = chosen.home or DEFAULT_HOME
        outbox.sync(xapi_statements(parts.store, parts.profile_id, content, home=home, identity=identity))
        waiting = len(outbox.entries("pending"))
        if waiting:
            busy = busy_dialog(window, f"Sending {plural(waiting)} to {chosen.host()}\u2026")
        report = outbox.send(config, force=True)
        refused = [describe(e) for e in outbox.refused()]
    except LrsError as exc:
        wrong_password = recorder.status in (401, 403)
        left = len(outbox.entries("pending"))
        text = (
            "The learning record store refused the user name or password. Check them (File > Settings > "
            "Learning record store) and the password, then try again."
            if wrong_password
            else f"{exc}."
        )
        show_message(window, False, "Not sent", f"{text}\n\nWaiting in the outbox: {plural(left)}.")
        return
    except StoreError as exc:
        show_message(window, False, "Not sent", f"Your records could not be read or updated: {exc}")
        return
    finally:
        if busy is not None:
            busy.close()
            busy.deleteLater()
        action.setEnabled(True)
    ok, text = result_message(report, recorder.failure(), refused)
    retry = window.lrs_retry
    if report.still_pending:  # no network or a busy LRS: try again by itself while the app runs
        if retry is None:
            from trainer.ui.export.lrs_retry import LrsRetry

            retry = window.lrs_retry = LrsRetry(window, parts)
        retry.arm(config, report.still_pending)
    elif retry is not None:
        retry.cancel()
    if not report.still_pending:
        window.statusBar().showMessage(text.split("\n")[0], 10000)
    show_message(window, ok, "Sent" if ok else "Not all sent", text)
