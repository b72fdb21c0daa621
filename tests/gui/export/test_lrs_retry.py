"""While the app runs, what could not reach the LRS is tried again by itself (issue 23)."""

import pytest

from trainer.services.lrs import LrsOutbox
from trainer.tools.demo_export import fill_demo

from .test_lrs_send import PASSWORD, USER, FakeLrs, configure, send


@pytest.fixture
def app(make_app, monkeypatch):
    parts = make_app()
    fill_demo(parts.store)
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getText", lambda *a, **k: (PASSWORD, True))
    return parts


def pending(parts):
    return len(LrsOutbox(parts.store, parts.profile_id).entries("pending"))


def test_a_busy_lrs_is_tried_again_in_the_background_and_shown(app, qtbot):
    server = FakeLrs(503)
    try:
        configure(app, server.url, USER)
        title, _text = send(app, qtbot)
        assert title == "Not all sent" and pending(app) > 0
        retry = app.window.lrs_retry
        assert retry is not None and retry.timer.isActive()
        assert "trying again" in app.window.statusBar().currentMessage()
        first_wait = retry.timer.interval()
        retry.run()  # as the timer would: still busy, so it waits longer
        assert retry.timer.isActive() and retry.timer.interval() > first_wait
        server.code = 200
        retry.run()
        assert pending(app) == 0 and not retry.timer.isActive()
        assert "Sent" in app.window.statusBar().currentMessage() and server.received
        assert retry.config is None  # the password is forgotten once all is sent
    finally:
        server.close()


def test_quitting_cancels_the_retry_and_keeps_the_statements(app, qtbot):
    server = FakeLrs(503)
    try:
        configure(app, server.url, USER)
        send(app, qtbot)
        retry = app.window.lrs_retry
        waiting = pending(app)
        retry.cancel()  # what quitting does (QCoreApplication.aboutToQuit)
        assert not retry.timer.isActive() and retry.config is None
        assert pending(app) == waiting  # still in the outbox for the next send
    finally:
        server.close()


def test_a_wrong_then_right_password_sends_at_once(app, qtbot):
    server = FakeLrs(401)
    try:
        configure(app, server.url, USER)
        title, _text = send(app, qtbot)
        assert title == "Not sent" and pending(app) > 0
        assert app.window.lrs_retry is None or not app.window.lrs_retry.timer.isActive()  # no retry with a bad password
        server.code = 200
        app.window.lrs_message = None
        title, _text = send(app, qtbot)
        assert title == "Sent" and pending(app) == 0
    finally:
        server.close()
