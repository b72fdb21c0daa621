import pytest

from trainer.services.team_session import OBSERVATION, SessionError
from trainer.sessions.grouping import pairings


def test_roster_attendance_and_groups_for_seven(service, taster, seven):
    uid = seven["uid"]
    assert [p["name"] for p in seven["participants"]][:2] == ["Asha Patel", "Ben Okafor"]
    assert seven["profile"] == "trainer-1"
    grace = seven["participants"][-1]["id"]
    service.set_present(uid, grace, False)
    session = service.make_groups(uid, taster)
    assert session["seed"] == 1234
    assert len(session["rounds"]) == 3
    for rnd in session["rounds"]:
        members = sorted(p for g in rnd["groups"] for p in g)
        assert grace not in members and len(members) == 6
        assert [len(g) for g in rnd["groups"]] == [3, 3]
    assert [r["skill"] for r in session["rounds"]] == ["agenda-setting", "importance", "confidence"]
    assert [r["turn"] for r in session["rounds"]] == [0, 1, 2]
    again = service.make_groups(uid, taster, seed=1234)
    assert again["rounds"] == session["rounds"]


def test_swap_applies_to_the_rest_of_the_block(service, taster, seven):
    uid = seven["uid"]
    session = service.make_groups(uid, taster, seed=5)
    g0, g1 = session["rounds"][1]["groups"][0], session["rounds"][1]["groups"][1]
    a, b = g0[0], g1[0]
    after = service.swap(uid, 1, a, b)
    assert after["rounds"][0]["groups"] == session["rounds"][0]["groups"]  # earlier round unchanged
    for rnd in after["rounds"][1:]:
        assert b in rnd["groups"][0] and a in rnd["groups"][1]
    with pytest.raises(SessionError, match="must be in this round"):
        service.swap(uid, 0, a, "nobody")


def test_history_avoids_last_sessions_partners(service, taster, seven):
    service.make_groups(seven["uid"], taster, seed=1)
    first = service.get(seven["uid"])
    names = {p["id"]: p["name"] for p in first["participants"]}
    second = service.create(
        taster, date="2026-11-27", team="riverside nurses", participants=[{"name": n} for n in names.values()]
    )
    history = service.history(second)
    assert len(history) == 1
    second = service.make_groups(second["uid"], taster, seed=2)
    new_names = {p["id"]: p["name"] for p in second["participants"]}
    old_pairs = {frozenset(names[i] for i in p) for p in pairings(first["rounds"][0]["groups"])}
    new_pairs = {frozenset(new_names[i] for i in p) for p in pairings(second["rounds"][0]["groups"])}
    # 7 people in triads: 3+2+2 has 5 pairings; 3+2+2 before had 5 of 21; avoidable.
    assert not (old_pairs & new_pairs)


def test_observations_upsert_and_are_listed_on_the_round(service, taster, seven):
    uid = seven["uid"]
    session = service.make_groups(uid, taster, seed=3)
    group = next(g for g in session["rounds"][0]["groups"] if len(g) == 3)
    practitioner, person, observer = group
    rec = service.save_observation(
        uid, 0, observer, practitioner, "Good open start", {"open_question": 4, "closed_question": 2, "bogus": 9}
    )
    assert rec["counts"]["open_question"] == 4 and "bogus" not in rec["counts"]
    again = service.save_observation(uid, 0, observer, practitioner, "Edited", {"open_question": 5})
    assert again["uid"] == rec["uid"]
    assert service.get(uid)["rounds"][0]["observations"] == [rec["uid"]]
    assert [o["note"] for o in service.observations(uid)] == ["Edited"]
    trainer_obs = service.save_observation(uid, 0, "trainer", person, "Seen by trainer")
    assert trainer_obs["observer_name"] == "Trainer"
    with pytest.raises(SessionError, match="no such round"):
        service.save_observation(uid, 9, observer, practitioner)


def test_errors_are_plain(service, taster):
    session = service.create(taster)
    with pytest.raises(SessionError, match="at least two people"):
        service.make_groups(session["uid"], taster)
    with pytest.raises(SessionError, match="needs a name"):
        service.add_participant(session["uid"], "  ")
    with pytest.raises(SessionError, match="not found"):
        service.get("missing")


def test_delete_removes_observations(service, taster, seven):
    uid = seven["uid"]
    session = service.make_groups(uid, taster, seed=3)
    a, b = session["rounds"][0]["groups"][0][:2]
    service.save_observation(uid, 0, a, b, "x")
    service.delete(uid)
    assert service.sessions() == []
    assert service._store.all(OBSERVATION) == []


def test_no_team_name_means_no_history(service, taster):
    a = service.create(taster, date="2026-11-01", participants=[{"name": n} for n in "ABCD"])
    service.make_groups(a["uid"], taster, seed=1)
    b = service.create(taster, date="2026-11-08", participants=[{"name": n} for n in "ABCD"])
    assert service.history(b) == []
