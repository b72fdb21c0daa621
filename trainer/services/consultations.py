"""Holding a branching consultation ("Your turn"): scoring a path and keeping the attempt.

Qt-free. An attempt is kept once the learner reaches an end node, as a
``consultation_attempt`` record: the path taken, the counts and figures, the
decisions that matched the expert's, how long it took (CPD time) and the
skills it exercised (evidence on the Skills dashboard). A reflection links to
it with ``{"kind": "consultation", "consultation": id, "attempt": uid}``.
"""

from __future__ import annotations

from collections.abc import Callable

from trainer.competencies.coding import FairGood
from trainer.competencies.kinds import CONSULTATION_ATTEMPT
from trainer.consultations.model import Consultation, Step
from trainer.consultations.scoring import PathResult, score_path
from trainer.records.schemas import problem
from trainer.records.store import RecordStore

__all__ = ["CONSULTATION_ATTEMPT", "ConsultationService", "reflection_link"]


def reflection_link(record: dict) -> dict:
    """The journal link to an attempt (its consultation, and the attempt itself)."""
    return {"kind": "consultation", "consultation": record["consultation"], "attempt": record["uid"]}


class ConsultationService:
    def __init__(
        self,
        store: RecordStore,
        consultations: list[Consultation],
        thresholds: Callable[[str], FairGood],
        profile_id: str = "default",
    ):
        self._store = store
        self.consultations = list(consultations)
        self.thresholds = thresholds
        self.profile_id = profile_id

    def consultation(self, consultation_id: str) -> Consultation | None:
        return next((c for c in self.consultations if c.id == consultation_id), None)

    def score(self, consultation: Consultation, steps: list[Step]) -> PathResult:
        return score_path(consultation, steps, self.thresholds)

    def save(self, consultation: Consultation, steps: list[Step], seconds: float) -> tuple[dict, PathResult]:
        """Keep a finished attempt; the path must end at an end node."""
        result = self.score(consultation, steps)
        if not consultation.node(result.end).end:
            raise ValueError("the consultation is not finished yet: choose a response at each turn to the end")
        now = self._store.now()
        record = {
            "profile": self.profile_id,
            "consultation": consultation.id,
            "consultation_title": consultation.title,
            "profession": consultation.profession,
            "date": now[:10],
            **result.as_record(),
            "seconds": round(max(0.0, float(seconds)), 1),
            "skills": list(consultation.skills),
            "finished_at": now,
        }
        why = problem(CONSULTATION_ATTEMPT, {"uid": "new", **record})
        if why is not None:
            raise ValueError(f"the attempt could not be kept: {why}")
        return self._store.add(CONSULTATION_ATTEMPT, record), result

    def attempts(self, consultation_id: str | None = None) -> list[dict]:
        """Oldest first."""
        where = {"profile": self.profile_id}
        if consultation_id is not None:
            where["consultation"] = consultation_id
        found = self._store.all(CONSULTATION_ATTEMPT, **where)
        return sorted(found, key=lambda r: (str(r.get("created", "")), str(r.get("uid", ""))))

    def latest(self, consultation_id: str) -> dict | None:
        found = self.attempts(consultation_id)
        return found[-1] if found else None
