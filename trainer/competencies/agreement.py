"""Agreement between two coders of the same items: percent agreement, Cohen's kappa, per code.

Used by coding practice (learner against the expert), observer calibration
and ``benchmarks/coder.py`` (the utterance coder against the labels).
Plain Python, no numpy: the lists are tens or hundreds of items long.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass


def _check(a: Sequence[str], b: Sequence[str]) -> None:
    if len(a) != len(b):
        raise ValueError(f"the two codings differ in length ({len(a)} and {len(b)} items)")


def percent_agreement(a: Sequence[str], b: Sequence[str]) -> float | None:
    """Share of items (0..1) given the same code; None for no items."""
    _check(a, b)
    if not a:
        return None
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> float | None:
    """Cohen's kappa: (observed - chance agreement) / (1 - chance agreement).

    Chance agreement is the sum over codes of the product of each coder's share
    of that code. None for no items; 1.0 when both coders used one and the same
    code throughout (agreement is perfect, chance is too).
    """
    _check(a, b)
    n = len(a)
    if not n:
        return None
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    count_a, count_b = Counter(a), Counter(b)
    chance = sum(count_a[c] * count_b[c] for c in count_a) / (n * n)
    if chance >= 1.0:
        return 1.0
    return (observed - chance) / (1 - chance)


@dataclass(frozen=True)
class CodeAgreement:
    code: str
    reference: int  # items the reference (expert, label) gave this code
    coded: int  # items the other coder gave this code
    both: int  # items both gave this code

    @property
    def precision(self) -> float | None:
        return self.both / self.coded if self.coded else None

    @property
    def recall(self) -> float | None:
        return self.both / self.reference if self.reference else None

    @property
    def agreement(self) -> float | None:
        """Of the items either coder gave this code, the share both did."""
        either = self.reference + self.coded - self.both
        return self.both / either if either else None


def per_code(reference: Sequence[str], coded: Sequence[str], codes: Sequence[str]) -> list[CodeAgreement]:
    _check(reference, coded)
    out = []
    for code in codes:
        ref = sum(r == code for r in reference)
        got = sum(c == code for c in coded)
        both = sum(r == code and c == code for r, c in zip(reference, coded, strict=True))
        out.append(CodeAgreement(code, ref, got, both))
    return out


def describe_kappa(kappa: float | None) -> str:
    """Landis and Koch's words for a kappa (1977), a rough guide only."""
    if kappa is None:
        return "nothing coded yet"
    for bound, words in ((0.8, "almost perfect"), (0.6, "substantial"), (0.4, "moderate"), (0.2, "fair")):
        if kappa > bound:
            return words
    return "slight" if kappa > 0 else "no better than chance"
