"""A consultation_attempt record at open: the quick look passes a good one and never
passes what the schema refuses (issue 22)."""

from __future__ import annotations

import pytest

from trainer.records.record_check import clearly_usable, problem
from trainer.records.schemas import problem as model_problem

GOOD = {
    "uid": "u1",
    "created": "2026-03-02T10:00:00+00:00",
    "profile": "p1",
    "consultation": "grace",
    "consultation_title": "Grace",
    "profession": "nursing",
    "date": "2026-03-02",
    "path": [{"node": "opening", "choice": 0}],
    "counts": {"open_question": 1},
    "figures": {"reflection_to_question": None, "open_questions": 1.0},
    "levels": {"open_questions": "good", "reflection_to_question": None},
    "expert_matches": 1,
    "decisions": 1,
    "end": "ending",
    "seconds": 12.5,
    "skills": ["open-questions"],
    "finished_at": "2026-03-02T10:00:00+00:00",
}


def test_a_good_attempt_passes_at_once():
    assert clearly_usable("consultation_attempt", GOOD)
    assert model_problem("consultation_attempt", GOOD) is None


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("consultation", ""),
        ("path", [{"node": "a", "choice": -1}]),
        ("path", [{"node": "a", "choice": True}]),
        ("path", "opening:0"),
        ("counts", {"open_question": -1}),
        ("counts", {"open_question": 1.5}),
        ("figures", {"open_questions": -0.5}),
        ("figures", {"open_questions": float("nan")}),
        ("expert_matches", -1),
        ("decisions", "8"),
        ("seconds", -1),
        ("seconds", float("inf")),
        ("date", "soon"),
        ("finished_at", "later"),
        ("skills", [1]),
    ],
)
def test_what_the_schema_refuses_is_never_passed_by_the_quick_look(field, value):
    record = {**GOOD, field: value}
    assert not clearly_usable("consultation_attempt", record)
    assert model_problem("consultation_attempt", record) is not None
    assert problem("consultation_attempt", record) is not None


def test_an_attempt_without_its_consultation_is_refused():
    record = {k: v for k, v in GOOD.items() if k != "consultation"}
    assert not clearly_usable("consultation_attempt", record)
    assert problem("consultation_attempt", record) is not None
