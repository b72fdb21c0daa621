"""Branching consultations in every export: the portfolio (and its CPD time), the CSV table,
the xAPI statements and the backup (round trip; a broken attempt is set aside)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from ralph.models.xapi.base.statements import BaseXapiStatement

from trainer.competencies.kinds import CONSULTATION_ATTEMPT
from trainer.consultations.model import Step
from trainer.content import load_content
from trainer.export.backup import export_backup, restore
from trainer.export.documents import portfolio_html, portfolio_markdown
from trainer.export.period import Period
from trainer.export.portfolio import build_portfolio
from trainer.export.registry import ExportContext
from trainer.export.sections_consultations import CONSULTATION_COLUMNS, consultations_csv
from trainer.export.sections_records import describe_link
from trainer.export.xapi import IRI_BASE, VERBS, xapi_statements
from trainer.records.store import memory_store, open_store
from trainer.services.consultations import ConsultationService
from trainer.services.exports import ExportRequest, run_export

SAMPLE = Path(__file__).resolve().parents[2] / "fixtures" / "sample-course"


@pytest.fixture(scope="module")
def content():
    return load_content(SAMPLE)


@pytest.fixture
def store(content):
    times = iter(["2026-03-02T10:00:00+00:00", "2026-03-05T10:00:00+00:00", *["2026-03-09T10:00:00+00:00"] * 20])
    store = memory_store(lambda: next(times))
    service = ConsultationService(store, content.consultations, content.framework.threshold, "p1")
    grace = content.consultations[0]
    service.save(grace, grace.expert_path(), 301)  # 5 min 1 s: counted as 6 minutes
    service.save(grace, [Step("opening", 1), Step("refused", 1)], 59)
    return store


def test_the_portfolio_lists_each_attempt_and_counts_its_time_as_cpd(store, content):
    p = build_portfolio(store, "p1", content, now="2026-03-10T12:00:00+00:00")
    [section] = [s for s in p["sections"] if s["key"] == "consultations"]
    assert section["title"] == "Branching consultations"
    assert [i["minutes"] for i in section["items"]] == [6, 1]
    assert section["minutes"] == 7
    assert p["cpd_minutes"] == 7 + sum(s["minutes"] for s in p["sections"] if s["key"] in ("modules", "sessions"))
    assert {"title": "Branching consultations", "minutes": 7, "text": "7 min"} in p["cpd_parts"]
    first, second = section["items"]
    assert first["name"] == "Grace: six finger-pricks a day" and first["date_text"] == "2 March 2026, 6 min"
    assert first["title"] == f"{first['name']}: {first['text']}"
    assert first["text"].startswith(
        "chose as the expert did at 8 of 8 decisions; reflections to questions 1.0:1 (fair)"
    )
    assert second["text"] == ("chose as the expert did at 0 of 2 decisions; advice with permission 0% (below fair)")
    assert first["title"] in portfolio_markdown(p) and first["title"] in portfolio_html(p)
    later = build_portfolio(store, "p1", content, Period.parse("2026-03-03", None))
    [section] = [s for s in later["sections"] if s["key"] == "consultations"]
    assert len(section["items"]) == 1


def test_the_consultations_table_has_a_row_per_attempt(store, content):
    rows = list(csv.DictReader(io.StringIO(consultations_csv(store, "p1", content))))
    assert list(rows[0]) == CONSULTATION_COLUMNS
    first, second = rows
    assert first["consultation_id"] == "grace-sugar-checks" and first["profession"] == "nursing"
    assert first["decisions"] == "8" and first["expert_matches"] == "8"
    assert first["reflection_to_question"] == "1.0" and first["open_questions"] == "0.5"
    assert first["seconds"] == "301.0" and first["cpd_minutes"] == "6" and first["ending"] == "ending-good"
    assert second["path"] == "opening:1 refused:1" and second["reflection_to_question"] == ""
    assert second["permission_rate"] == "0.0" and second["ending"] == "ending-short"


def test_the_csv_export_writes_the_consultations_table(store, content, tmp_path):
    written = run_export(ExportRequest("csv", tmp_path / "me.csv", profile="p1"), store, content)
    assert tmp_path / "me-consultations.csv" in written
    one = run_export(ExportRequest("csv", tmp_path / "c.csv", profile="p1", table="consultations"), store, content)
    assert (tmp_path / "c.csv").read_text(encoding="utf-8-sig").startswith("record_uid,profile,date,consultation_id")
    assert one == [tmp_path / "c.csv"]


def test_each_attempt_is_a_completed_statement_with_score_and_time(store, content):
    statements = [s for s in xapi_statements(store, "p1", content) if "/consultations/" in s["object"]["id"]]
    assert len(statements) == 2
    for st in statements:
        BaseXapiStatement.model_validate(st)
        assert st["verb"]["id"] == VERBS["completed"]
    full, short = statements
    assert full["object"]["id"] == IRI_BASE + "/consultations/grace-sugar-checks"
    assert full["object"]["definition"]["name"]["en-GB"] == "Grace: six finger-pricks a day"
    assert full["result"]["score"] == {"raw": 8, "min": 0, "max": 8} and full["result"]["duration"] == "PT301S"
    ext = IRI_BASE + "/extensions/"
    assert full["result"]["extensions"][ext + "practice"] == "branching consultation"
    assert full["result"]["extensions"][ext + "reflection-to-question"] == 1.0
    assert short["result"]["score"]["raw"] == 0 and ext + "reflection-to-question" not in short["result"]["extensions"]
    again = [s for s in xapi_statements(store, "p1", content) if "/consultations/" in s["object"]["id"]]
    assert [s["id"] for s in again] == [s["id"] for s in statements]


def test_the_backup_carries_attempts_and_a_restore_gives_them_back(store):
    data = json.loads(json.dumps(export_backup(store, "p1")))
    assert len(data["records"][CONSULTATION_ATTEMPT]) == 2
    target = memory_store()
    report = restore(target, data)
    assert report.quarantined == 0
    assert sorted(r["uid"] for r in target.all(CONSULTATION_ATTEMPT)) == sorted(
        r["uid"] for r in store.all(CONSULTATION_ATTEMPT)
    )


def test_a_broken_attempt_in_a_backup_is_set_aside(store, tmp_path):
    data = json.loads(json.dumps(export_backup(store, "p1")))
    data["records"][CONSULTATION_ATTEMPT][0]["seconds"] = -5
    target = open_store(tmp_path / "data")
    try:
        report = restore(target, data)
        assert report.quarantined == 1
        assert len(target.all(CONSULTATION_ATTEMPT)) == 1
    finally:
        target.close()


def test_a_reflection_linked_to_an_attempt_names_the_consultation(store, content):
    ctx = ExportContext(store, "p1", content)
    link = {"kind": "consultation", "consultation": "grace-sugar-checks", "attempt": "x"}
    assert describe_link(ctx, link) == "Consultation held: Grace: six finger-pricks a day"
