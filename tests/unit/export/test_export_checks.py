"""Answers to knowledge checks in every export: CSV, the portfolio, xAPI and the backup (#21)."""

import csv
import io

import pytest
from ralph.models.xapi.base.statements import BaseXapiStatement

from trainer.content import load_content
from trainer.export.backup import export_backup, restore
from trainer.export.documents import portfolio_html
from trainer.export.period import Period
from trainer.export.portfolio import build_portfolio
from trainer.export.spreadsheet import CHECK_COLUMNS, checks_csv
from trainer.export.xapi import IRI_BASE, VERBS, record_of, xapi_statements
from trainer.export.xapi_checks import iso_duration
from trainer.records.store import memory_store, open_store
from trainer.tools.demo_export import fill_demo

NOW = "2026-04-01T10:00:00+00:00"


@pytest.fixture
def demo():
    store = memory_store(clock=lambda: NOW)
    fill_demo(store)
    return store


@pytest.fixture
def content(sample_course):
    return load_content(sample_course)


def test_csv_has_one_row_per_answer(demo, content):
    rows = list(csv.DictReader(io.StringIO(checks_csv(demo, "default", content))))
    assert list(rows[0]) == CHECK_COLUMNS
    assert [(r["module_id"], r["question_id"], r["attempt"], r["correct"]) for r in rows] == [
        ("what-is-sms", "own-words", "1", "yes"),
        ("activation", "activation-parts", "1", "no"),
        ("activation", "activation-parts", "2", "yes"),
        ("activation", "level-one", "1", "yes"),
        ("activation", "match-support", "1", "yes"),
    ]
    second = rows[2]
    assert second["prompt"] == "Which three words describe activation?"
    assert second["response"] == "Knowledge, skills and confidence" and second["seconds"] == "8.0"
    assert second["card_id"] == "activation#activation-parts" and second["date"] == "2026-02-02"
    assert rows[0]["rating"] == "close"
    january = list(csv.DictReader(io.StringIO(checks_csv(demo, "default", content, Period.parse(None, "2026-01-31")))))
    assert [r["module_id"] for r in january] == ["what-is-sms"]


def test_portfolio_says_when_each_check_was_passed_and_the_score(demo, content):
    (modules,) = build_portfolio(demo, "default", content, include=["modules"])["sections"]
    by_id = {m["module"]: m for m in modules["items"]}
    activation = by_id["activation"]["check"]
    assert activation["passed"] and activation["date"] == "2026-02-02"
    assert activation["text"] == "Knowledge check: passed 2 February 2026, 3 of 3 right"
    assert by_id["what-is-sms"]["check"]["text"] == "Knowledge check: not passed yet, 1 of 3 right"
    assert by_id["closed-doors"]["check"] is None  # done, but no answers recorded


def test_portfolio_html_shows_the_check_line(demo, content):
    html = portfolio_html(build_portfolio(demo, "default", content, include=["modules"]))
    assert "Knowledge check: passed 2 February 2026, 3 of 3 right" in html


def answered(statements):
    return [st for st in statements if st["verb"]["id"] == VERBS["answered"]]


def test_xapi_answered_statements_with_a_result(demo, content):
    statements = xapi_statements(demo, "default", content)
    found = answered(statements)
    assert len(found) == 5 and VERBS["answered"] == "http://adlnet.gov/expapi/verbs/answered"
    for st in found:
        BaseXapiStatement.model_validate(st)
        assert record_of(st).startswith("check_attempt:")
    wrong = next(st for st in found if st["result"]["success"] is False)
    assert wrong["object"]["id"] == IRI_BASE + "/modules/activation/questions/activation-parts"
    definition = wrong["object"]["definition"]
    assert definition["type"] == "http://adlnet.gov/expapi/activities/cmi.interaction"
    assert definition["interactionType"] == "choice" and definition["correctResponsesPattern"] == ["0"]
    assert [c["id"] for c in definition["choices"]] == ["0", "1"]
    assert wrong["result"] == {
        "success": False,
        "response": "1",
        "duration": "PT21.5S",
        "extensions": {IRI_BASE + "/extensions/attempt": 1},
    }
    assert wrong["context"]["contextActivities"]["parent"][0]["id"] == IRI_BASE + "/modules/activation"
    assert wrong["timestamp"] == "2026-02-02T18:35:00+00:00"
    order = next(st for st in found if st["object"]["id"].endswith("/match-support"))
    assert order["object"]["definition"]["interactionType"] == "sequencing"
    assert order["result"]["response"] == "0[,]1[,]2[,]3" and order["result"]["duration"] == "PT1M15S"
    free = next(st for st in found if st["object"]["id"].endswith("/own-words"))
    assert free["object"]["definition"]["interactionType"] == "long-fill-in"
    assert free["result"]["response"] == "self-rated: close"  # what was typed stays with the learner
    assert "What the person does" not in str(free)
    again = answered(xapi_statements(demo, "default", content))
    assert [st["id"] for st in again] == [st["id"] for st in found]


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "PT0S"), (8, "PT8S"), (21.54, "PT21.5S"), (125, "PT2M5S"), (120, "PT2M")]
)
def test_iso_duration(seconds, text):
    assert iso_duration(seconds) == text


def test_backup_and_restore_carry_the_answers(demo, tmp_path):
    backup = export_backup(demo)
    assert len(backup["records"]["check_attempt"]) == 5
    store = open_store(tmp_path / "data")
    try:
        report = restore(store, backup)
        assert report.quarantined == 0
        assert sorted(r["uid"] for r in store.all("check_attempt")) == sorted(
            r["uid"] for r in demo.all("check_attempt")
        )
        bad = dict(backup["records"]["check_attempt"][0], uid="bad-one", attempt=0, correct="maybe")
        report = restore(store, {**backup, "records": {"check_attempt": [bad]}})
        assert report.quarantined == 1 and store.get("check_attempt", "bad-one") is None
    finally:
        store.close()
