"""Score 'spot the skill': the learner's tags against the expert's, per skill."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class SkillAgreement:
    skill: str
    hits: int = 0  # tagged by both, on the same turn
    misses: int = 0  # expert tagged it, learner did not
    extras: int = 0  # learner tagged it, expert did not


@dataclass(frozen=True)
class SpotScore:
    skills: tuple[SkillAgreement, ...]

    @property
    def hits(self) -> int:
        return sum(s.hits for s in self.skills)

    @property
    def misses(self) -> int:
        return sum(s.misses for s in self.skills)

    @property
    def extras(self) -> int:
        return sum(s.extras for s in self.skills)

    @property
    def agreement(self) -> float:
        """Hits over every tag either side used (1.0 when neither tagged anything)."""
        total = self.hits + self.misses + self.extras
        return 1.0 if total == 0 else self.hits / total

    @property
    def percent(self) -> int:
        return round(100 * self.agreement)

    def as_dict(self) -> dict:
        return {
            "hits": self.hits,
            "misses": self.misses,
            "extras": self.extras,
            "agreement": round(self.agreement, 4),
            "skills": [asdict(s) for s in self.skills],
        }


def score_spot(
    expected: Mapping[int, Iterable[str]], chosen: Mapping[int, Iterable[str]], order: Iterable[str] = ()
) -> SpotScore:
    """Compare tags turn by turn; ``order`` lists skills in display order (framework order)."""
    tally: dict[str, list[int]] = {}
    for turn in set(expected) | set(chosen):
        want, got = set(expected.get(turn, ())), set(chosen.get(turn, ()))
        for skill in want | got:
            row = tally.setdefault(skill, [0, 0, 0])
            if skill in want and skill in got:
                row[0] += 1
            elif skill in want:
                row[1] += 1
            else:
                row[2] += 1
    rank = {s: i for i, s in enumerate(order)}
    names = sorted(tally, key=lambda s: (rank.get(s, len(rank)), s))
    return SpotScore(tuple(SkillAgreement(s, *tally[s]) for s in names))
