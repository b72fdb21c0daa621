from datetime import date, timedelta

import pytest

from trainer.records.store import memory_store
from trainer.services.goals import ACHIEVED, GoalService, plan_too_big, smaller_plan_hint

PLAN = {"what": "walk round the park", "when": "at lunchtime", "where": "the park by work", "how_often": "twice a week"}


@pytest.fixture
def clock():
    return {"today": date(2026, 3, 2)}


@pytest.fixture
def goals(clock):
    return GoalService(memory_store(), "me", today=lambda: clock["today"])


def test_create_goal_sets_first_checkin(goals):
    g = goals.create("Walk at lunchtime", 8, 6, PLAN, every_days=7)
    assert g["next_checkin"] == "2026-03-09"
    assert g["plan"] == PLAN and g["profile"] == "me"
    assert goals.goals() == [g]


@pytest.mark.parametrize("bad", [-1, 11, 5.5, "7", True])
def test_ratings_must_be_0_to_10(goals, bad):
    with pytest.raises(ValueError, match="0 to 10"):
        goals.create("Walk", bad, 7, PLAN)


def test_bad_goal_inputs(goals):
    with pytest.raises(ValueError):
        goals.create("   ", 5, 7, PLAN)
    with pytest.raises(ValueError):
        goals.create("Walk", 5, 7, {"why": "x"})


def test_nudge_appears_when_due_and_checkin_moves_it_on(goals, clock):
    g = goals.create("Walk at lunchtime", 8, 6, PLAN, every_days=7)
    assert goals.due() == [] and goals.nudge() == ""
    clock["today"] = date(2026, 3, 9)
    assert [x["uid"] for x in goals.due()] == [g["uid"]]
    assert "Walk at lunchtime" in goals.nudge()
    goals.check_in(g["uid"], "partly", note="Went once", barriers="Rain on Thursday", confidence=7)
    assert goals.nudge() == ""
    updated = goals.get(g["uid"])
    assert updated["next_checkin"] == "2026-03-16" and updated["confidence"] == 7
    clock["today"] += timedelta(days=7)
    goals.check_in(g["uid"], "done")
    history = goals.checkins(g["uid"])
    assert [(c["date"], c["progress"], c["barriers"]) for c in history] == [
        ("2026-03-09", "partly", "Rain on Thursday"),
        ("2026-03-16", "done", ""),
    ]
    with pytest.raises(ValueError):
        goals.check_in(g["uid"], "maybe")


def test_two_due_goals_and_closed_goals(goals, clock):
    a = goals.create("Walk", 8, 7, PLAN, every_days=1)
    goals.create("Sleep earlier", 6, 8, PLAN, every_days=2)
    clock["today"] += timedelta(days=3)
    assert goals.nudge() == "2 of your goals are due a check-in"
    goals.update(a["uid"], {"status": ACHIEVED})
    assert len(goals.goals()) == 1 and len(goals.goals(include_closed=True)) == 2
    assert "Sleep earlier" in goals.nudge()


def test_low_confidence_suggests_a_smaller_plan():
    assert plan_too_big(6) and not plan_too_big(7)
    assert "smaller" in smaller_plan_hint(4)
    assert smaller_plan_hint(8) == ""


def test_update_merges_plan(goals):
    g = goals.create("Walk", 8, 5, PLAN)
    got = goals.update(g["uid"], {"plan": {"how_often": "once a week"}, "confidence": 8})
    assert got["plan"]["how_often"] == "once a week" and got["plan"]["what"] == PLAN["what"]
    with pytest.raises(ValueError):
        goals.update(g["uid"], {"confidence": 12})
