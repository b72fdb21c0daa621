"""Scoring a path through a consultation: MITI-style figures against the course's thresholds.

The figures come from the behaviour codes of the responses chosen: the
reflection-to-question ratio, the share of reflections that are complex,
the share of questions that are open and the share of advice given with
permission. Thresholds come from the competency framework
(``competencies.yaml`` -> ``thresholds``), the same ones the counter uses.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from trainer.competencies.coding import CODE_IDS, FairGood, Measure, level, measures, questions
from trainer.consultations.model import Consultation, Step

OPEN_QUESTIONS = "open_questions"


def path_counts(consultation: Consultation, steps: list[Step]) -> dict[str, int]:
    """How many times each of the eight codes was used on the path."""
    counts = dict.fromkeys(CODE_IDS, 0)
    for step in steps:
        for code in consultation.response(step).codes:
            counts[code] += 1
    return counts


def open_share(counts: Mapping[str, int]) -> float | None:
    """Share of questions that are open (0..1); None with no questions."""
    q = questions(counts)
    return counts.get("open_question", 0) / q if q else None


def _open_measure(counts: Mapping[str, int], pair: FairGood) -> Measure:
    fair, good = float(pair.fair), float(pair.good)
    value = open_share(counts)
    q = questions(counts)
    text = "no questions asked" if value is None else f"{round(value * 100)}% ({counts.get('open_question', 0)} of {q})"
    return Measure(
        OPEN_QUESTIONS,
        "Open questions",
        value,
        text,
        fair,
        good,
        level(value, fair, good),
        f"{round(fair * 100)}%",
        f"{round(good * 100)}%",
    )


# Said of a path, not of a counter still counting ("no questions counted yet").
NONE_ON_PATH = {
    "reflection_to_question": "no questions asked",
    "complex_reflections": "no reflections made",
    "permission_rate": "no advice given",
}


def figures(counts: Mapping[str, int], thresholds: Callable[[str], FairGood]) -> list[Measure]:
    """The four figures in the order shown: R:Q, complex reflections, open questions, permission."""
    found = [
        replace(m, text=NONE_ON_PATH[m.key]) if m.value is None and m.key in NONE_ON_PATH else m
        for m in measures(counts, thresholds)
    ]
    return [*found[:2], _open_measure(counts, thresholds(OPEN_QUESTIONS)), *found[2:]]


@dataclass(frozen=True)
class PathResult:
    steps: list[Step]
    counts: dict[str, int]
    figures: list[Measure]
    expert_counts: dict[str, int]
    expert_figures: list[Measure]
    matches: int  # decisions where the learner chose the expert's response
    decisions: int
    end: str  # the end node reached

    def as_record(self) -> dict:
        return {
            "path": [{"node": s.node, "choice": s.choice} for s in self.steps],
            "counts": dict(self.counts),
            "figures": {m.key: m.value for m in self.figures},
            "levels": {m.key: m.level for m in self.figures},
            "expert_matches": self.matches,
            "decisions": self.decisions,
            "end": self.end,
        }


def score_path(consultation: Consultation, steps: list[Step], thresholds: Callable[[str], FairGood]) -> PathResult:
    if not consultation.is_valid_path(steps):
        raise ValueError(f"that path does not follow the consultation '{consultation.id}'")
    counts = path_counts(consultation, steps)
    expert = consultation.expert_path()
    expert_counts = path_counts(consultation, expert)
    matches = sum(1 for s in steps if consultation.node(s.node).responses[s.choice].expert)
    return PathResult(
        steps=list(steps),
        counts=counts,
        figures=figures(counts, thresholds),
        expert_counts=expert_counts,
        expert_figures=figures(expert_counts, thresholds),
        matches=matches,
        decisions=len(steps),
        end=consultation.follow(steps),
    )
