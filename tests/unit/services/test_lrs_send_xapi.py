"""``trainer send-xapi`` against the local LRS double (issue 23, item 5)."""

import pytest

from trainer.cli import main
from trainer.records.store import open_store
from trainer.services.lrs import OUTBOX
from trainer.tools.demo_export import fill_demo

from .lrs_double import PASSWORD, USER


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "data"
    store = open_store(folder)
    fill_demo(store)
    store.close()
    return folder


def args(lrs_url, data):
    return ["send-xapi", "--lrs", lrs_url, "--user", USER, "--data", str(data)]


def test_plain_http_is_refused_except_on_this_computer(data, monkeypatch, capsys):
    monkeypatch.setenv("TRAINER_LRS_PASSWORD", PASSWORD)
    assert main(args("http://lrs.example.org/xAPI/", data)) == 2
    err = capsys.readouterr().err
    assert "https://" in err and "Traceback" not in err
    store = open_store(data, read_only=True)
    assert store.all(OUTBOX) == []  # nothing queued, nothing sent
    store.close()


def test_a_wrong_password_is_not_backed_off(lrs, data, monkeypatch, capsys):
    monkeypatch.setenv("TRAINER_LRS_PASSWORD", "wrong")
    assert main(args(lrs.endpoint, data)) == 2
    assert "refused the user name or password" in capsys.readouterr().err
    monkeypatch.setenv("TRAINER_LRS_PASSWORD", PASSWORD)
    assert main(args(lrs.endpoint, data)) == 0  # at once, not a minute later
    out = capsys.readouterr().out
    assert out.startswith(f"{len(lrs.stored)} sent") and lrs.stored


def test_refused_statements_make_the_command_fail_and_are_named(lrs, data, monkeypatch, capsys):
    monkeypatch.setenv("TRAINER_LRS_PASSWORD", PASSWORD)
    store = open_store(data)
    bad = {
        "id": "3f1e4a52-0000-4000-8000-000000000001",
        "actor": {"objectType": "Agent", "account": {"homePage": "https://x.example.org", "name": "x"}},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced", "display": {"en-GB": "experienced"}},
        "object": {"objectType": "Activity", "id": "https://x.example.org/a", "definition": {"name": {"en-GB": "Old"}}},
        "timestamp": "2026-11-22",  # what versions before issue 23 sent
    }
    store.add(OUTBOX, {"uid": bad["id"], "profile": "default", "statement": bad, "status": "pending", "attempts": 0})
    store.close()
    assert main(args(lrs.endpoint, data)) == 1
    captured = capsys.readouterr()
    assert "1 refused by the LRS" in captured.out
    assert "'Old'" in captured.err and "bad timestamp" in captured.err
    assert bad["id"] not in lrs.stored and len(lrs.stored) > 1  # the rest went
