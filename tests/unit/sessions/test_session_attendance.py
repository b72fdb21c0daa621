"""Attendance files: everyone present gets one, with their roles, and only good files are read."""

import json

import pytest

from trainer.sessions.attendance import (
    AttendanceError,
    build_attendance,
    certificates_html,
    read_attendance,
    write_attendance,
)


@pytest.fixture
def grouped(service, taster, seven):
    uid = seven["uid"]
    service.set_present(uid, seven["participants"][6]["id"], False)  # Grace did not come
    session = service.make_groups(uid, taster, seed=11)
    triad = next(g for g in session["rounds"][0]["groups"] if len(g) == 3)
    service.save_observation(uid, 0, triad[2], triad[0], "Lovely reflections", {"complex_reflection": 3})
    return service.get(uid), triad


def test_every_present_attendee_gets_a_file_observed_or_not(service, taster, grouped, tmp_path):
    session, triad = grouped
    files = build_attendance(session, taster, service.observations(session["uid"]), "2026-11-20T12:00", "Sam Trainer")
    assert len(files) == 6 and session["participants"][6]["id"] not in files
    observed = files[triad[0]]
    assert observed["feedback"] == 1 and files[triad[1]]["feedback"] == 0
    assert observed["session"]["minutes"] == taster.total_minutes
    assert observed["session"]["facilitator"] == "Sam Trainer"
    assert observed["rounds"][0] == {
        "round": 1,
        "title": taster.phases[session["rounds"][0]["phase"]].title,
        "skill": session["rounds"][0]["skill"],
        "role": "practitioner",
    }
    assert files[triad[1]]["rounds"][0]["role"] == "person"
    assert files[triad[2]]["rounds"][0]["role"] == "observer"
    paths = write_attendance(tmp_path, session, files)
    assert len(paths) == 6
    for path in paths:
        back = read_attendance(path)
        assert back.attendee.name in {p["name"] for p in session["participants"]}
        assert len(back.rounds) == len(session["rounds"])


def test_certificates_have_one_page_per_attendee_and_escape_names(service, taster, grouped):
    session, _ = grouped
    files = list(build_attendance(session, taster, [], "").values())
    files[0]["attendee"]["name"] = "<b>Ann</b>"
    html = certificates_html(files)
    assert html.count("Certificate of attendance") == 6
    assert html.count("page-break-before: always") == 5
    assert "&lt;b&gt;Ann&lt;/b&gt;" in html and "<b>Ann</b>" not in html


def _write(tmp_path, data, name="att.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


GOOD = {
    "format": "practitioner-trainer/attendance",
    "version": 1,
    "session": {"uid": "s1", "title": "Taster", "date": "2026-11-20", "minutes": 90},
    "attendee": {"id": "p1", "name": "Asha Patel"},
    "rounds": [{"round": 1, "role": "practitioner"}],
    "feedback": 2,
}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"format": "something-else"}, "att.json: not an attendance file from Practitioner Trainer"),
        (
            {"version": 2},
            "att.json: attendance file version 2 is newer than this app reads (version 1); update the app",
        ),
        ({"session": {**GOOD["session"], "minutes": 0}}, "att.json: field 'session.minutes'"),
        ({"session": {**GOOD["session"], "minutes": "90"}}, "att.json: field 'session.minutes'"),
        ({"session": {**GOOD["session"], "date": "20/11/2026"}}, "att.json: field 'session.date'"),
        ({"rounds": [{"round": 1, "role": "boss"}]}, "att.json: field 'rounds[1].role'"),
        ({"attendee": {"id": "p1"}}, "att.json: field 'attendee.name'"),
        ({"feedback": -1}, "att.json: field 'feedback'"),
    ],
)
def test_a_bad_file_is_one_plain_line(tmp_path, change, expected):
    with pytest.raises(AttendanceError) as err:
        read_attendance(_write(tmp_path, {**GOOD, **change}))
    assert str(err.value).startswith(expected)
    assert "\n" not in str(err.value)


def test_cut_short_and_not_json(tmp_path):
    with pytest.raises(AttendanceError, match=r"att.json, line 1: .*cut short"):
        read_attendance(_write(tmp_path, json.dumps(GOOD)[:40]))
    with pytest.raises(AttendanceError, match="no such file"):
        read_attendance(tmp_path / "missing.json")
