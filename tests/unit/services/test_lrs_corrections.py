"""Edits and deletions reach the LRS: the old statement is voided, the new one sent (issue 23)."""

import pytest

from trainer.content import load_content
from trainer.export.xapi import xapi_statements
from trainer.records.store import memory_store
from trainer.services.lrs import OUTBOX, LrsConfig, LrsOutbox
from trainer.tools.demo_export import fill_demo

from .lrs_double import PASSWORD, USER, VOIDED

NOW = "2026-04-01T10:00:00+00:00"


@pytest.fixture
def setup(sample_course, lrs):
    store = memory_store(clock=lambda: NOW)
    fill_demo(store)
    content = load_content(sample_course)
    box = LrsOutbox(store, "default")
    config = LrsConfig(lrs.endpoint, USER, PASSWORD, timeout=5)

    def send():
        box.sync(xapi_statements(store, "default", content))
        return box.send(config)

    return store, box, send


def learners(lrs):
    """The statements about the learner (not those of the people at their team session)."""
    return [st for st in lrs.live().values() if not st["verb"]["id"].endswith("/attended")]


def reflection(store):
    return next(r for r in store.all("reflection", profile="default") if r.get("status") != "draft")


def titles(lrs):
    return sorted(
        st["object"]["definition"]["name"]["en-GB"]
        for st in lrs.live().values()
        if "/reflections/" in st["object"]["id"]
    )


def test_an_edit_after_sending_voids_the_old_statement_and_sends_the_new_one(setup, lrs):
    store, box, send = setup
    first = send()
    assert first.sent == len(lrs.stored) and first.still_pending == 0
    rec = reflection(store)
    before = {i for i, st in lrs.stored.items() if rec["uid"] in st["object"]["id"]}
    store.update("reflection", rec["uid"], {"title": "Retitled"})
    report = send()
    assert report.sent == 2 and report.conflicts == 0 and report.rejected == 0  # the void and the new version
    assert lrs.voided == before
    assert "Retitled" in titles(lrs) and rec["title"] not in titles(lrs)
    voiding = next(st for st in lrs.stored.values() if st["verb"]["id"] == VOIDED)
    assert voiding["object"] == {"objectType": "StatementRef", "id": next(iter(before))}
    assert send().sent == 0  # nothing more: the map knows what is in the LRS
    sent = {e["uid"]: e for e in store.all(OUTBOX)}
    assert sent[next(iter(before))]["replaced"]


def test_a_deletion_after_sending_voids_the_statement(setup, lrs):
    store, box, send = setup
    send()
    rec = reflection(store)
    gone = {i for i, st in lrs.stored.items() if rec["uid"] in st["object"]["id"]}
    store.delete("reflection", rec["uid"])
    assert send().sent == 1
    assert lrs.voided == gone
    assert not any(rec["uid"] in st["object"]["id"] for st in lrs.live().values())
    assert send().sent == 0


def test_an_edit_before_sending_replaces_the_waiting_statement(setup, lrs):
    store, box, send = setup
    rec = reflection(store)
    statements = xapi_statements(store, "default")
    box.sync(statements)
    store.update("reflection", rec["uid"], {"title": "Retitled"})
    send()
    assert lrs.voided == set() and len(lrs.stored) == len(statements)
    assert "Retitled" in titles(lrs)


def test_send_xapi_sends_as_the_organisations_identity(lrs, tmp_path, monkeypatch):
    from trainer.cli import main
    from trainer.records.store import open_store
    from trainer.services.lrs_identity import save_identity

    data = tmp_path / "data"
    store = open_store(data)
    fill_demo(store)
    save_identity(store, "default", account="E12345")
    store.close()
    monkeypatch.setenv("TRAINER_LRS_PASSWORD", PASSWORD)
    args = [
        "send-xapi",
        "--lrs",
        lrs.endpoint,
        "--user",
        USER,
        "--data",
        str(data),
        "--xapi-home",
        "https://lms.example.org",
    ]
    assert main(args) == 0
    assert {st["actor"]["account"]["name"] for st in learners(lrs)} == {"E12345"}
    assert main([*args, "--actor-mbox", "sam@trust.example.org"]) == 0  # everything voided and sent again as Sam
    assert {st["actor"].get("mbox") for st in learners(lrs)} == {"mailto:sam@trust.example.org"}
    bare = ["send-xapi", "--lrs", lrs.endpoint, "--user", USER, "--data", str(data)]
    assert main([*bare, "--actor-account", "E1"]) == 2  # whose staff number? refused, nothing sent
    assert main([*bare, "--actor-mbox", "not an address"]) == 2
