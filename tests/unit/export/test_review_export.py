"""Spaced review in the exports: CSV table, portfolio line, xAPI ``answered`` statements."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from ralph.models.xapi.base.statements import BaseXapiStatement

from tests.unit.review.support import course
from trainer.export.documents import portfolio_html, portfolio_markdown
from trainer.export.period import Period
from trainer.export.portfolio import build_portfolio
from trainer.export.sections_review import REVIEW_COLUMNS, review_rows, reviews_csv
from trainer.export.xapi import IRI_BASE, VERBS, xapi_statements
from trainer.records.store import memory_store
from trainer.review.schedule import AGAIN, GOOD, HARD
from trainer.services.progress import ProgressService
from trainer.services.review import ReviewService

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def content():
    return SimpleNamespace(course=course())


@pytest.fixture
def store(content):
    store = memory_store(clock=lambda: "2026-03-10T12:00:00+00:00")
    ProgressService(store, "p1").set_done("01-intro", True)
    ProgressService(store, "p1").set_done("02-asking", True)
    now = [START]
    service = ReviewService(store, content.course, "p1", lambda: now[0])
    items = {i.question.id: i for i in service.items()}
    service.record(items["a"], GOOD, "Would it help if I shared what others have found?", True, 8.26)
    now[0] = START + timedelta(minutes=1)
    service.record(items["b"], AGAIN, "You need to cut your salt right down.", False, 5)
    now[0] = START + timedelta(days=3)
    service.record(items["own-words"], HARD, "Could I share something?", None, 40)
    return store


def test_the_reviews_table_has_a_row_per_review(store, content):
    text = reviews_csv(store, "p1", content)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == REVIEW_COLUMNS
    assert [(r["card_id"], r["correct"], r["rating"], r["rating_name"]) for r in rows] == [
        ("01-intro#a", "yes", "3", "Good"),
        ("01-intro#b", "no", "1", "Again"),
        ("02-asking#own-words", "", "2", "Hard"),
    ]
    first = rows[0]
    assert (first["date"], first["module_title"], first["question_id"], first["kind"]) == (
        "2026-03-02",
        "Introduction",
        "a",
        "single",
    )
    assert first["prompt"] == "Which reply asks before advising? (a)"
    assert first["seconds"] == "8.3" and first["next_due"] == "2026-03-04T09:00:00+00:00"
    assert rows[2]["answer"] == "Could I share something?"


def test_the_reviews_table_keeps_to_the_period(store, content):
    rows = review_rows(store, "p1", content, Period.parse("2026-03-03", None))
    assert [r["question_id"] for r in rows] == ["own-words"]
    assert review_rows(store, "someone-else", content) == []


def test_an_answer_a_spreadsheet_would_run_is_written_as_text(store, content):
    ReviewService(store, content.course, "p1", lambda: START).record(
        ReviewService(store, content.course, "p1").items()[-1], GOOD, "=HYPERLINK(1)", None
    )
    assert "'=HYPERLINK(1)" in reviews_csv(store, "p1", content)


def test_the_portfolio_has_a_line_for_the_reviews_of_the_period(store, content):
    p = build_portfolio(store, "p1", content, now="2026-03-10T12:00:00+00:00")
    [section] = [s for s in p["sections"] if s["key"] == "reviews"]
    titles = [i["title"] for i in section["items"]]
    assert titles == [
        "3 reviews of 3 questions from 2 modules; 1 of 2 marked right",
        "Introduction: 2 reviews, 1 of 2 marked right",
        "Asking first: 1 review, all self-rated",
    ]
    assert section["items"][0]["date_text"] == "last on 5 March 2026"
    assert titles[0] in portfolio_markdown(p) and titles[0] in portfolio_html(p)
    later = build_portfolio(store, "p1", content, Period.parse("2026-03-06", None))
    assert "reviews" not in [s["key"] for s in later["sections"]]


def test_each_review_is_an_answered_statement_with_a_result(store, content):
    statements = [s for s in xapi_statements(store, "p1", content) if s["verb"]["id"] == VERBS["answered"]]
    assert VERBS["answered"] == "http://adlnet.gov/expapi/verbs/answered"
    assert len(statements) == 3
    for st in statements:
        BaseXapiStatement.model_validate(st)
    a, b, own = statements
    # the same activity as a knowledge-check answer to that question (trainer/export/xapi_checks.py)
    assert a["object"]["id"] == IRI_BASE + "/modules/01-intro/questions/a"
    assert a["object"]["definition"]["interactionType"] in {"choice", "sequencing", "long-fill-in", "other"}
    assert a["object"]["definition"]["name"]["en-GB"] == "Which reply asks before advising? (a)"
    assert a["result"]["success"] is True and b["result"]["success"] is False
    assert "success" not in own["result"]  # self-rated: not marked right or wrong
    assert own["result"]["response"] == "self-rated: Hard"  # what was typed stays private, as for checks
    assert "response" not in a["result"]  # a marked answer: success says it all
    ext = IRI_BASE + "/extensions/"
    assert [s["result"]["extensions"][ext + "fsrs-rating"] for s in statements] == [GOOD, AGAIN, HARD]
    assert a["result"]["extensions"][ext + "practice"] == "spaced review"
    assert a["result"]["duration"] == "PT8.3S" and own["result"]["duration"] == "PT40S"
    assert a["timestamp"].startswith("2026-03-02T")
    assert a["context"]["contextActivities"]["parent"][0]["id"] == IRI_BASE + "/modules/01-intro"
    assert len({s["id"] for s in statements}) == 3
    again = [s for s in xapi_statements(store, "p1", content) if s["verb"]["id"] == VERBS["answered"]]
    assert [s["id"] for s in again] == [s["id"] for s in statements]
