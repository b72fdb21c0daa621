"""Importing an attendance file credits the session once; a bad file changes nothing."""

import json
from pathlib import Path

import pytest

from trainer.content import load_content
from trainer.export.portfolio import build_portfolio
from trainer.records.store import open_store
from trainer.services.attendance import AttendanceService
from trainer.sessions.attendance import KIND, AttendanceError

GOOD = {
    "format": "practitioner-trainer/attendance",
    "version": 1,
    "exported": "2026-11-20T16:00:00+00:00",
    "session": {
        "uid": "5e55-10n",
        "title": "Riverside taster",
        "date": "2026-11-20",
        "team": "Riverside nurses",
        "plan_title": "Taster",
        "minutes": 90,
        "facilitator": "Sam Trainer",
    },
    "attendee": {"id": "p1", "name": "Asha Patel"},
    "rounds": [
        {"round": 1, "title": "Agenda", "skill": "agenda-setting", "role": "practitioner"},
        {"round": 2, "title": "Scaling", "skill": "importance-confidence", "role": "observer"},
    ],
    "feedback": 1,
}


def _file(tmp_path, data, name="attendance.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "learner")
    yield s
    s.close()


def test_good_file_credits_the_session_with_time_roles_and_feedback(store, tmp_path):
    result = AttendanceService(store, "me").import_file(_file(tmp_path, GOOD))
    assert result.added
    assert result.message() == "Added the team session 'Riverside taster' of 2026-11-20 (1 h 30 min) to your CPD log."
    [rec] = store.all(KIND, profile="me")
    assert rec["minutes"] == 90 and rec["participatory"] is True and rec["feedback"] == 1
    assert [r["role"] for r in rec["rounds"]] == ["practitioner", "observer"]
    assert rec["practitioner_turns"] == 1 and rec["facilitator"] == "Sam Trainer"
    store.close()
    again = open_store(tmp_path / "learner")  # it is on disk
    assert len(again.all(KIND, profile="me")) == 1
    again.close()


def test_importing_twice_does_not_duplicate(store, tmp_path):
    service = AttendanceService(store, "me")
    service.import_file(_file(tmp_path, GOOD))
    second = service.import_file(_file(tmp_path, GOOD, "copy-of-it.json"))
    assert not second.added and second.message().startswith("Nothing new:")
    assert len(store.all(KIND)) == 1


def test_another_profile_gets_its_own_record(store, tmp_path):
    AttendanceService(store, "me").import_file(_file(tmp_path, GOOD))
    AttendanceService(store, "colleague").import_file(_file(tmp_path, GOOD))
    assert len(store.all(KIND, profile="me")) == 1 and len(store.all(KIND, profile="colleague")) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{not json", "attendance.json, line 1:"),
        (
            json.dumps({**GOOD, "session": {**GOOD["session"], "minutes": 100000}}),
            "attendance.json: field 'session.minutes'",
        ),
        (json.dumps({**GOOD, "rounds": [{"round": 1, "role": "spy"}]}), "attendance.json: field 'rounds[1].role'"),
        (json.dumps(["a list"]), "attendance.json: not an attendance file from Practitioner Trainer"),
    ],
)
def test_bad_file_is_one_line_and_leaves_the_store_unchanged(store, tmp_path, text, expected):
    store.add("reflection", {"profile": "me", "title": "Mine"})
    before = {kind: store.all(kind) for kind in store.kinds()}
    with pytest.raises(AttendanceError) as err:
        AttendanceService(store, "me").import_file(_file(tmp_path, text))
    assert str(err.value).startswith(expected) and "\n" not in str(err.value)
    assert {kind: store.all(kind) for kind in store.kinds()} == before


def test_the_portfolio_credits_an_attended_session(store, tmp_path):
    content = load_content(Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "sample-course")
    before = build_portfolio(store, "me", content, now="2026-12-01T00:00:00+00:00")["cpd_minutes"]
    AttendanceService(store, "me").import_file(_file(tmp_path, GOOD))
    portfolio = build_portfolio(store, "me", content, now="2026-12-01T00:00:00+00:00")
    assert portfolio["cpd_minutes"] == before + 90
    [session] = next(s for s in portfolio["sections"] if s["key"] == "sessions")["items"]
    assert (session["title"], session["role"], session["facilitator"]) == (
        "Riverside taster",
        "Attended",
        "Sam Trainer",
    )
