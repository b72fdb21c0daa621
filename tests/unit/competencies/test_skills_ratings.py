"""Storing self-assessments and observations, history, comparison, dashboard."""

from __future__ import annotations

import pytest

from trainer.competencies.dashboard import OBSERVER, SELF, weakest
from trainer.competencies.framework import load_framework
from trainer.competencies.ratings import NA, RatingError, record_title
from trainer.content import load_content
from trainer.records.store import memory_store, open_store
from trainer.services.ratings import OBSERVATION, SELF_ASSESSMENT, RatingsService
from trainer.tools.demo_ratings import add_demo_ratings


@pytest.fixture
def framework(sample_course):
    framework, _ = load_framework(sample_course)
    return framework


@pytest.fixture
def service(framework):
    return RatingsService(memory_store(clock=lambda: "2026-03-14T10:00:00+00:00"), framework, "me")


def test_self_assessment_is_stored_for_the_profile(service):
    rec = service.save_self_assessment(
        {
            "date": "2026-03-01",
            "items": {
                "open-questions": {"rating": 1, "note": " tried it ", "link": "reflection:abc"},
                "signposting": {"rating": "n/a"},
                "summaries": {"rating": None},
            },
            "globals": {"partnership": 4, "empathy": None},
        }
    )
    assert rec["profile"] == "me" and rec["uid"]
    stored = service.get(SELF_ASSESSMENT, rec["uid"])
    assert stored["items"]["open-questions"] == {"rating": 1, "note": "tried it", "link": "reflection:abc"}
    assert stored["items"]["signposting"]["rating"] == NA
    assert stored["items"]["summaries"]["rating"] is None
    assert stored["globals"] == {"partnership": 4, "empathy": None}
    other = RatingsService(service._store, service.framework, "someone-else")
    assert other.self_assessments() == []
    assert other.get(SELF_ASSESSMENT, rec["uid"]) is None


@pytest.mark.parametrize(
    "data, message",
    [
        ({"date": "yesterday"}, "not a date"),
        ({"date": "2026-03-01", "items": {"open-questions": {"rating": 3}}}, "expected 0, 1, 2"),
        ({"date": "2026-03-01", "items": {"nonsense": {"rating": 1}}}, "not a skill"),
        ({"date": "2026-03-01", "globals": {"empathy": 6}}, "from 1 to 5"),
        ({"date": "2026-03-01", "globals": {"kindness": 3}}, "not a global rating"),
    ],
)
def test_bad_input_is_refused_in_plain_words(service, data, message):
    with pytest.raises(RatingError, match=message):
        service.save_self_assessment(data)
    assert service.self_assessments() == []


def test_history_is_oldest_first_and_survives_reopening(tmp_path, framework):
    store = open_store(tmp_path)
    service = RatingsService(store, framework)
    service.save_self_assessment({"date": "2026-03-08", "items": {"reflections": {"rating": 2}}})
    service.save_self_assessment({"date": "2026-03-01", "items": {"reflections": {"rating": 0}}})
    store.close()
    again = RatingsService(open_store(tmp_path), framework)
    assert [r["date"] for r in again.self_assessments()] == ["2026-03-01", "2026-03-08"]


def test_editing_and_deleting(service):
    rec = service.save_self_assessment({"date": "2026-03-01", "items": {"reflections": {"rating": 0}}})
    service.save_self_assessment({"date": "2026-03-02", "items": {"reflections": {"rating": 1}}}, uid=rec["uid"])
    [only] = service.self_assessments()
    assert (only["date"], only["items"]["reflections"]["rating"]) == ("2026-03-02", 1)
    assert service.delete(SELF_ASSESSMENT, rec["uid"]) is True
    assert service.self_assessments() == []
    with pytest.raises(RatingError, match="no longer exists"):
        service.save_self_assessment({"date": "2026-03-02"}, uid=rec["uid"])


def test_compare_two_assessments(service):
    a = service.save_self_assessment(
        {
            "date": "2026-03-01",
            "globals": {"empathy": 3},
            "items": {"reflections": {"rating": 0}, "summaries": {"rating": 2}, "signposting": {"rating": 1}},
        }
    )
    b = service.save_self_assessment(
        {
            "date": "2026-03-08",
            "globals": {"empathy": 4},
            "items": {
                "reflections": {"rating": 2},
                "summaries": {"rating": 1},
                "signposting": {"rating": "na"},
                "follow-up": {"rating": 1},
            },
        }
    )
    # Order of choice does not matter: earlier is always "before".
    rows = {r.item_id: r for r in service.compare(b["uid"], a["uid"])}
    assert (rows["reflections"].delta, rows["reflections"].text) == (2, "\u2191 up 2")
    assert (rows["summaries"].delta, rows["summaries"].text) == (-1, "\u2193 down 1")
    assert rows["signposting"].text.startswith("\u2260")
    assert rows["follow-up"].text == "+ newly rated"
    assert rows["agenda-setting"].text == "not rated"
    assert rows["empathy"].is_global and rows["empathy"].delta == 1
    with pytest.raises(RatingError):
        service.compare(a["uid"], "missing")


