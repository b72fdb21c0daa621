"""Coding practice: items from a coded scenario, scoring, the record, and calibration in bundles."""

from __future__ import annotations

import json

import pytest

from trainer.content import load_content
from trainer.records.store import memory_store, open_store
from trainer.scenarios.coding_practice import practice_items, score_practice
from trainer.scenarios.loader import load_scenarios
from trainer.services.coding_practice import CODING_PRACTICE, CodingPracticeService, calibration_summary
from trainer.services.team_session import TeamSessionService
from trainer.sessions.bundles import coded_by_line, import_bundle, read_bundle, write_bundles

from ..scenarios.scenario_helpers import SKILLS, text, write
from ..sessions.conftest import SEVEN

CODED = {
    32: ["> code: open_question: invites Sam to say how things are"],
    34: ["> code: simple_reflection: repeats Sam's one word"],
    44: ["> code: open_question: asks what Sam wants to cover"],
}


@pytest.fixture
def coded(tmp_path):
    write(tmp_path, text(insert=CODED))
    (scenario,) = load_scenarios(tmp_path, SKILLS).scenarios
    return scenario


def test_items_are_the_coded_turns_with_what_the_person_said_before(coded):
    items = practice_items(coded)
    assert [(i.moment, i.expert) for i in items] == [
        ("Opening", "open_question"),
        ("Opening", "simple_reflection"),
        ("Agenda", "open_question"),
    ]
    assert items[1].before == "Tiring." and items[1].words == "Tiring."
    assert items[0].before == "Hi."


def test_score_counts_agreement_kappa_and_differences(coded):
    items = practice_items(coded)
    result = score_practice(items, ["open_question", "complex_reflection", "open_question"])
    # expert O S O, learner O X O: observed 2/3; chance (2*2)/9 = 4/9; kappa (2/3 - 4/9) / (5/9) = 0.4
    assert result.agreement == pytest.approx(2 / 3)
    assert result.kappa == pytest.approx(0.4)
    (diff,) = result.differences
    assert (diff.number, diff.chosen, diff.item.reason) == (2, "complex_reflection", "repeats Sam's one word")
    rows = {r.code: r for r in result.by_code}
    assert (rows["open_question"].reference, rows["open_question"].both) == (2, 2)
    with pytest.raises(ValueError, match="code every turn: 1 of 3"):
        score_practice(items, ["open_question"])
    with pytest.raises(ValueError, match="unknown behaviour code 'x'"):
        score_practice(items, ["x", "x", "x"])


def test_a_round_is_saved_as_a_valid_coding_practice_record(coded, tmp_path):
    store = open_store(tmp_path / "data")
    service = CodingPracticeService(store, "me")
    record, result = service.save(coded, ["open_question", "simple_reflection", "open_question"])
    assert result.kappa == 1.0
    (kept,) = store.all(CODING_PRACTICE, profile="me")
    assert kept["uid"] == record["uid"]
    assert kept["agreement"] == 1.0 and kept["items"] == 3 and kept["scenario"] == "tiny"
    assert kept["per_code"] == {
        "open_question": {"expert": 2, "learner": 2, "both": 2},
        "simple_reflection": {"expert": 1, "learner": 1, "both": 1},
    }
    assert "session" not in kept
    from trainer.records.schemas import problem

    assert problem(CODING_PRACTICE, kept) is None
    assert problem(CODING_PRACTICE, {**kept, "kappa": 1.5}) is not None


def test_calibration_travels_in_the_bundle_and_is_shown_on_import(coded, tmp_path, sample_course):
    store = memory_store()
    taster = next(p for p in load_content(sample_course).plans if p.id == "taster-90")
    sessions = TeamSessionService(store, "trainer-1", seed_source=lambda: 1234)
    session = sessions.create(taster, title="Taster", date="2026-12-03")
    for name in SEVEN:
        sessions.add_participant(session["uid"], name)
    uid = session["uid"]
    session = sessions.make_groups(uid, taster, seed=11)
    triad = next(g for g in session["rounds"][0]["groups"] if len(g) == 3)
    observer, learner = triad[2], triad[0]
    names = {p["id"]: p["name"] for p in session["participants"]}
    practice = CodingPracticeService(store, "trainer-1")
    practice.save(coded, ["open_question", "complex_reflection", "open_question"])  # not for the session
    practice.save(
        coded,
        ["open_question", "complex_reflection", "open_question"],
        session=uid,
        observer=observer,
        observer_name=names[observer],
    )
    latest = practice.latest_calibration(uid, observer)
    assert latest is not None and latest["kappa"] == pytest.approx(0.4)
    assert practice.latest_calibration(uid, learner) is None
    sessions.save_observation(uid, 0, observer, learner, "Good", {"open_question": 2})
    bundle = sessions.feedback_bundle(uid, learner)
    assert bundle is not None
    (obs,) = bundle["observations"]
    assert obs["calibration"] == calibration_summary(latest)
    assert obs["calibration"]["date"] == latest["date"]
    (path,) = write_bundles(tmp_path / "out", sessions.get(uid), {learner: bundle})
    mine = memory_store()
    result = import_bundle(mine, "me", path)
    day = int(latest["date"][8:10])
    assert f"Coded by {names[observer]}, calibration kappa 0.40 on {day} " in result.message()
    (imported,) = mine.all("observation")
    assert imported["calibration"]["kappa"] == pytest.approx(0.4)


def test_old_bundles_without_calibration_still_import(tmp_path):
    old = {
        "format": "practitioner-trainer/feedback-bundle",
        "version": 1,
        "session": {"uid": "s1", "date": "2026-11-20"},
        "learner": {"name": "Asha"},
        "observations": [{"uid": "o1", "round": 1, "observer_name": "Ben", "counts": {"open_question": 1}}],
    }
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old))
    assert read_bundle(path).observations[0].calibration is None
    result = import_bundle(memory_store(), "me", path)
    assert result.message() == "Added 1 observation from the session on 2026-11-20."


def test_coded_by_line_in_words():
    from trainer.sessions.bundles import BundleCalibration

    assert coded_by_line("Sam", BundleCalibration(kappa=0.723, date="2026-12-03")) == (
        "Coded by Sam, calibration kappa 0.72 on 3 Dec"
    )
    assert coded_by_line("Sam", None) == "Coded by Sam, not calibrated"
