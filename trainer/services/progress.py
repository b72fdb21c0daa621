"""Course progress for one learner: opened, done, where they were.

Record kind ``progress`` (one per module): ``done``, ``done_at``, ``position``
(0..1 scrolled), and since issue 21 ``done_by`` ("check": reached the end and
passed the knowledge check; "hand": ticked "Mark as done") and ``reached_end``.
A record done before ``done_by`` existed counts as marked by hand.
"""

from __future__ import annotations

from trainer.domain.plain import plain
from trainer.records.store import RecordStore

PROGRESS = "progress"
STATE = "profile_state"
BY_CHECK = "check"
BY_HAND = "hand"
END = 0.97  # scrolled this far (of the scroll range) is the end of the module


@plain  # not a NamedTuple: typing.NamedTuple compiles each field's annotation (#16 start-up)
class ModuleProgress:
    module_id: str
    opened: bool = False
    done: bool = False
    done_at: str | None = None
    position: float = 0.0
    done_by: str | None = None  # BY_CHECK or BY_HAND when done
    reached_end: bool = False

    @property
    def counted(self) -> bool:
        """Done under the completion rule (end reached, check passed), not only ticked by hand."""
        return self.done and self.done_by == BY_CHECK


class ProgressService:
    def __init__(self, store: RecordStore, profile_id: str = "default"):
        self._store = store
        self.profile_id = profile_id

    @property
    def store(self) -> RecordStore:
        return self._store

    def progress(self, module_id: str) -> ModuleProgress:
        rec = self._store.find_one(PROGRESS, profile=self.profile_id, module=module_id)
        if rec is None:
            return ModuleProgress(module_id)
        return _from_record(module_id, rec)

    def done_ids(self) -> set[str]:
        """Every module done, by the check or by hand (the outline ticks them all)."""
        return {r["module"] for r in self._store.all(PROGRESS, profile=self.profile_id) if r.get("done")}

    def counted_ids(self) -> set[str]:
        """Modules done under the completion rule: what progress and CPD time count."""
        recs = self._store.all(PROGRESS, profile=self.profile_id)
        return {r["module"] for r in recs if _from_record(r["module"], r).counted}

    def open_module(self, module_id: str) -> ModuleProgress:
        rec = self._store.find_one(PROGRESS, profile=self.profile_id, module=module_id)
        if rec is None:
            self._store.upsert(PROGRESS, {"done": False, "position": 0.0}, profile=self.profile_id, module=module_id)
        self._store.upsert(STATE, {"last_module": module_id}, profile=self.profile_id)
        return self.progress(module_id)

    def set_done(self, module_id: str, done: bool, by: str = BY_HAND) -> ModuleProgress:
        """Done (``by`` the check or by hand) or not done. A module the check made done
        stays done by the check when ticked again by hand."""
        if by not in (BY_CHECK, BY_HAND):
            raise ValueError(f"done by {by!r}: expected {BY_CHECK!r} or {BY_HAND!r}")
        current = self.progress(module_id)
        if done and current.done and current.done_by == BY_CHECK:
            return current  # ticking by hand never turns "passed the check" into "by hand"
        if current.opened and current.done == done and (not done or current.done_by == by):
            return current
        changes = {"done": done, "done_at": self._store.now() if done else None, "done_by": by if done else None}
        self._store.upsert(PROGRESS, changes, profile=self.profile_id, module=module_id)
        return self.progress(module_id)

    def set_reached_end(self, module_id: str) -> ModuleProgress:
        """The learner has seen the end of the module (once is enough)."""
        current = self.progress(module_id)
        if not current.reached_end:
            self._store.upsert(PROGRESS, {"reached_end": True}, profile=self.profile_id, module=module_id)
        return self.progress(module_id)

    def save_position(self, module_id: str, position: float) -> None:
        position = min(1.0, max(0.0, float(position)))
        current = self.progress(module_id)
        if current.opened and abs(current.position - position) < 0.001:
            return
        changes: dict = {"position": round(position, 4)}
        if position >= END and not current.reached_end:
            changes["reached_end"] = True
        self._store.upsert(PROGRESS, changes, profile=self.profile_id, module=module_id)

    def last_module(self) -> str | None:
        rec = self._store.find_one(STATE, profile=self.profile_id)
        return rec.get("last_module") if rec else None


def _from_record(module_id: str, rec: dict) -> ModuleProgress:
    done = bool(rec.get("done"))
    by = rec.get("done_by") if rec.get("done_by") in (BY_CHECK, BY_HAND) else BY_HAND  # older records: by hand
    return ModuleProgress(
        module_id,
        True,
        done,
        rec.get("done_at"),
        float(rec.get("position", 0.0)),
        by if done else None,
        bool(rec.get("reached_end")) or float(rec.get("position", 0.0)) >= END,
    )
