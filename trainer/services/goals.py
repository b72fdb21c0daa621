"""Practise what you teach: the learner's own change goal and its check-ins.

Qt-free. Records:

    goal:         uid, profile, goal, importance 0-10, confidence 0-10,
                  plan {what, when, where, how_often}, every_days,
                  next_checkin (YYYY-MM-DD), status ("active" | "achieved" | "stopped")
    goal_checkin: uid, profile, goal (goal uid), date, progress
                  ("done" | "partly" | "not-yet"), note, barriers, confidence
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from trainer.records.store import RecordStore

GOAL, CHECKIN = "goal", "goal_checkin"
ACTIVE, ACHIEVED, STOPPED = "active", "achieved", "stopped"
PROGRESS = {"done": "Did it", "partly": "Partly", "not-yet": "Not yet"}
PLAN_FIELDS = ("what", "when", "where", "how_often")
CONFIDENT_ENOUGH = 7


def scale(value, name: str) -> int:
    """A 0-10 rating, or ValueError naming the field."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise ValueError(f"{name} must be a whole number from 0 to 10, not {value!r}")
    return value


def plan_too_big(confidence: int) -> bool:
    return confidence < CONFIDENT_ENOUGH


def smaller_plan_hint(confidence: int) -> str:
    """The same advice the course gives a practitioner, turned on ourselves."""
    if not plan_too_big(confidence):
        return ""
    return (
        f"Your confidence is {confidence} out of 10. Plans below 7 often slip: "
        "could you make it smaller (fewer times a week, a shorter time, an easier place) "
        "until you would rate it 7 or more?"
    )


class GoalService:
    def __init__(self, store: RecordStore, profile_id: str = "default", today: Callable[[], date] = date.today):
        self._store = store
        self.profile_id = profile_id
        self._today = today

    def today(self) -> date:
        return self._today()

    # -- reading -------------------------------------------------------------------
    def goals(self, include_closed: bool = False) -> list[dict]:
        recs = self._store.all(GOAL, profile=self.profile_id)
        if not include_closed:
            recs = [r for r in recs if r.get("status") == ACTIVE]
        return sorted(recs, key=lambda r: r.get("created", ""))

    def get(self, uid: str) -> dict | None:
        rec = self._store.get(GOAL, uid)
        return rec if rec is not None and rec.get("profile") == self.profile_id else None

    def checkins(self, goal_uid: str) -> list[dict]:
        recs = self._store.all(CHECKIN, profile=self.profile_id, goal=goal_uid)
        return sorted(recs, key=lambda r: (r.get("date", ""), r.get("created", "")))

    def due(self) -> list[dict]:
        today = self._today().isoformat()
        return [g for g in self.goals() if g.get("next_checkin", today) <= today]

    def nudge(self) -> str:
        """A short line for the journal header, or '' when nothing is due."""
        due = self.due()
        if not due:
            return ""
        if len(due) == 1:
            return f"Time to check in on your goal: \u201c{due[0]['goal']}\u201d"
        return f"{len(due)} of your goals are due a check-in"

    # -- writing -------------------------------------------------------------------
    def create(self, goal: str, importance: int, confidence: int, plan: dict, every_days: int = 7) -> dict:
        goal = goal.strip()
        if not goal:
            raise ValueError("write the goal in a few words first")
        if not isinstance(every_days, int) or every_days < 1:
            raise ValueError("check in at least every day (every_days must be 1 or more)")
        return self._store.add(
            GOAL,
            {
                "profile": self.profile_id,
                "goal": goal,
                "importance": scale(importance, "importance"),
                "confidence": scale(confidence, "confidence"),
                "plan": self._plan(plan),
                "every_days": every_days,
                "next_checkin": (self._today() + timedelta(days=every_days)).isoformat(),
                "status": ACTIVE,
            },
        )

    def update(self, uid: str, changes: dict) -> dict:
        rec = self._require(uid)
        changes = dict(changes)
        for name in ("importance", "confidence"):
            if name in changes:
                scale(changes[name], name)
        if "plan" in changes:
            changes["plan"] = self._plan({**rec.get("plan", {}), **changes["plan"]})
        if "status" in changes and changes["status"] not in (ACTIVE, ACHIEVED, STOPPED):
            raise ValueError("status must be active, achieved or stopped")
        if "goal" in changes and not str(changes["goal"]).strip():
            raise ValueError("write the goal in a few words first")
        return self._store.update_existing(GOAL, uid, changes)

    def check_in(
        self, goal_uid: str, progress: str, note: str = "", barriers: str = "", confidence: int | None = None
    ) -> dict:
        goal = self._require(goal_uid)
        if progress not in PROGRESS:
            raise ValueError(f"progress must be one of {', '.join(PROGRESS)}")
        if confidence is not None:
            scale(confidence, "confidence")
        today = self._today()
        changes: dict[str, object] = {
            "next_checkin": (today + timedelta(days=int(goal.get("every_days", 7)))).isoformat()
        }
        if confidence is not None:
            changes["confidence"] = confidence
        with self._store.atomic():  # the check-in and the goal's next date: both or neither
            checkin = self._store.add(
                CHECKIN,
                {
                    "profile": self.profile_id,
                    "goal": goal_uid,
                    "date": today.isoformat(),
                    "progress": progress,
                    "note": note.strip(),
                    "barriers": barriers.strip(),
                    "confidence": confidence,
                },
            )
            self._store.update(GOAL, goal_uid, changes)
        return checkin

    def _plan(self, plan: dict) -> dict:
        unknown = set(plan) - set(PLAN_FIELDS)
        if unknown:
            raise ValueError(f"a plan has what, when, where and how_often, not {', '.join(sorted(unknown))}")
        return {k: str(plan.get(k, "")).strip() for k in PLAN_FIELDS}

    def _require(self, uid: str) -> dict:
        rec = self.get(uid)
        if rec is None:
            raise KeyError(f"no goal with the id '{uid}'")
        return rec
