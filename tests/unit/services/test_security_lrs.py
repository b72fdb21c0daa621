"""Issue 17, item 2: the LRS password never goes to another host, and a redirect is not "sent".

Two small servers on 127.0.0.1: the "LRS" answers every POST with a redirect,
the other records every request it gets and answers 200 to anything.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from trainer.records.store import memory_store
from trainer.services.lrs import LrsConfig, LrsOutbox
from trainer.services.lrs_send import RecordingTransport

STATEMENT = {
    "id": "6f1c3a52-0000-4000-8000-000000000001",
    "timestamp": "2026-01-01T10:00:00Z",
    "actor": {"mbox": "mailto:a@example.org"},
    "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
    "object": {"id": "https://example.org/m/1"},
}


class _Server:
    """A server on 127.0.0.1 in a thread; ``answer(handler)`` replies to every request."""

    def __init__(self, answer):
        self.seen: list[tuple[str, str, dict]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_args):
                pass

            def _any(self):
                length = int(self.headers.get("Content-Length", 0) or 0)
                self.rfile.read(length)
                server.seen.append((self.command, self.path, dict(self.headers)))
                answer(self)

            do_GET = do_POST = do_PUT = _any

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()


def _reply(code: int, location: str = ""):
    def answer(handler):
        body = b"[]"
        handler.send_response(code)
        if location:
            handler.send_header("Location", location)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return answer


@pytest.fixture
def elsewhere():
    server = _Server(_reply(200))
    yield server
    server.close()


@pytest.mark.parametrize("code", [301, 302, 303, 307, 308])
def test_a_redirect_to_another_host_gets_no_password_and_nothing_is_marked_sent(elsewhere, code):
    lrs = _Server(_reply(code, elsewhere.url + "/xAPI/statements"))
    try:
        store = memory_store()
        outbox = LrsOutbox(store, "p1")
        outbox.queue([STATEMENT])
        outbox.send(LrsConfig(lrs.url + "/xAPI/", "trainer", "s3cret", timeout=10))
    finally:
        lrs.close()
    assert [method for method, _path, _headers in lrs.seen] == ["POST"]
    assert not any("Authorization" in headers or "authorization" in headers for _m, _p, headers in elsewhere.seen)
    assert outbox.entries("sent") == []
    assert [e["uid"] for e in outbox.entries("pending")] == [STATEMENT["id"]]


def test_a_redirect_on_the_same_host_is_not_marked_sent_either():
    """urllib turns a redirected POST into a GET, which any LRS answers 200: not a send."""
    lrs = _Server(
        lambda handler: _reply(302, "/other/statements")(handler) if handler.command == "POST" else _reply(200)(handler)
    )
    try:
        store = memory_store()
        outbox = LrsOutbox(store, "p1")
        outbox.queue([STATEMENT])
        report = outbox.send(LrsConfig(lrs.url + "/xAPI/", "trainer", "s3cret", timeout=10))
    finally:
        lrs.close()
    assert report.sent == 0 and report.still_pending == 1
    assert outbox.entries("sent") == []


def test_a_redirect_is_explained_in_plain_words():
    transport = RecordingTransport(lambda config, statements: (302, ""))
    transport(LrsConfig("https://lrs.example.org/xapi/"), [STATEMENT])
    words = transport.failure()
    assert "302" in words and "redirect" in words.lower() and "\n" not in words
