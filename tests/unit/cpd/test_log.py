"""The CPD log from records: every kind credited, participatory split, months, date ranges."""

from trainer.cpd import rules
from trainer.cpd.log import build_log

RECORDS = {
    "progress": [
        {"uid": "p1", "module": "agenda", "done": True, "done_by": "check", "done_at": "2026-01-10T10:00:00"},
        {"uid": "p2", "module": "goals", "done": True, "done_by": "hand", "done_at": "2026-01-11T10:00:00"},
        {"uid": "p3", "module": "scales", "done": False, "done_at": None},
    ],
    "check_attempt": [
        {"uid": "c1", "module": "agenda", "seconds": 90, "created": "2026-01-10T09:50:00"},
        {"uid": "c2", "module": "agenda", "seconds": 5000, "created": "2026-01-10T09:55:00"},  # capped at 600
    ],
    "review_log": [{"uid": "r1", "seconds": 60, "reviewed_at": "2026-02-01T08:00:00", "created": "x"}],
    "scenario_attempt": [
        {"uid": "s1", "scenario": "garden", "created": "2026-02-03T10:00:00"},
        {"uid": "s2", "scenario": "garden", "created": "2026-02-03T10:10:00"},
    ],
    "scenario_spot": [{"uid": "s3", "scenario": "garden", "created": "2026-02-03T10:20:00"}],
    "consultation_attempt": [
        {"uid": "y1", "consultation": "grace", "consultation_title": "Grace", "date": "2026-02-05", "seconds": 301},
        {"uid": "y2", "consultation": "bashir", "date": "2026-02-06", "seconds": 7200},  # capped at 30 min
    ],
    "coding_practice": [
        {"uid": "k1", "scenario": "garden", "scenario_title": "Garden", "date": "2026-02-04", "items": 12}
    ],
    "session_attendance": [
        {
            "uid": "a1",
            "session_uid": "S1",
            "title": "Riverside taster",
            "date": "2026-03-05",
            "minutes": 210,
            "rounds": [{"round": 1, "role": "practitioner"}, {"round": 2, "role": "observer"}],
            "feedback": 2,
        },
        {"uid": "a2", "session_uid": "S2", "title": "Broken", "date": "not a date", "minutes": 60},
    ],
    "reflection": [
        {"uid": "f1", "title": "After clinic", "status": "finished", "finished_at": "2026-03-06T12:00:00"},
        {"uid": "f2", "title": "Draft", "status": "draft", "updated": "2026-03-06T12:00:00"},
        {"uid": "f3", "title": "Binned", "status": "finished", "finished_at": "2026-03-06", "binned_at": "2026-03-07"},
    ],
    "observation": [
        {
            "uid": "o1",
            "source": "team-session-bundle",
            "session_uid": "S1",
            "session_title": "Riverside taster",
            "session_date": "2026-03-05",
            "observer_name": "Finn",
            "note": "Warm opening",
            "counts": {"summary": 2},
        },
        {"uid": "o2", "date": "2026-03-05", "observer": "me"},  # my own checklist: not feedback
    ],
}
MODULES = {"agenda": 25, "goals": 20, "scales": 30}


def log():
    return build_log(RECORDS, MODULES, {"agenda": "Agenda setting"}, {"garden": "Back to the garden"})


def test_each_kind_is_credited_by_its_rule():
    by_kind = log().by_kind()
    assert by_kind == {
        rules.READING: 25,  # only the module done by passing its check
        rules.CHECKS: 12,  # 90 s + 600 s (capped) = 11.5 min, rounded
        rules.REVIEWS: 1,
        rules.SCENARIOS: 13,  # two replies and a spotting round
        rules.CONSULTATIONS: 36,  # 5 min 1 s rounded up to 6, and 2 h capped at 30
        rules.CODING: 12,
        rules.TEAM_SESSIONS: 210,
        rules.REFLECTIONS: 30,  # finished, not binned
        rules.EXTERNAL: 0,
    }


def test_participatory_split_and_totals():
    whole = log()
    assert whole.minutes == 25 + 12 + 1 + 13 + 36 + 12 + 210 + 30
    assert whole.participatory_minutes == 210
    session = next(a for a in whole.activities if a.kind == rules.TEAM_SESSIONS)
    assert session.detail == "Attended; rounds: 1 as practitioner, 1 as observer"


def test_feedback_from_bundles_and_what_an_attendance_file_reports_without_counting_twice():
    whole = log()
    assert [f.observer for f in whole.feedback] == ["Finn"]
    assert whole.feedback_count == 2  # one imported, and one more the attendance file reports


def test_by_month_in_order():
    assert list(log().by_month()) == ["2026-01", "2026-02", "2026-03"]
    assert log().by_month()["2026-03"] == {rules.TEAM_SESSIONS: 210, rules.REFLECTIONS: 30}


def test_a_date_range_includes_both_ends():
    march = log().between("2026-03-05", "2026-03-06")
    assert march.minutes == 240 and len(march.reflections) == 1 and march.feedback_count == 2
    assert log().between("2026-01-11", "2026-03-04").minutes == 1 + 13 + 36 + 12
    assert log().between("2027-01-01", "2027-12-31").minutes == 0


def test_led_sessions_count_for_the_trainer_only():
    rec = {"uid": "t1", "profile": "me", "plan_id": "taster", "title": "Taster", "date": "2026-04-01", "rounds": [{}]}
    mine = build_log({"team_session": [rec]}, {}, plan_minutes={"taster": 90}, profile_id="me")
    assert [(a.minutes, a.participatory, a.detail) for a in mine.activities] == [(90, True, "Led the session")]
    assert build_log({"team_session": [rec]}, {}, plan_minutes={"taster": 90}, profile_id="you").minutes == 0


def test_odd_records_are_left_out_not_guessed():
    odd = {
        "progress": [{"uid": "p", "module": "agenda", "done": True, "done_by": "check", "done_at": 12}],
        "session_attendance": [{"uid": "a", "date": "2026-01-01", "minutes": "lots"}],
        "consultation_attempt": [{"uid": "y", "consultation": "grace", "date": "2026-01-01", "seconds": "long"}],
        "coding_practice": [{"uid": "k", "date": "2026-01-01", "items": "x"}],
    }
    assert build_log(odd, MODULES).activities == []


def test_other_cpd_entered_by_hand_counts_as_entered():
    recs = {
        "external_cpd": [
            {
                "uid": "e1",
                "title": "Diabetes study day",
                "date": "2026-05-01",
                "minutes": 390,
                "participatory": True,
                "method": "Course or study day",
            },
            {"uid": "e2", "title": "Journal article", "date": "2026-05-02", "minutes": 45, "participatory": False},
            {"uid": "e3", "title": "Too long", "date": "2026-05-03", "minutes": 100 * 60 + 1},
            {"uid": "e4", "title": "Said yes as text", "date": "2026-05-04", "minutes": 30, "participatory": "yes"},
        ]
    }
    got = build_log(recs, {})
    assert [(a.title, a.minutes, a.participatory) for a in got.activities] == [
        ("Diabetes study day", 390, True),
        ("Journal article", 45, False),
        ("Said yes as text", 30, False),
    ]
    assert got.participatory_minutes == 390 and got.activities[0].detail == "Course or study day"
