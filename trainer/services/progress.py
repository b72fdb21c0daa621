"""Course progress for one learner: opened, done, where they were."""

from __future__ import annotations

from typing import NamedTuple

from trainer.records.store import RecordStore

PROGRESS = "progress"
STATE = "profile_state"


class ModuleProgress(NamedTuple):  # a NamedTuple: immutable, and quick to define at start-up
    module_id: str
    opened: bool = False
    done: bool = False
    done_at: str | None = None
    position: float = 0.0


class ProgressService:
    def __init__(self, store: RecordStore, profile_id: str = "default"):
        self._store = store
        self.profile_id = profile_id

    def progress(self, module_id: str) -> ModuleProgress:
        rec = self._store.find_one(PROGRESS, profile=self.profile_id, module=module_id)
        if rec is None:
            return ModuleProgress(module_id)
        return ModuleProgress(
            module_id, True, bool(rec.get("done")), rec.get("done_at"), float(rec.get("position", 0.0))
        )

    def done_ids(self) -> set[str]:
        return {r["module"] for r in self._store.all(PROGRESS, profile=self.profile_id) if r.get("done")}

    def open_module(self, module_id: str) -> ModuleProgress:
        rec = self._store.find_one(PROGRESS, profile=self.profile_id, module=module_id)
        if rec is None:
            self._store.upsert(PROGRESS, {"done": False, "position": 0.0}, profile=self.profile_id, module=module_id)
        self._store.upsert(STATE, {"last_module": module_id}, profile=self.profile_id)
        return self.progress(module_id)

    def set_done(self, module_id: str, done: bool) -> ModuleProgress:
        current = self.progress(module_id)
        if current.opened and current.done == done:
            return current
        changes = {"done": done, "done_at": self._store.now() if done else None}
        self._store.upsert(PROGRESS, changes, profile=self.profile_id, module=module_id)
        return self.progress(module_id)

    def save_position(self, module_id: str, position: float) -> None:
        position = min(1.0, max(0.0, float(position)))
        current = self.progress(module_id)
        if current.opened and abs(current.position - position) < 0.001:
            return
        self._store.upsert(PROGRESS, {"position": round(position, 4)}, profile=self.profile_id, module=module_id)

    def last_module(self) -> str | None:
        rec = self._store.find_one(STATE, profile=self.profile_id)
        return rec.get("last_module") if rec else None
