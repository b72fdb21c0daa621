"""Alignment, spot-the-skill scoring and the practice service (no Qt)."""

from __future__ import annotations

from trainer.records.store import memory_store, open_store
from trainer.scenarios.align import align, expected_tags, first_parting, parts_at, places, skill_counts, spot_targets
from trainer.scenarios.loader import load_scenarios
from trainer.scenarios.scoring import SkillAgreement, score_spot
from trainer.services.scenario_practice import ATTEMPT, SPOT, ScenarioPracticeService

from ..scenarios.scenario_helpers import SKILLS, text, write


def tiny(tmp_path, **changes):
    write(tmp_path, text(**changes))
    loaded = load_scenarios(tmp_path, SKILLS)
    assert not loaded.diagnostics
    return loaded.scenarios[0]


# -- alignment ------------------------------------------------------------------------
def test_versions_part_ways_after_shared_turns(tmp_path):
    s = tiny(tmp_path)
    opening, agenda = s.moments
    # Same speaker and same words (directions may differ) count as shared.
    assert parts_at(opening) == 2
    assert parts_at(agenda) == 0
    rows = align(s)
    assert [r.moment.id for r in rows] == ["opening", "agenda"]
    assert [t.words for t in rows[0].shared] == ["Hello, come in.", "Hi."]
    assert [t.words for t in rows[0].traditional] == ["Let's look at your peak flow."]
    assert [t.words for t in rows[0].sms] == ["How have things been? Take your time.", "Tiring.", "Tiring."]
    assert first_parting(s) is opening


def test_identical_moment_never_parts(tmp_path):
    s = tiny(tmp_path, replace={43: "**Nurse:** Today we will do your review."})
    assert parts_at(s.moment("agenda")) == 1
    assert first_parting(s).id == "opening"


def test_places_and_counts_find_every_use_of_a_skill(tmp_path):
    s = tiny(tmp_path)
    found = places(s, "open-questions")
    assert [(p.moment.id, p.index) for p in found] == [("opening", 2), ("agenda", 0)]
    assert places(s, "permission") == []
    assert skill_counts(s) == {"open-questions": 2, "reflections": 1}


def test_spot_targets_are_practitioner_turns_of_the_sms_version(tmp_path):
    s = tiny(tmp_path)
    targets = spot_targets(s, s.moment("opening"))
    assert [i for i, _t in targets] == [0, 2, 4]
    assert expected_tags(s, s.moment("opening")) == {0: [], 2: ["open-questions"], 4: ["reflections"]}


# -- scoring -----------------------------------------------------------------------------
def test_score_counts_hits_misses_and_extras_per_skill():
    expected = {0: [], 2: ["open-questions", "agenda-setting"], 4: ["reflections"]}
    chosen = {0: ["permission"], 2: ["open-questions"], 4: ["reflections", "summaries"]}
    score = score_spot(
        expected, chosen, order=["agenda-setting", "permission", "open-questions", "reflections", "summaries"]
    )
    assert score.skills == (
        SkillAgreement("agenda-setting", 0, 1, 0),
        SkillAgreement("permission", 0, 0, 1),
        SkillAgreement("open-questions", 1, 0, 0),
        SkillAgreement("reflections", 1, 0, 0),
        SkillAgreement("summaries", 0, 0, 1),
    )
    assert (score.hits, score.misses, score.extras) == (2, 1, 2)
    assert score.agreement == 2 / 5 and score.percent == 40


def test_a_tag_on_the_wrong_turn_is_a_miss_and_an_extra():
    score = score_spot({1: ["reflections"]}, {2: ["reflections"]})
    assert score.skills == (SkillAgreement("reflections", 0, 1, 1),)
    assert score.agreement == 0.0


def test_perfect_and_empty_scores():
    assert score_spot({1: ["a", "b"]}, {1: ["b", "a"]}).agreement == 1.0
    assert score_spot({1: []}, {}).agreement == 1.0
    assert score_spot({1: ["a"]}, {}).percent == 0


