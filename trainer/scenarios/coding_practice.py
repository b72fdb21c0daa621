"""Coding practice: a learner codes each expert-coded practitioner turn of a scenario.

The items are the practitioner's turns of the self-management version that
carry an expert code (``> code:`` lines, see docs/SCENARIOS.md). The result
compares the learner's codes with the expert's: percent agreement, Cohen's
kappa, agreement per code, and the turns where they differ with the expert's
reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from trainer.competencies.agreement import CodeAgreement, cohen_kappa, per_code, percent_agreement
from trainer.competencies.coding import BY_ID, CODE_IDS
from trainer.scenarios.model import PERSON, Scenario


@dataclass(frozen=True)
class PracticeItem:
    moment: str  # moment title
    speaker: str
    words: str
    before: str  # what the person said just before, for context ("" when nothing)
    expert: str  # the expert's code id
    reason: str


@dataclass(frozen=True)
class Difference:
    number: int  # 1-based turn number in the practice
    item: PracticeItem
    chosen: str


@dataclass(frozen=True)
class PracticeResult:
    items: int
    agreement: float | None
    kappa: float | None
    by_code: list[CodeAgreement]
    differences: list[Difference]

    def as_record(self) -> dict:
        return {
            "items": self.items,
            "agreement": self.agreement,
            "kappa": self.kappa,
            "per_code": {
                row.code: {"expert": row.reference, "learner": row.coded, "both": row.both}
                for row in self.by_code
                if row.reference or row.coded
            },
        }


def practice_items(scenario: Scenario) -> list[PracticeItem]:
    out = []
    for moment in scenario.moments:
        before = ""
        for turn in moment.sms:
            if scenario.role_of(turn.speaker) == PERSON:
                before = turn.words
            if turn.code:
                out.append(PracticeItem(moment.title, turn.speaker, turn.words, before, turn.code, turn.code_reason))
                before = ""
    return out


def score_practice(items: list[PracticeItem], chosen: list[str]) -> PracticeResult:
    """Compare ``chosen`` (one code id per item, in order) with the expert's codes."""
    if len(chosen) != len(items):
        raise ValueError(f"code every turn: {len(chosen)} of {len(items)} coded")
    unknown = [c for c in chosen if c not in BY_ID]
    if unknown:
        raise ValueError(f"unknown behaviour code '{unknown[0]}'")
    expert = [i.expert for i in items]
    return PracticeResult(
        items=len(items),
        agreement=percent_agreement(expert, chosen),
        kappa=cohen_kappa(expert, chosen),
        by_code=per_code(expert, chosen, CODE_IDS),
        differences=[
            Difference(n, item, code)
            for n, (item, code) in enumerate(zip(items, chosen, strict=True), 1)
            if item.expert != code
        ],
    )
