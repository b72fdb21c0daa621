"""Behaviour coding during a live practice round: the codes and the maths.

An observer taps one key per behaviour. From the counts come three summary
measures, each compared with the "fair" and "good" thresholds of the
framework (``competencies.yaml`` -> ``thresholds``), never hard-coded here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class Code:
    id: str
    key: str  # the one-key shortcut
    label: str


CODES: tuple[Code, ...] = (
    Code("open_question", "O", "Open question"),
    Code("closed_question", "C", "Closed question"),
    Code("simple_reflection", "S", "Simple reflection"),
    Code("complex_reflection", "X", "Complex reflection"),
    Code("affirmation", "A", "Affirmation"),
    Code("summary", "U", "Summary"),
    Code("advice_with_permission", "P", "Advice with permission"),
    Code("advice_without_permission", "W", "Advice without permission"),
)
CODE_IDS = tuple(c.id for c in CODES)
BY_KEY = {c.key: c for c in CODES}
BY_ID = {c.id: c for c in CODES}

# Fair/good defaults (MITI 4.2.1, see CONTENT.md) for a framework file that
# names none; competencies.yaml's ``thresholds`` take precedence.
DEFAULT_THRESHOLDS = {
    "reflection_to_question": (1.0, 2.0),
    "complex_reflections": (0.4, 0.5),
    "permission_rate": (0.5, 0.9),
    "relational_global": (3.5, 4.0),
}
# Known too, but a framework without them is not warned about: the technical global
# (mean of cultivating change talk and softening sustain talk) for frameworks whose
# global ratings include the technical pair (``group: technical``).
OPTIONAL_THRESHOLDS = {
    "technical_global": (3.0, 4.0),
    # Share of questions that are open, for branching consultations (MITI 3.1.1: 50% / 70%).
    "open_questions": (0.5, 0.7),
}
KNOWN_THRESHOLDS = {**DEFAULT_THRESHOLDS, **OPTIONAL_THRESHOLDS}
GLOBAL_GROUPS = ("relational", "technical")

GOOD = "good"
FAIR = "fair"
BELOW = "below fair"


MAX_COUNT = 10_000  # taps of one code in one round: more is not a real count


def events_from_counts(counts: Mapping[str, object] | None) -> list[str]:
    """Taps that add up to ``counts``, for a record that kept only its totals (a bundle or
    an observer's file): the counter then shows and keeps them; their order is unknown."""
    events: list[str] = []
    for code in CODE_IDS:
        value = (counts or {}).get(code)
        if isinstance(value, int) and not isinstance(value, bool):
            events.extend([code] * max(0, min(value, MAX_COUNT)))
    return events


class Tally:
    """The sequence of codes tapped so far; counts are derived, undo is exact."""

    def __init__(self, events: list[str] | None = None):
        self._events: list[str] = [e for e in (events or []) if e in BY_ID]

    @property
    def events(self) -> list[str]:
        return list(self._events)

    def add(self, code_id: str) -> None:
        if code_id not in BY_ID:
            raise ValueError(f"unknown behaviour code '{code_id}'")
        self._events.append(code_id)

    def undo(self) -> str | None:
        return self._events.pop() if self._events else None

    def clear(self) -> None:
        self._events.clear()

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(CODE_IDS, 0)
        for event in self._events:
            out[event] += 1
        return out

    def __len__(self) -> int:
        return len(self._events)


def _n(counts: Mapping[str, int], code_id: str) -> int:
    return max(0, int(counts.get(code_id, 0) or 0))


def questions(counts: Mapping[str, int]) -> int:
    return _n(counts, "open_question") + _n(counts, "closed_question")


def reflections(counts: Mapping[str, int]) -> int:
    return _n(counts, "simple_reflection") + _n(counts, "complex_reflection")


def advice(counts: Mapping[str, int]) -> int:
    return _n(counts, "advice_with_permission") + _n(counts, "advice_without_permission")


def reflection_to_question(counts: Mapping[str, int]) -> float | None:
    """Reflections per question; None when no question has been counted."""
    q = questions(counts)
    return reflections(counts) / q if q else None


def complex_share(counts: Mapping[str, int]) -> float | None:
    """Share of reflections that are complex (0..1); None with no reflections."""
    r = reflections(counts)
    return _n(counts, "complex_reflection") / r if r else None


def permission_rate(counts: Mapping[str, int]) -> float | None:
    """Share of advice given with permission (0..1); None with no advice."""
    a = advice(counts)
    return _n(counts, "advice_with_permission") / a if a else None


def level(value: float | None, fair: float, good: float) -> str | None:
    """GOOD, FAIR or BELOW against the thresholds; None when there is no value."""
    if value is None:
        return None
    # A small tolerance so that 0.4 computed as 2/5 counts as reaching 0.4.
    if value >= good - 1e-9:
        return GOOD
    if value >= fair - 1e-9:
        return FAIR
    return BELOW


@dataclass(frozen=True)
class Measure:
    key: str  # the thresholds key in competencies.yaml
    label: str
    value: float | None
    text: str  # the value in words, or why there is none yet
    fair: float
    good: float
    level: str | None
    fair_text: str = ""
    good_text: str = ""

    @property
    def verdict(self) -> str:
        """The level in words, never by colour alone."""
        if self.level is None:
            return "not enough counted yet"
        return {GOOD: "good", FAIR: "fair", BELOW: "below fair"}[self.level]


def _ratio(x: float) -> str:
    return f"{x:.1f}:1"


def _pct(x: float) -> str:
    return f"{round(x * 100)}%"


@dataclass(frozen=True)
class _Spec:
    key: str
    label: str
    compute: Callable[[Mapping[str, int]], float | None]
    fmt: Callable[[float], str]
    empty: Callable[[Mapping[str, int]], str]
    detail: Callable[[Mapping[str, int]], str] = field(default=lambda c: "")


def _rq_empty(c: Mapping[str, int]) -> str:
    r = reflections(c)
    if r:
        return f"no questions counted yet ({r} reflection{'s' if r != 1 else ''})"
    return "no questions counted yet"


SPECS = (
    _Spec(
        "reflection_to_question",
        "Reflections to questions",
        reflection_to_question,
        _ratio,
        _rq_empty,
        lambda c: f"{reflections(c)} reflections, {questions(c)} questions",
    ),
    _Spec(
        "complex_reflections",
        "Complex reflections",
        complex_share,
        _pct,
        lambda c: "no reflections counted yet",
        lambda c: f"{_n(c, 'complex_reflection')} of {reflections(c)} reflections",
    ),
    _Spec(
        "permission_rate",
        "Advice with permission",
        permission_rate,
        _pct,
        lambda c: "no advice counted yet",
        lambda c: f"{_n(c, 'advice_with_permission')} of {advice(c)} pieces of advice",
    ),
)


class FairGood(Protocol):
    """A pair of thresholds (the framework's ``Threshold``)."""

    @property
    def fair(self) -> float: ...

    @property
    def good(self) -> float: ...


def measures(counts: Mapping[str, int], thresholds: Callable[[str], FairGood]) -> list[Measure]:
    """The three summary measures; ``thresholds(key)`` gives an object with fair/good."""
    out = []
    for spec in SPECS:
        pair = thresholds(spec.key)
        fair, good = float(pair.fair), float(pair.good)
        value = spec.compute(counts)
        text = spec.empty(counts) if value is None else f"{spec.fmt(value)} ({spec.detail(counts)})"
        out.append(
            Measure(
                spec.key, spec.label, value, text, fair, good, level(value, fair, good), spec.fmt(fair), spec.fmt(good)
            )
        )
    return out
