"""Sending xAPI statements to a small LRS on 127.0.0.1 that follows the statements API rules."""

import pytest

from trainer.content import load_content
from trainer.export.xapi import xapi_statements
from trainer.records.store import memory_store
from trainer.services.lrs import OUTBOX, LrsConfig, LrsError, LrsOutbox
from trainer.tools.demo_export import fill_demo

from .lrs_double import PASSWORD, USER


@pytest.fixture
def outbox(sample_course):
    store = memory_store(clock=lambda: "2026-04-01T10:00:00+00:00")
    fill_demo(store)
    box = LrsOutbox(store, "default")
    box.queue(xapi_statements(store, "default", load_content(sample_course)))
    return box


def config(lrs, password=PASSWORD):
    return LrsConfig(lrs.endpoint, USER, password, timeout=5)


def test_everything_is_sent_once(lrs, outbox):
    report = outbox.send(config(lrs))
    assert report.sent == 28 and report.still_pending == 0
    assert len(lrs.stored) == 28
    assert outbox.send(config(lrs)).sent == 0  # nothing left to send
    assert lrs.requests == 1
    statements = [e["statement"] for e in outbox.entries()]
    assert outbox.queue(statements) == 0  # queueing again adds nothing


def test_a_busy_lrs_means_try_again_later_with_a_longer_wait(lrs, outbox):
    lrs.fail_next = 2
    first = outbox.send(config(lrs))
    assert first.sent == 0 and first.still_pending == 28 and first.problems
    entry = outbox.entries("pending")[0]
    assert entry["attempts"] == 1 and entry["next_try"] == "2026-04-01T10:01:00+00:00"
    assert outbox.send(config(lrs)).sent == 0 and lrs.requests == 1  # not due yet: not tried
    outbox.send(config(lrs), force=True)
    assert outbox.entries("pending")[0]["next_try"] == "2026-04-01T10:02:00+00:00"  # waits longer
    assert outbox.send(config(lrs), force=True).sent == 28
    assert {e["status"] for e in outbox.entries()} == {"sent"}


def test_no_server_keeps_everything_pending(outbox):
    report = outbox.send(LrsConfig("http://127.0.0.1:9/xAPI/", USER, PASSWORD, timeout=2))
    assert report.sent == 0 and report.still_pending == 28
    assert "could not reach" in outbox.entries("pending")[0]["last_error"]


def test_a_conflict_is_marked_and_the_rest_still_go(lrs, outbox):
    victim = outbox.entries()[0]["statement"]
    lrs.stored[victim["id"]] = {**victim, "verb": {"id": "http://example.org/other"}}
    report = outbox.send(config(lrs))
    assert report.conflicts == 1 and report.sent == 27 and report.still_pending == 0
    assert outbox._store.get(OUTBOX, victim["id"])["status"] == "conflict"


def test_wrong_password_is_a_plain_error_and_nothing_is_lost(lrs, outbox):
    with pytest.raises(LrsError, match="refused the user name or password"):
        outbox.send(config(lrs, password="nope"))
    assert len(outbox.entries("pending")) == 28 and lrs.stored == {}


def test_bad_address(outbox):
    with pytest.raises(LrsError, match="should start with https"):
        outbox.send(LrsConfig("lrs.example.org"))


def test_send_xapi_command(lrs, tmp_path, monkeypatch, capsys):
    from trainer.cli import main
    from trainer.records.store import open_store

    data = tmp_path / "data"
    store = open_store(data)
    fill_demo(store)
    store.close()
    monkeypatch.setenv("TRAINER_LRS_PASSWORD", PASSWORD)
    args = ["send-xapi", "--lrs", lrs.endpoint, "--user", USER, "--data", str(data)]
    assert main(args) == 0
    assert main(args) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == ["28 sent", "0 sent"] and len(lrs.stored) == 28
    monkeypatch.setenv("TRAINER_LRS_PASSWORD", "wrong")
    store = open_store(data)
    store.add("reflection", {"profile": "default", "title": "New", "template": "rolfe", "sections": {"what": "x"}})
    store.close()
    assert main(args) == 2
    assert "refused the user name or password" in capsys.readouterr().err