def test_observation_needs_names_and_keeps_counts(service):
    with pytest.raises(RatingError, match="observer's name"):
        service.save_observation({"date": "2026-03-01", "learner": "Alex"})
    rec = service.save_observation(
        {
            "date": "2026-03-01",
            "observer": "Sam",
            "learner": "Alex",
            "session_id": "",
            "items": {
                "reflections": {
                    "rating": 1,
                    "said": "You said...",
                    "response": "They paused",
                    "alternative": "Try a complex reflection",
                }
            },
            "events": ["open_question", "open_question", "complex_reflection", "bogus"],
        }
    )
    stored = service.get(OBSERVATION, rec["uid"])
    assert stored["counts"]["open_question"] == 2 and stored["counts"]["complex_reflection"] == 1
    assert stored["events"] == ["open_question", "open_question", "complex_reflection"]
    assert stored["session_id"] is None and stored["round_id"] is None
    assert stored["items"]["reflections"]["alternative"] == "Try a complex reflection"
    assert "Sam observed Alex" in record_title(stored)


def test_side_by_side_marks_disagreements_with_a_symbol_and_words(service):
    mine = service.save_self_assessment(
        {
            "date": "2026-03-01",
            "items": {
                "reflections": {"rating": 2},
                "summaries": {"rating": 1},
                "signposting": {"rating": "na"},
                "follow-up": {"rating": 1},
            },
        }
    )
    theirs = service.save_observation(
        {
            "date": "2026-03-01",
            "observer": "Sam",
            "learner": "Alex",
            "items": {
                "reflections": {"rating": 0, "said": "s"},
                "summaries": {"rating": 1},
                "signposting": {"rating": 2},
            },
        }
    )
    rows = {r.item_id: r for r in service.side_by_side(mine["uid"], theirs["uid"])}
    assert (rows["reflections"].marker, rows["reflections"].text) == ("\u2260", "differ: you rated it 2 higher")
    assert rows["reflections"].notes == {"said": "s"}
    assert rows["summaries"].agrees is True and rows["summaries"].marker == "\u2713"
    assert "not applicable" in rows["signposting"].text and rows["signposting"].agrees is False
    assert rows["follow-up"].agrees is None and rows["follow-up"].text == "only you rated this"


def test_measures_use_framework_thresholds(service):
    measures = {m.key: m for m in service.measures({"open_question": 1, "simple_reflection": 2})}
    assert measures["reflection_to_question"].level == "good"


def test_dashboard_summaries_and_suggestions(sample_course, framework):
    content = load_content(sample_course)
    service = RatingsService(memory_store(), framework)
    service.save_self_assessment(
        {
            "date": "2026-03-01",
            "items": {
                "priorities": {"rating": 0},
                "permission": {"rating": 1, "note": "pairs practice"},
                "open-questions": {"rating": 2},
            },
        }
    )
    service.save_self_assessment(
        {
            "date": "2026-03-08",
            "items": {"priorities": {"rating": 1}, "permission": {"rating": 1}, "open-questions": {"rating": 2}},
        }
    )
    service.save_observation(
        {
            "date": "2026-03-08",
            "observer": "Sam",
            "learner": "Me",
            "items": {"priorities": {"rating": 0}, "open-questions": {"rating": 1}},
        }
    )
    teaching = {m.id for m in content.course.readable() if "priorities" in m.skills}
    done = set(list(teaching)[:0])
    summaries = {s.skill_id: s for s in service.summaries(content.course, done)}
    p = summaries["priorities"]
    assert (p.latest_self, p.latest_observer, p.latest_self_date) == (1, 0, "2026-03-08")
    assert [(x.source, x.value) for x in p.history] == [(SELF, 0), (OBSERVER, 0), (SELF, 1)]
    assert p.trend.startswith("\u2191 up 1")
    assert p.evidence == 1  # the observation
    assert summaries["permission"].evidence == 1  # the note
    assert summaries["permission"].trend.startswith("\u2192 steady")
    assert {m.id for m in p.modules} == teaching and p.modules_done == []
    assert summaries["summaries"].trend == "\u2014 not rated yet"
    assert [s.skill_id for s in weakest(list(summaries.values()))] == ["priorities", "permission", "open-questions"]

    suggestions = service.suggestions(list(summaries.values()), done)
    assert suggestions[0].skill_id == "priorities"
    assert suggestions[0].module_id in teaching
    done_all = {m.id for m in content.course.readable()}
    scenario = type("S", (), {"id": "copd-gp", "title": "COPD with a GP", "tags": ["priorities"]})()
    again = service.suggestions(service.summaries(content.course, done_all), done_all, [scenario])
    assert again[0].scenario_id == "copd-gp" and "COPD with a GP" in again[0].text


def test_demo_ratings(framework):
    store = memory_store()
    added = add_demo_ratings(store, "demo-profile", framework, lambda: "2026-03-14T09:00:00+00:00")
    assert len(added) == 3
    service = RatingsService(store, framework, "demo-profile")
    selfs = service.self_assessments()
    assert [r["date"] for r in selfs] == ["2026-03-07", "2026-03-14"]
    [obs] = service.observations()
    assert obs["observer"] and obs["learner"] and sum(obs["counts"].values()) > 0
    assert any(s.trend.startswith("\u2191") for s in service.summaries())
    assert add_demo_ratings(store, "demo-profile", framework, lambda: "2026-03-20") == []
    assert len(service.self_assessments()) == 2
