"""Goals, goal check-ins, team sessions and attendance as xAPI (issue 23, item 6),
and every kind of statement checked with ralph's models."""

import json

import pytest
from ralph.models.xapi.base.statements import BaseXapiStatement

from trainer.content import load_content
from trainer.export.xapi import VERBS, record_of, voiding_statement, xapi_statements
from trainer.records.store import memory_store
from trainer.tools.demo_export import fill_demo, with_demo_plan

NOW = "2026-04-01T10:00:00+00:00"


@pytest.fixture
def statements(sample_course):
    store = memory_store(clock=lambda: NOW)
    fill_demo(store)
    store.update(
        "team_session",
        "44444444-0000-4000-8000-000000000001",
        {
            "participants": [
                {"id": "p1", "name": "Sam", "role": "nurse", "team": "", "present": True},
                {"id": "p2", "name": "Jo", "role": "GP", "team": "", "present": True},
                {"id": "p3", "name": "Sam", "role": "HCA", "team": "", "present": False},
            ]
        },
    )
    return xapi_statements(store, "default", with_demo_plan(load_content(sample_course)))


def kinds(statements) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for st in statements:
        out.setdefault(record_of(st).split(":")[0], []).append(st)
    return out


def test_every_kind_of_statement_is_valid_xapi(statements):
    found = kinds(statements)
    assert set(found) >= {
        "progress",
        "scenario_attempt",
        "scenario_spot",
        "reflection",
        "self_assessment",
        "observation",
        "goal",
        "goal_checkin",
        "team_session",
        "attendance",
        "check_attempt",
    }
    for st in [*statements, voiding_statement(statements[0], NOW)]:
        BaseXapiStatement.model_validate(st)


def test_a_goal_and_its_check_ins(statements):
    found = kinds(statements)
    (goal,) = found["goal"]
    assert goal["verb"]["id"] == VERBS["set"]
    assert goal["object"]["definition"]["name"]["en-GB"] == "Walk to work twice a week"
    checkins = found["goal_checkin"]
    assert [c["verb"]["id"] for c in checkins] == [VERBS["progressed"]] * 2
    assert {c["object"]["id"] for c in checkins} == {goal["object"]["id"]}
    progress = sorted(
        next(v for k, v in c["result"]["extensions"].items() if k.endswith("goal-progress")) for c in checkins
    )
    assert progress == ["done", "partly"]
    text = json.dumps(statements)
    assert "Rain on Thursday" not in text and "three weeks running" not in text  # notes stay private
    assert "canal" not in text  # and so does the plan


def test_a_team_session_and_who_attended(statements):
    found = kinds(statements)
    (session,) = found["team_session"]
    assert session["verb"]["id"] == VERBS["facilitated"]
    assert session["object"]["definition"]["name"]["en-GB"] == "Practice team: agenda setting in triads"
    assert session["result"]["duration"] == "PT90M"
    attended = found["attendance"]
    assert sorted(a["actor"]["name"] for a in attended) == ["Jo", "Sam"]  # the absent Sam is not there
    accounts = {a["actor"]["account"]["name"] for a in attended}
    assert accounts == {
        "session/44444444-0000-4000-8000-000000000001/participant/p1",
        "session/44444444-0000-4000-8000-000000000001/participant/p2",
    }
    assert all(a["verb"]["id"] == VERBS["attended"] and a["object"]["id"] == session["object"]["id"] for a in attended)
    assert all(a["context"]["instructor"] == session["actor"] for a in attended)