# -- the service --------------------------------------------------------------------------
def test_attempts_are_kept_per_profile_and_moment():
    store = memory_store()
    mine, theirs = ScenarioPracticeService(store, "me"), ScenarioPracticeService(store, "you")
    mine.save_attempt("tiny", "opening", "  How are things?  ")
    mine.save_attempt("tiny", "opening", "What would you like to talk about?")
    mine.save_attempt("tiny", "agenda", "Shall we set an agenda?")
    theirs.save_attempt("tiny", "opening", "Hello")
    texts = [r["text"] for r in mine.attempts("tiny", "opening")]
    assert texts == ["How are things?", "What would you like to talk about?"]
    assert len(mine.attempts("tiny")) == 3
    assert all(r["profile"] == "me" and r["uid"] for r in mine.attempts("tiny"))
    assert [r["text"] for r in theirs.attempts("tiny")] == ["Hello"]


def test_empty_attempt_is_refused():
    service = ScenarioPracticeService(memory_store())
    try:
        service.save_attempt("tiny", "opening", "   ")
    except ValueError as exc:
        assert "write what you would say" in str(exc)
    else:
        raise AssertionError("an empty attempt was saved")
    assert service.attempts("tiny") == []


def test_reveal_and_hide_per_moment():
    service = ScenarioPracticeService(memory_store(), "me")
    assert service.revealed("tiny") == set()
    service.reveal("tiny", "opening")
    service.reveal("tiny", "agenda")
    service.hide("tiny", "agenda")
    assert service.revealed("tiny") == {"opening"}
    assert ScenarioPracticeService(service._store, "other").revealed("tiny") == set()


def test_spot_rounds_are_scored_stored_and_summed(tmp_path):
    s = tiny(tmp_path)
    store = open_store(tmp_path / "data")
    service = ScenarioPracticeService(store, "me", sorted(SKILLS))
    record, score = service.save_spot(s, "opening", {2: ["open-questions"], 4: ["summaries"]})
    assert (score.hits, score.misses, score.extras) == (1, 1, 1)
    assert record["chosen"] == [{"turn": 2, "tags": ["open-questions"]}, {"turn": 4, "tags": ["summaries"]}]
    service.save_spot(s, "agenda", {0: ["open-questions"]})
    store.close()

    reopened = ScenarioPracticeService(open_store(tmp_path / "data"), "me")
    history = reopened.spot_history("tiny")
    assert [(r["moment"], r["hits"], r["agreement"]) for r in history] == [
        ("opening", 1, round(1 / 3, 4)),
        ("agenda", 1, 1.0),
    ]
    summary = reopened.spot_summary("tiny")
    assert summary == {"rounds": 2, "hits": 2, "misses": 1, "extras": 1, "agreement": 0.5}
    assert reopened.spot_summary("other") == {"rounds": 0, "hits": 0, "misses": 0, "extras": 0, "agreement": None}
    raw = reopened._store.all("scenario_spot", profile="me")
    assert len(raw) == 2 and raw[0]["skills"][0]["skill"] == "open-questions"
    assert SPOT == "scenario_spot" and ATTEMPT == "scenario_attempt"


def test_attempt_keeps_its_codes_and_refuses_an_unknown_one():
    service = ScenarioPracticeService(memory_store(), "me")
    codes = [{"sentence": "How are things?", "code": "open_question", "corrected": False}]
    saved = service.save_attempt("tiny", "opening", "How are things?", codes)
    assert saved["codes"] == codes
    assert "codes" not in service.save_attempt("tiny", "opening", "Hello")
    try:
        service.save_attempt("tiny", "opening", "Hi", [{"sentence": "Hi", "code": "chat", "corrected": False}])
    except ValueError as exc:
        assert "unknown behaviour code 'chat'" in str(exc)
    else:
        raise AssertionError("an unknown code was saved")
