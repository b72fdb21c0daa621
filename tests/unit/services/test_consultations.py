"""The "Your turn" service: a finished attempt is kept as a valid record, with its figures,
time and skills; it counts as skill evidence; unfinished or foreign paths are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.consultations.helpers import VALID, write
from trainer.competencies.framework import load_framework
from trainer.competencies.kinds import CONSULTATION_ATTEMPT
from trainer.consultations.loader import load_consultation
from trainer.consultations.model import Step
from trainer.records.schemas import problem
from trainer.records.store import memory_store, open_store
from trainer.services.consultations import ConsultationService, reflection_link
from trainer.services.ratings import RatingsService

SAMPLE = Path(__file__).resolve().parents[2] / "fixtures" / "sample-course"


@pytest.fixture
def framework():
    found, _ = load_framework(SAMPLE)
    assert found is not None
    return found


@pytest.fixture
def ana(tmp_path):
    consultation, diags = load_consultation(write(tmp_path, VALID))
    assert diags == []
    return consultation


def test_a_finished_attempt_is_kept_with_its_path_figures_and_time(ana, framework):
    store = memory_store()
    service = ConsultationService(store, [ana], framework.threshold, "me")
    steps = [Step("opening", 1), Step("resist", 0), Step("story", 0)]
    record, result = service.save(ana, steps, 95.27)
    assert problem(CONSULTATION_ATTEMPT, record) is None
    assert record["profile"] == "me" and record["consultation"] == "ana"
    assert record["path"] == [{"node": s.node, "choice": s.choice} for s in steps]
    assert record["counts"]["advice_without_permission"] == 1 and record["counts"]["complex_reflection"] == 1
    assert record["figures"]["reflection_to_question"] is None  # no question asked on this path
    assert record["expert_matches"] == 2 and record["decisions"] == 3 and record["end"] == "close"
    assert record["seconds"] == 95.3 and record["skills"] == ["open-questions"]
    assert result.matches == 2
    assert service.attempts("ana") == [record] and service.latest("ana") == record
    assert service.attempts("other") == []
    assert reflection_link(record) == {"kind": "consultation", "consultation": "ana", "attempt": record["uid"]}


def test_an_attempt_survives_reopening_the_data_folder(ana, framework, tmp_path):
    store = open_store(tmp_path / "data")
    record, _ = ConsultationService(store, [ana], framework.threshold).save(ana, ana.expert_path(), 10)
    store.close()
    again = open_store(tmp_path / "data")
    try:
        assert again.get(CONSULTATION_ATTEMPT, record["uid"]) == record
    finally:
        again.close()


def test_an_unfinished_path_is_not_kept(ana, framework):
    store = memory_store()
    service = ConsultationService(store, [ana], framework.threshold)
    with pytest.raises(ValueError, match="not finished"):
        service.save(ana, [Step("opening", 0)], 5)
    with pytest.raises(ValueError, match="does not follow"):
        service.save(ana, [Step("story", 0)], 5)
    assert store.all(CONSULTATION_ATTEMPT) == []


def test_attempts_count_as_evidence_for_the_skills_exercised(ana, framework):
    store = memory_store()
    ConsultationService(store, [ana], framework.threshold, "me").save(ana, ana.expert_path(), 30)
    ConsultationService(store, [ana], framework.threshold, "someone-else").save(ana, ana.expert_path(), 30)
    summaries = {s.skill_id: s for s in RatingsService(store, framework, "me").summaries()}
    assert summaries["open-questions"].evidence == 1
    assert summaries["agenda-setting"].evidence == 0


@pytest.mark.parametrize(
    ("field", "value"),
    [("seconds", -1), ("path", [{"node": "a", "choice": -1}]), ("counts", {"open_question": "2"}), ("date", "soon")],
)
def test_the_schema_refuses_a_broken_attempt(field, value):
    record = {"uid": "x", "consultation": "ana", field: value}
    assert problem(CONSULTATION_ATTEMPT, record) is not None
    assert problem(CONSULTATION_ATTEMPT, {"uid": "x"}) is not None  # no consultation named
