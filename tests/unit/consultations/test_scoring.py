"""Path scoring: counts of the chosen responses' codes, the four figures, the expert path."""

from __future__ import annotations

import pytest

from tests.unit.consultations.helpers import VALID, write
from trainer.competencies.coding import BELOW, FAIR, GOOD
from trainer.competencies.model import Threshold
from trainer.consultations.loader import load_consultation
from trainer.consultations.model import Step
from trainer.consultations.scoring import figures, open_share, path_counts, score_path

THRESHOLDS = {
    "reflection_to_question": Threshold(1.0, 2.0),
    "complex_reflections": Threshold(0.4, 0.5),
    "permission_rate": Threshold(0.5, 0.9),
    "open_questions": Threshold(0.5, 0.7),
}


@pytest.fixture
def ana(tmp_path):
    consultation, diags = load_consultation(write(tmp_path, VALID))
    assert diags == []
    return consultation


def test_counts_add_up_the_codes_of_the_chosen_responses(ana):
    steps = [Step("opening", 1), Step("resist", 0), Step("story", 1)]
    counts = path_counts(ana, steps)
    assert counts["advice_without_permission"] == 1
    assert counts["affirmation"] == 1
    assert counts["closed_question"] == 1
    assert sum(counts.values()) == 3


def test_figures_against_hand_computed_values():
    counts = {"open_question": 3, "closed_question": 1, "simple_reflection": 2, "complex_reflection": 3}
    counts.update(advice_with_permission=1, advice_without_permission=1)
    found = {m.key: m for m in figures(counts, THRESHOLDS.__getitem__)}
    assert list(found) == ["reflection_to_question", "complex_reflections", "open_questions", "permission_rate"]
    assert found["reflection_to_question"].value == pytest.approx(5 / 4)  # 5 reflections, 4 questions
    assert found["reflection_to_question"].level == FAIR
    assert found["complex_reflections"].value == pytest.approx(3 / 5)
    assert found["complex_reflections"].level == GOOD
    assert found["open_questions"].value == pytest.approx(3 / 4)
    assert found["open_questions"].level == GOOD
    assert found["open_questions"].text == "75% (3 of 4)"
    assert found["permission_rate"].value == pytest.approx(0.5)
    assert found["permission_rate"].level == FAIR


def test_figures_with_nothing_to_divide_by_have_no_value():
    found = {m.key: m for m in figures({"affirmation": 2}, THRESHOLDS.__getitem__)}
    assert all(m.value is None and m.level is None for m in found.values())
    assert found["open_questions"].text == "no questions asked"
    assert found["reflection_to_question"].text == "no questions asked"
    assert found["complex_reflections"].text == "no reflections made"
    assert found["permission_rate"].text == "no advice given"
    assert open_share({"closed_question": 2}) == 0.0


def test_a_path_scored_beside_the_expert_path(ana):
    steps = [Step("opening", 1), Step("resist", 1)]
    result = score_path(ana, steps, THRESHOLDS.__getitem__)
    assert result.end == "close"
    assert result.decisions == 2 and result.matches == 0
    assert result.counts["advice_without_permission"] == 2
    assert result.expert_counts["open_question"] == 1 and result.expert_counts["complex_reflection"] == 1
    expert = {m.key: m for m in result.expert_figures}
    assert expert["reflection_to_question"].value == 1.0 and expert["open_questions"].level == GOOD
    mine = {m.key: m for m in result.figures}
    assert mine["permission_rate"].value == 0.0 and mine["permission_rate"].level == BELOW
    record = result.as_record()
    assert record["path"] == [{"node": "opening", "choice": 1}, {"node": "resist", "choice": 1}]
    assert record["figures"]["permission_rate"] == 0.0 and record["levels"]["permission_rate"] == BELOW
    assert record["expert_matches"] == 0 and record["decisions"] == 2


def test_the_expert_path_matches_every_decision(ana):
    result = score_path(ana, ana.expert_path(), THRESHOLDS.__getitem__)
    assert result.matches == result.decisions == 2
    assert result.counts == result.expert_counts


@pytest.mark.parametrize(
    "steps",
    [[Step("story", 0)], [Step("opening", 5)], [Step("opening", 0), Step("resist", 0)], [Step("nowhere", 0)]],
)
def test_a_path_that_does_not_follow_the_consultation_is_refused(ana, steps):
    assert not ana.is_valid_path(steps)
    with pytest.raises(ValueError, match="does not follow"):
        score_path(ana, steps, THRESHOLDS.__getitem__)
