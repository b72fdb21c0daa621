"""The quick look at records on open (record_check.py): records that plainly fit
pass at once, anything else is handed to the schema. Each case kills mutants the
property test lets live (scripts/mutation_score.py)."""

import pytest

from trainer.records.record_check import clearly_usable, problem

OK = "2026-03-04T10:15:00+00:00"


@pytest.mark.parametrize(
    "kind,record",
    [
        ("reflection", {"uid": "r"}),
        ("reflection", {"uid": "r", "created": OK, "updated": None, "profile": None}),
        ("reflection", {"uid": "r", "date": "2026-03-04", "title": "t", "tags": ["a"], "sections": {"s": None}}),
        ("reflection", {"uid": "r", "date": "2026-03-04T10:15:00", "ticks": {"a": [1]}, "link": {"x": 1}}),
        ("reflection", {"uid": "r", "date": None, "link": None, "tags": [], "sections": {}}),
        ("progress", {"uid": "p", "module": "m", "done": True, "position": 0}),
        ("progress", {"uid": "p", "module": "m", "done": False, "position": 1}),
        ("progress", {"uid": "p", "module": "m", "position": 0.5}),
        ("goal", {"uid": "g", "importance": 3, "every_days": 7, "plan": {"a": "b"}}),
        ("goal_checkin", {"uid": "c", "goal": "g", "confidence": None}),
        ("observation", {"uid": "o", "items": {"a": {"b": None}}, "globals": {"e": None, "f": 2}, "counts": {"o": 1}}),
        ("unknown-kind", {"uid": "x", "anything": object()}),
    ],
)
def test_records_that_plainly_fit_pass_at_once(kind, record):
    assert clearly_usable(kind, record) is True
    assert problem(kind, record) is None or kind == "unknown-kind"


@pytest.mark.parametrize(
    "kind,record",
    [
        ("reflection", ["not", "a", "dict"]),
        ("reflection", {"title": "no uid"}),
        ("reflection", {"uid": ""}),
        ("reflection", {"uid": 5}),
        ("reflection", {"uid": "r", "created": "zzz"}),
        ("reflection", {"uid": "r", "updated": 5}),
        ("reflection", {"uid": "r", "profile": 5}),
        ("reflection", {"uid": "r", "date": 123}),
        ("reflection", {"uid": "r", "date": "2026-13-45"}),
        ("reflection", {"uid": "r", "tags": "a"}),
        ("reflection", {"uid": "r", "tags": ["a", 1]}),
        ("reflection", {"uid": "r", "sections": ["a"]}),
        ("reflection", {"uid": "r", "sections": {"s": 1}}),
        ("reflection", {"uid": "r", "sections": {1: "s"}}),
        ("reflection", {"uid": "r", "link": "x"}),
        ("reflection", {"uid": "r", "deep": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}),
        ("progress", {"uid": "p"}),
        ("progress", {"uid": "p", "module": ["x"]}),
        ("progress", {"uid": "p", "module": "m", "done": 1}),
        ("progress", {"uid": "p", "module": "m", "position": True}),
        ("progress", {"uid": "p", "module": "m", "position": -0.1}),
        ("progress", {"uid": "p", "module": "m", "position": 1.1}),
        ("progress", {"uid": "p", "module": "m", "position": 2}),
        ("progress", {"uid": "p", "module": "m", "position": float("nan")}),
        ("progress", {"uid": "p", "module": "m", "position": "0.5"}),
        ("goal", {"uid": "g", "every_days": True}),
        ("goal", {"uid": "g", "every_days": 7.0}),
        ("goal", {"uid": "g", "importance": "3"}),
        ("goal", {"uid": "g", "plan": {"a": None}}),
        ("goal_checkin", {"uid": "c", "goal": ""}),
        ("bookmark", {"uid": "b"}),
        ("observation", {"uid": "o", "items": {"a": 1}}),
        ("observation", {"uid": "o", "globals": {"e": "x"}}),
        ("observation", {"uid": "o", "counts": {"o": None}}),
    ],
)
def test_anything_else_is_left_to_the_schema(kind, record):
    assert clearly_usable(kind, record) is False


def test_the_schema_has_the_last_word():
    assert problem("reflection", {"uid": "r", "date": 123}) is not None
    assert problem("progress", {"uid": "p", "module": "m", "position": float("inf")}) is not None
