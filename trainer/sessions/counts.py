"""The eight behaviour counts an observer tallies, and what they add up to for a room.

The codes and the maths are those of ``trainer.competencies.coding`` (the
Skills observer counter), so a session observation and a checklist count the
same things under the same names.

Ratios follow the coding thresholds in ``content/competencies.yaml``
(``reflection_to_question``, ``complex_reflections``, ``permission_rate``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from trainer.competencies import coding

BEHAVIOURS: tuple[tuple[str, str], ...] = tuple((c.id, c.label) for c in coding.CODES)
BEHAVIOUR_KEYS = coding.CODE_IDS  # the same keys as the Skills observer's counter
MAX_COUNT = 999

DEFAULT_THRESHOLDS = coding.DEFAULT_THRESHOLDS


def clean_counts(raw: Mapping | None) -> dict[str, int]:
    """The eight counts as whole numbers 0..999 (missing or bad values are 0)."""
    out = {}
    for key in BEHAVIOUR_KEYS:
        value = (raw or {}).get(key, 0)
        out[key] = min(MAX_COUNT, max(0, value)) if isinstance(value, int) and not isinstance(value, bool) else 0
    return out


def total_counts(many: Iterable[Mapping | None]) -> dict[str, int]:
    totals = dict.fromkeys(BEHAVIOUR_KEYS, 0)
    for counts in many:
        for key, value in clean_counts(counts).items():
            totals[key] += value
    return totals


@dataclass(frozen=True)
class Ratio:
    key: str
    label: str
    value: float | None  # None when nothing was counted to divide by
    shown: str
    level: str  # "good", "fair", "not yet" or "" (no data)


def _level(value: float | None, fair: float, good: float) -> str:
    if value is None:
        return ""
    return "good" if value >= good else "fair" if value >= fair else "not yet"


def ratios(totals: Mapping[str, int], thresholds: Mapping[str, tuple[float, float]] | None = None) -> list[Ratio]:
    th = {**DEFAULT_THRESHOLDS, **(thresholds or {})}
    questions = coding.questions(totals)
    rq = coding.reflection_to_question(totals)
    cx = coding.complex_share(totals)
    pr = coding.permission_rate(totals)
    oq = totals["open_question"] / questions if questions else None
    return [
        Ratio(
            "reflection_to_question",
            "Reflections per question",
            rq,
            f"{rq:.1f} to 1" if rq is not None else "no questions counted",
            _level(rq, *th["reflection_to_question"]),
        ),
        Ratio(
            "complex_reflections",
            "Complex reflections",
            cx,
            f"{cx:.0%} of reflections" if cx is not None else "no reflections counted",
            _level(cx, *th["complex_reflections"]),
        ),
        Ratio(
            "permission_rate",
            "Advice after asking permission",
            pr,
            f"{pr:.0%} of advice" if pr is not None else "no advice counted",
            _level(pr, *th["permission_rate"]),
        ),
        Ratio(
            "open_questions",
            "Open questions",
            oq,
            f"{oq:.0%} of questions" if oq is not None else "no questions counted",
            "",
        ),
    ]


def thresholds_from(framework) -> dict[str, tuple[float, float]]:
    """Read fair/good thresholds from a loaded framework (or use the defaults)."""
    out = dict(DEFAULT_THRESHOLDS)
    for key, th in (getattr(framework, "thresholds", None) or {}).items():
        out[key] = (th.fair, th.good)
    return out
