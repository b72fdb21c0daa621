"""File > Settings > Learning record store and File > Send to learning record store…,
against a fake LRS on 127.0.0.1 (no real network)."""

import base64
import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from trainer.services.lrs import LrsOutbox
from trainer.tools.demo_export import fill_demo

USER, PASSWORD = "sam", "s3cret"


class FakeLrs:
    """Records POSTed statements; answers ``code`` (200 or 401) to every POST."""

    def __init__(self, code=200, hold=None):
        self.code, self.received, self.auth, self.hold = code, [], [], hold
        lrs = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
                lrs.auth.append(self.headers.get("Authorization", ""))
                if lrs.hold is not None:
                    lrs.hold.wait(10)  # the test looks at the window meanwhile
                if lrs.code == 200:
                    lrs.received.extend(body)
                    data = json.dumps([s["id"] for s in body]).encode()
                else:
                    data = b'{"error": "unauthorised"}'
                self.send_response(lrs.code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/xAPI/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def lrs():
    server = FakeLrs()
    yield server
    server.close()


@pytest.fixture
def closed_url():
    """An address on this computer where nothing listens."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/xAPI/"


@pytest.fixture
def app(make_app, monkeypatch):
    parts = make_app()
    fill_demo(parts.store)  # records for the "default" profile, the one the app opens
    asked = []

    def get_text(parent, title, label, echo, *args, **kwargs):
        asked.append((label, echo))
        return PASSWORD, True

    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getText", get_text)
    parts.asked = asked
    return parts


def configure(parts, url, user=USER, home=""):
    for key, value in (("lrs/address", url), ("lrs/user", user), ("lrs/home", home)):
        parts.settings.setValue(key, value)


def send(parts, qtbot):
    parts.window.lrs_action.trigger()
    qtbot.wait_until(lambda: getattr(parts.window, "lrs_message", None) is not None)
    box = parts.window.lrs_message
    return box.windowTitle(), box.text()


def pending(parts):
    return len(LrsOutbox(parts.store, parts.profile_id).entries("pending"))


def test_send_delivers_the_statements_with_the_password_asked_not_saved(app, lrs, qtbot):
    from PySide6.QtWidgets import QLineEdit

    assert app.window.lrs_action in app.window.file_menu.actions()
    configure(app, lrs.url, home="https://lms.example.org")
    title, text = send(app, qtbot)
    n = len(lrs.received)
    assert n > 0 and title == "Sent" and text == f"Sent {n} statements."
    assert app.asked and app.asked[0][1] == QLineEdit.EchoMode.Password and USER in app.asked[0][0]
    assert lrs.auth[0] == "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    assert lrs.received[0]["actor"]["account"]["homePage"] == "https://lms.example.org"
    assert pending(app) == 0 and app.window.lrs_action.isEnabled()
    app.settings.sync()
    saved = (app.data_dir / "ui-settings.ini").read_text()
    assert PASSWORD not in saved and lrs.url in saved
    app.window.lrs_message = None
    title, text = send(app, qtbot)  # nothing new since
    assert text.startswith("Nothing new to send") and len(lrs.received) == n


def test_window_keeps_working_and_shows_it_is_busy_while_sending(app, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog

    release = threading.Event()
    server = FakeLrs(hold=release)
    seen = []

    def look() -> None:  # runs on the UI thread while the request waits in the server
        if not server.auth:
            QTimer.singleShot(20, look)
            return
        busy = [d for d in app.window.findChildren(QProgressDialog) if d.isVisible()]
        seen.append((bool(busy) and "Sending" in busy[0].labelText(), app.window.lrs_action.isEnabled()))
        release.set()

    QTimer.singleShot(0, look)
    try:
        configure(app, server.url)
        title, text = send(app, qtbot)
    finally:
        release.set()
        server.close()
    assert seen == [(True, False)] and title == "Sent" and server.received
    assert app.window.lrs_action.isEnabled()


def test_wrong_password_says_so_and_keeps_them_waiting(app, qtbot):
    server = FakeLrs(401)
    try:
        configure(app, server.url)
        title, text = send(app, qtbot)
    finally:
        server.close()
    assert title == "Not sent" and "refused the user name or password" in text
    assert f"Waiting in the outbox: {pending(app)} statements." in text and pending(app) > 0


def test_closed_lrs_keeps_them_for_next_time_with_the_reason(app, closed_url, lrs, qtbot):
    configure(app, closed_url)
    title, text = send(app, qtbot)
    waiting = pending(app)
    assert title == "Not all sent" and waiting > 0
    assert text == (
        f"{waiting} could not be sent and will be tried again next time: the computer at that "
        "address refused the connection; check the address and port."
    )
    configure(app, lrs.url)  # the next time, they go
    app.window.lrs_message = None
    title, text = send(app, qtbot)
    assert text == f"Sent {waiting} statements." and len(lrs.received) == waiting and pending(app) == 0


def test_nothing_configured_opens_settings_at_the_lrs_page(app, lrs, qtbot, monkeypatch):
    from trainer.ui.settings.dialog import SettingsDialog

    seen = []

    def fill_in(dialog):
        seen.append(dialog.tabs.currentWidget() is dialog.lrs)
        dialog.lrs.address.setText("http://lrs.example.org/xapi")  # plain http away from this computer
        dialog.accept()
        seen.append((dialog.result(), dialog.lrs.error.text()))
        dialog.lrs.address.setText(lrs.url)
        dialog.lrs.user.setText(USER)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(SettingsDialog, "exec", fill_in)
    title, text = send(app, qtbot)
    assert seen[0] is True
    assert seen[1][0] == 0 and "must start with https://" in seen[1][1]
    assert app.settings.value("lrs/address") == lrs.url and text.startswith("Sent ")


def test_settings_page_saves_checks_and_shows_the_outbox(app, qtbot):
    from trainer.ui.settings import make_settings_dialog

    LrsOutbox(app.store, app.profile_id).queue(
        [{"id": "00000000-0000-4000-8000-000000000001", "timestamp": "2026-01-01T00:00:00Z"}]
    )
    dialog = make_settings_dialog(app.window, app)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.show_lrs()
    assert "1 statement waiting" in dialog.lrs.outbox.text()
    assert dialog.lrs.address.hasFocus() or not dialog.isActiveWindow()
    dialog.lrs.address.setText("https://lrs.example.org/xapi/")
    dialog.lrs.user.setText("sam")
    dialog.lrs.home.setText("not an address")
    dialog.accept()
    assert dialog.result() == 0 and "home page" in dialog.lrs.error.text() and dialog.lrs.error.isVisible()
    dialog.lrs.home.setText("https://lms.example.org/")
    dialog.accept()
    assert dialog.result() == 1
    assert app.settings.value("lrs/address") == "https://lrs.example.org/xapi/"
    assert app.settings.value("lrs/user") == "sam" and app.settings.value("lrs/home") == "https://lms.example.org"
    again = make_settings_dialog(app.window, app)
    qtbot.addWidget(again)
    assert again.lrs.address.text() == "https://lrs.example.org/xapi/" and again.lrs.home.text()


def test_keyboard_reaches_the_lrs_page_and_its_fields(app, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from trainer.ui.settings import make_settings_dialog

    dialog = make_settings_dialog(app.window, app)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.wait_until(dialog.isActiveWindow)
    QTest.keyClick(dialog, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # &Learning record store
    assert dialog.tabs.currentWidget() is dialog.lrs
    QTest.keyClick(dialog, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)  # &User name
    assert dialog.lrs.user.hasFocus()
    QTest.keyClick(dialog, Qt.Key.Key_Tab)
    assert dialog.lrs.home.hasFocus()
    QTest.keyClicks(dialog.lrs.home, "x")
    assert dialog.lrs.home.text() == "x"


def test_a_read_only_copy_sends_nothing_and_says_why(app, lrs, qtbot):
    """A second copy open read-only cannot keep an outbox, so it sends nothing."""
    from trainer.app import build
    from trainer.records.store import open_store

    store = open_store(app.data_dir, read_only=True)
    other = build(app.controller.content.root, app.data_dir, store=store, profile_id=app.profile_id)
    qtbot.addWidget(other.window)
    try:
        configure(other, lrs.url)
        title, text = send(other, qtbot)
        assert title == "Not sent" and text.startswith("Read-only")
        assert lrs.received == [] and lrs.auth == []  # nothing left the computer
    finally:
        store.close()


def test_the_profiles_work_identity_is_set_in_settings_and_used_as_the_actor(app, lrs, qtbot):
    from trainer.services.lrs_identity import read_identity
    from trainer.ui.settings import make_settings_dialog

    dialog = make_settings_dialog(app.window, app)
    qtbot.addWidget(dialog)
    dialog.lrs.address.setText(lrs.url)
    dialog.lrs.user.setText(USER)
    dialog.lrs.account.setText("E12345")
    assert not dialog.lrs.save()  # a staff number means nothing without whose staff
    assert "home page" in dialog.lrs.error.text()
    dialog.lrs.account.setText("")
    dialog.lrs.mbox.setText("not an address")
    assert not dialog.lrs.save() and "e-mail address" in dialog.lrs.error.text()
    dialog.lrs.mbox.setText("sam@trust.example.org")
    assert dialog.lrs.save()
    assert read_identity(app.store, app.profile_id) == {"mbox": "sam@trust.example.org"}
    title, _text = send(app, qtbot)
    assert title == "Sent" and {
        st["actor"].get("mbox") for st in lrs.received if not st["verb"]["id"].endswith("/attended")
    } == {"mailto:sam@trust.example.org"}
