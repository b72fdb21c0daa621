"""Percent agreement, Cohen's kappa and per-code figures against values worked on paper."""

from __future__ import annotations

import pytest

from trainer.competencies.agreement import cohen_kappa, describe_kappa, per_code, percent_agreement


def _two_by_two() -> tuple[list[str], list[str]]:
    # 50 items: both yes 20, A yes / B no 5, A no / B yes 10, both no 15.
    a = ["y"] * 20 + ["y"] * 5 + ["n"] * 10 + ["n"] * 15
    b = ["y"] * 20 + ["n"] * 5 + ["y"] * 10 + ["n"] * 15
    return a, b


def test_two_by_two_worked_by_hand():
    # observed 35/50 = 0.7; chance (25*30 + 25*20) / 2500 = 0.5; kappa (0.7 - 0.5) / 0.5 = 0.4
    a, b = _two_by_two()
    assert percent_agreement(a, b) == pytest.approx(0.7)
    assert cohen_kappa(a, b) == pytest.approx(0.4)


def test_three_codes_worked_by_hand():
    # observed 7/10; each coder uses a 4, b 3, c 3 times: chance (16 + 9 + 9) / 100 = 0.34
    # kappa (0.7 - 0.34) / 0.66 = 6/11
    a = list("aaaabbbccc")
    b = list("aaabbbccca")
    assert percent_agreement(a, b) == pytest.approx(0.7)
    assert cohen_kappa(a, b) == pytest.approx(6 / 11)


def test_perfect_and_chance_and_empty():
    assert cohen_kappa(list("abca"), list("abca")) == pytest.approx(1.0)
    assert cohen_kappa(list("aaaa"), list("aaaa")) == 1.0  # one code throughout: no chance to disagree
    assert cohen_kappa(list("abab"), list("aabb")) == pytest.approx(0.0)
    assert cohen_kappa([], []) is None and percent_agreement([], []) is None
    with pytest.raises(ValueError, match="differ in length"):
        cohen_kappa(["a"], [])


def test_per_code_precision_recall_agreement():
    rows = {r.code: r for r in per_code(list("aaaabbbccc"), list("aaabbbccca"), "abcd")}
    a = rows["a"]
    assert (a.reference, a.coded, a.both) == (4, 4, 3)
    assert a.precision == pytest.approx(0.75) and a.recall == pytest.approx(0.75)
    assert a.agreement == pytest.approx(3 / 5)
    assert rows["d"].precision is None and rows["d"].recall is None and rows["d"].agreement is None


def test_kappa_in_words():
    assert describe_kappa(0.72) == "substantial"
    assert describe_kappa(0.4) == "fair"
    assert describe_kappa(-0.1) == "no better than chance"
    assert describe_kappa(None) == "nothing coded yet"
