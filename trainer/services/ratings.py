"""Rating skills for one learner: self-assessments and observer checklists.

Qt-free use case layer over the RecordStore. Every record carries
``profile`` (the learner's profile id). Kinds: ``self_assessment`` and
``observation``.
"""

from __future__ import annotations

from trainer.competencies import coding
from trainer.competencies.dashboard import SkillSummary, Suggestion, suggest, summarise
from trainer.competencies.kinds import CONSULTATION_ATTEMPT
from trainer.competencies.model import Framework
from trainer.competencies.ratings import (
    OBSERVATION,
    OBSERVER_NOTES,
    SELF_ASSESSMENT,
    SELF_NOTES,
    Agreement,
    Change,
    RatingError,
    clean_record,
    compare,
    side_by_side,
    sort_key,
)
from trainer.competencies.teaching import modules_by_skill, scenarios_by_skill
from trainer.domain.course import Course
from trainer.records.store import RecordStore

__all__ = ["OBSERVATION", "SELF_ASSESSMENT", "RatingsService"]


class RatingsService:
    def __init__(self, store: RecordStore, framework: Framework, profile_id: str = "default"):
        self._store = store
        self.framework = framework
        self.profile_id = profile_id

    def today(self) -> str:
        return self._store.now()[:10]

    # -- self-assessments ------------------------------------------------------------
    def save_self_assessment(self, data: dict, uid: str | None = None) -> dict:
        """Store a new self-assessment (or replace the one with ``uid``)."""
        clean = clean_record(self.framework, data, SELF_NOTES)
        for key in ("observer", "learner", "counts", "events"):
            clean.pop(key, None)
        return self._save(SELF_ASSESSMENT, clean, uid)

    def self_assessments(self) -> list[dict]:
        """Oldest first."""
        return sorted(self._store.all(SELF_ASSESSMENT, profile=self.profile_id), key=sort_key)

    # -- observations ----------------------------------------------------------------
    def save_observation(self, data: dict, uid: str | None = None) -> dict:
        clean = clean_record(self.framework, data, OBSERVER_NOTES)
        for key, label in (("observer", "observer's name"), ("learner", "learner's name")):
            clean[key] = str(clean.get(key) or "").strip()
            if not clean[key]:
                raise RatingError(f"Please enter the {label}.")
        for key in ("session_id", "round_id"):
            value = clean.get(key)
            clean[key] = str(value).strip() if value not in (None, "") else None
        events = [e for e in (data.get("events") or []) if e in coding.BY_ID]
        counts = data.get("counts")
        if events or counts is None:
            counts = coding.Tally(events).counts()
        else:
            counts = {c: max(0, int(counts.get(c, 0) or 0)) for c in coding.CODE_IDS}
        clean["events"], clean["counts"] = events, counts
        return self._save(OBSERVATION, clean, uid)

    def observations(self) -> list[dict]:
        """Oldest first."""
        return sorted(self._store.all(OBSERVATION, profile=self.profile_id), key=sort_key)

    # -- shared ----------------------------------------------------------------------
    def get(self, kind: str, uid: str) -> dict | None:
        rec = self._store.get(kind, uid)
        return rec if rec is not None and rec.get("profile") == self.profile_id else None

    def delete(self, kind: str, uid: str) -> bool:
        if self.get(kind, uid) is None:
            return False
        return self._store.delete(kind, uid)

    def _save(self, kind: str, clean: dict, uid: str | None) -> dict:
        clean["profile"] = self.profile_id
        if uid is not None:
            if self.get(kind, uid) is None:
                raise RatingError("That record no longer exists; it may have been deleted.")
            return self._store.update_existing(kind, uid, clean)
        return self._store.add(kind, clean)

    # -- reading across records ------------------------------------------------------
    def compare(self, earlier_uid: str, later_uid: str) -> list[Change]:
        a, b = self.get(SELF_ASSESSMENT, earlier_uid), self.get(SELF_ASSESSMENT, later_uid)
        if a is None or b is None:
            raise RatingError("Choose two saved self-assessments to compare.")
        if sort_key(a) > sort_key(b):
            a, b = b, a
        return compare(self.framework, a, b)

    def side_by_side(self, self_uid: str | None, observation_uid: str | None) -> list[Agreement]:
        mine = self.get(SELF_ASSESSMENT, self_uid) if self_uid else None
        theirs = self.get(OBSERVATION, observation_uid) if observation_uid else None
        return side_by_side(self.framework, mine, theirs)

    def measures(self, counts: dict) -> list[coding.Measure]:
        return coding.measures(counts, self.framework.threshold)

    def summaries(self, course: Course | None = None, done_ids: set[str] | None = None) -> list[SkillSummary]:
        teaching = modules_by_skill(course) if course is not None else {}
        practice = self._store.all(CONSULTATION_ATTEMPT, profile=self.profile_id)
        return summarise(self.framework, self.self_assessments(), self.observations(), teaching, done_ids, practice)

    def suggestions(
        self,
        summaries: list[SkillSummary],
        done_ids: set[str] | None = None,
        scenarios: list | None = None,
        limit: int = 3,
    ) -> list[Suggestion]:
        return suggest(summaries, done_ids, scenarios_by_skill(scenarios or []), limit)
