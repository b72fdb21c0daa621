"""The app's crediting rules: capped times, allowances, what is participatory."""

import math

import pytest

from trainer.cpd import rules


@pytest.mark.parametrize(
    ("seconds", "cap", "expected"),
    [(30, 600, 30.0), (5000, 600, 600.0), (-4, 600, 0.0), (math.nan, 600, 0.0), ("12", 600, 0.0), (True, 600, 0.0)],
)
def test_recorded_seconds_are_capped_and_never_negative(seconds, cap, expected):
    assert rules.capped_seconds(seconds, cap) == expected


@pytest.mark.parametrize(("items", "minutes"), [(0, 0), (12, 12), (30, 30), (200, 30), (-3, 0), (None, 0), (True, 0)])
def test_coding_practice_counts_a_minute_a_turn_up_to_thirty(items, minutes):
    assert rules.coding_minutes(items) == minutes


def test_every_kind_has_a_title_and_a_rule_and_only_team_sessions_are_always_participatory():
    assert set(rules.KIND_TITLES) == set(rules.RULES) == set(rules.KINDS)
    assert [k for k in rules.KINDS if rules.RULES[k].participatory] == [rules.TEAM_SESSIONS]  # other CPD: per entry
    assert all(rules.RULES[k].how for k in rules.KINDS)
