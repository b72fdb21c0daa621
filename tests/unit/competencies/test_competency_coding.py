"""Behaviour counter maths: ratios, thresholds and the zero edge cases."""

from __future__ import annotations

import pytest

from trainer.competencies import coding
from trainer.competencies.model import Threshold


def thresholds(key: str) -> Threshold:
    return {
        "reflection_to_question": Threshold(fair=1.0, good=2.0),
        "complex_reflections": Threshold(fair=0.4, good=0.5),
        "permission_rate": Threshold(fair=0.5, good=0.9),
    }[key]


def by_key(counts):
    return {m.key: m for m in coding.measures(counts, thresholds)}


def test_codes_have_unique_one_letter_keys():
    keys = [c.key for c in coding.CODES]
    assert len(set(keys)) == len(keys) == 8
    assert all(len(k) == 1 for k in keys)
    assert coding.BY_KEY["X"].id == "complex_reflection"
    assert coding.BY_KEY["W"].id == "advice_without_permission"


def test_tally_counts_and_undo():
    tally = coding.Tally()
    for code in ("open_question", "simple_reflection", "open_question"):
        tally.add(code)
    assert tally.counts()["open_question"] == 2
    assert tally.undo() == "open_question"
    assert tally.counts()["open_question"] == 1
    assert tally.undo() == "simple_reflection"
    assert tally.undo() == "open_question"
    assert tally.undo() is None
    assert sum(tally.counts().values()) == 0


def test_tally_rejects_unknown_codes_and_drops_them_when_loading():
    with pytest.raises(ValueError, match="unknown behaviour code"):
        coding.Tally().add("shouting")
    assert coding.Tally(["open_question", "nonsense"]).events == ["open_question"]


def test_ratios():
    counts = {
        "open_question": 3,
        "closed_question": 1,
        "simple_reflection": 3,
        "complex_reflection": 5,
        "advice_with_permission": 1,
        "advice_without_permission": 3,
    }
    assert coding.reflection_to_question(counts) == 2.0
    assert coding.complex_share(counts) == pytest.approx(5 / 8)
    assert coding.permission_rate(counts) == 0.25


@pytest.mark.parametrize(
    "value, expected",
    [
        (None, None),
        (0.0, coding.BELOW),
        (0.99, coding.BELOW),
        (1.0, coding.FAIR),
        (1.5, coding.FAIR),
        (2.0, coding.GOOD),
        (3.0, coding.GOOD),
    ],
)
def test_level_against_thresholds(value, expected):
    assert coding.level(value, 1.0, 2.0) == expected


def test_level_counts_a_fraction_equal_to_the_threshold_as_reached():
    assert coding.level(2 / 5, 0.4, 0.5) == coding.FAIR


def test_nothing_counted_says_so_in_words():
    m = by_key({})
    assert m["reflection_to_question"].value is None
    assert m["reflection_to_question"].text == "no questions counted yet"
    assert m["complex_reflections"].text == "no reflections counted yet"
    assert m["permission_rate"].text == "no advice counted yet"
    assert all(x.level is None and x.verdict == "not enough counted yet" for x in m.values())


def test_reflections_without_questions_is_not_a_division_by_zero():
    m = by_key({"simple_reflection": 2})
    assert m["reflection_to_question"].value is None
    assert m["reflection_to_question"].text == "no questions counted yet (2 reflections)"
    assert m["complex_reflections"].value == 0.0
    assert m["complex_reflections"].level == coding.BELOW


def test_questions_without_reflections_is_a_zero_ratio():
    m = by_key({"closed_question": 4})
    assert m["reflection_to_question"].value == 0.0
    assert m["reflection_to_question"].verdict == "below fair"
    assert m["complex_reflections"].value is None


def test_measure_text_and_thresholds_come_from_the_framework():
    counts = {
        "open_question": 2,
        "simple_reflection": 1,
        "complex_reflection": 1,
        "advice_with_permission": 9,
        "advice_without_permission": 1,
    }
    m = by_key(counts)
    rq = m["reflection_to_question"]
    assert (rq.value, rq.level, rq.fair_text, rq.good_text) == (1.0, coding.FAIR, "1.0:1", "2.0:1")
    assert rq.text == "1.0:1 (2 reflections, 2 questions)"
    assert m["complex_reflections"].text == "50% (1 of 2 reflections)"
    assert m["complex_reflections"].level == coding.GOOD
    assert m["permission_rate"].level == coding.GOOD

    strict = {m.key: m for m in coding.measures(counts, lambda key: Threshold(fair=0.95, good=5.0))}
    assert strict["permission_rate"].level == coding.BELOW
    assert strict["reflection_to_question"].level == coding.FAIR
