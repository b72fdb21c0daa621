"""``trainer demo --data DIR``: a realistic invented learner, for trying the app.

Extensible: a later feature appends a step to ``DEMO_STEPS`` (or decorates a
function with ``@demo_step``); each step gets a ``DemoContext`` and writes
through the services, with the clock set to a plausible past moment by
``ctx.at(days_ago)``. Sam Demo is invented; no real person or patient.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable

from trainer.records.store import RecordStore, open_store

DEMO_NAME = "Sam Demo"
DEMO_ROLE = "Practice nurse"


@dataclass
class DemoContext:
    store: RecordStore
    profile_id: str
    content: object  # trainer.content.Content
    rng: random.Random
    today: datetime
    log: list[str] = field(default_factory=list)
    _when: datetime | None = None

    def at(self, days_ago: float, hour: int = 10) -> None:
        """Make the following saves look as if made ``days_ago`` days ago."""
        day = self.today - timedelta(days=days_ago)
        self._when = day.replace(hour=hour, minute=self.rng.randrange(60), second=0, microsecond=0)

    def clock(self) -> str:
        return (self._when or self.today).isoformat(timespec="seconds")


DemoStep = Callable[[DemoContext], None]
DEMO_STEPS: list[DemoStep] = []


def demo_step(fn: DemoStep) -> DemoStep:
    DEMO_STEPS.append(fn)
    return fn


@demo_step
def course_progress(ctx: DemoContext) -> None:
    """Sam has finished the first modules over three weeks and is part-way into the next."""
    from trainer.services.progress import ProgressService

    progress = ProgressService(ctx.store, ctx.profile_id)
    readable = ctx.content.course.readable()
    finished = readable[: max(1, (len(readable) * 2) // 5)]
    days_ago = 21.0
    for module in finished:
        ctx.at(days_ago)
        progress.open_module(module.id)
        progress.save_position(module.id, 1.0)
        progress.set_done(module.id, True)
        days_ago -= ctx.rng.uniform(2, 5)
    if len(readable) > len(finished):
        current = readable[len(finished)]
        ctx.at(max(days_ago, 0.5), hour=14)
        progress.open_module(current.id)
        progress.save_position(current.id, 0.4)
    ctx.log.append(f"course progress: {len(finished)} of {len(readable)} modules done")


def make_demo(data_dir: Path, content, seed: int = 7) -> list[str]:
    """Fill ``data_dir`` with the demo learner; return lines describing what was made."""
    from trainer.services.profiles import ProfileService

    now = datetime.now(timezone.utc).replace(microsecond=0)
    holder: dict[str, DemoContext] = {}
    store = open_store(data_dir, lock=True,
                       clock=lambda: holder["ctx"].clock() if "ctx" in holder else now.isoformat())
    try:
        profiles = ProfileService(store)
        if profiles.find_by_name(DEMO_NAME) is not None:
            profiles.delete(profiles.find_by_name(DEMO_NAME).id)  # start the demo afresh
        profile = profiles.create(DEMO_NAME, role=DEMO_ROLE)
        ctx = DemoContext(store, profile.id, content, random.Random(seed), now)
        holder["ctx"] = ctx
        for step in DEMO_STEPS:
            step(ctx)
        ctx._when = None
        profiles.mark_used(profile.id)
        return [f"Demo profile '{profile.label}' [{profile.id}] in {Path(data_dir)}", *ctx.log]
    finally:
        store.close()
