"""``trainer demo --data DIR``: a realistic invented learner, for trying the app.

Extensible: a later feature appends a step to ``DEMO_STEPS`` (or decorates a
function with ``@demo_step``); each step gets a ``DemoContext`` and writes
through the services, with the clock set to a plausible past moment by
``ctx.at(days_ago)``. Sam Demo is invented; no real person or patient.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from trainer.content import Content
from trainer.modules.scoring import right_answer, wrong_answer
from trainer.records.store import RecordStore, open_store
from trainer.services.checks import CheckService
from trainer.services.goals import GoalService
from trainer.services.journal import JournalService
from trainer.services.profiles import ProfileService
from trainer.services.progress import ProgressService
from trainer.services.scenario_practice import ScenarioPracticeService
from trainer.tools.demo_ratings import add_demo_ratings

DEMO_NAME = "Sam Demo"
DEMO_ROLE = "Practice nurse"


@dataclass
class DemoContext:
    store: RecordStore
    profile_id: str
    content: Content
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
    progress = ProgressService(ctx.store, ctx.profile_id)
    checks = CheckService(ctx.store, ctx.content.course, progress)
    readable = ctx.content.course.readable()
    finished = readable[: max(1, (len(readable) * 2) // 5)]
    days_ago = 21.0
    for module in finished:
        ctx.at(days_ago)
        progress.open_module(module.id)
        progress.save_position(module.id, 1.0)
        for n, question in enumerate(q for q in module.questions if q.in_check):
            if n == 0:  # one slip per module, put right on the second try
                checks.submit(module, question, wrong_answer(question), seconds=ctx.rng.uniform(20, 60))
            checks.submit(module, question, right_answer(question), seconds=ctx.rng.uniform(15, 90))
        progress.set_done(module.id, True)  # a module without questions: done by hand
        days_ago -= ctx.rng.uniform(2, 5)
    if len(readable) > len(finished):
        current = readable[len(finished)]
        ctx.at(max(days_ago, 0.5), hour=14)
        progress.open_module(current.id)
        progress.save_position(current.id, 0.4)
    ctx.log.append(f"course progress: {len(finished)} of {len(readable)} modules done")


@demo_step
def reflections(ctx: DemoContext) -> None:
    """Two reflections in Sam's own (invented) words: one finished, one still a draft."""

    templates = {t.id: t for t in getattr(ctx.content, "templates", [])}
    journal = JournalService(
        ctx.store, ctx.profile_id, templates.values(), today=lambda: date.fromisoformat(ctx.clock()[:10])
    )
    readable = ctx.content.course.readable()
    made = 0
    if "gibbs" in templates:
        ctx.at(12, hour=17)
        link = {"kind": "module", "module": readable[0].id} if readable else None
        rec = journal.create(
            "gibbs", link=link, title="Letting him choose the topic", tags=["agenda-setting", "diabetes review"]
        )
        journal.save(
            rec["uid"],
            {
                "sections": {
                    "description": "A man in his sixties came for a routine diabetes review. I had a list of "
                    "checks; he wanted to talk about his sleep.",
                    "feelings": "I worried we would run out of time for the checks and I hurried him.",
                    "evaluation": "The checks were done, but he left with nothing for the thing he cared about.",
                    "analysis": "I set the agenda alone. Asking him first would have shown that the sleep and "
                    "his blood sugar were linked for him.",
                    "conclusion": "Asking what matters most today costs a minute and saves the consultation.",
                    "action-plan": "At my next five reviews I will start by asking what the person wants to "
                    "cover, then add my items.",
                }
            },
        )
        journal.finish(rec["uid"])
        made += 1
    if "rolfe" in templates:
        ctx.at(2, hour=18)
        rec = journal.create("rolfe", title="Scaling question", tags=["confidence"])
        journal.save(
            rec["uid"],
            {
                "sections": {
                    "what": "I tried the confidence scale with a woman planning to walk after lunch. She said four.",
                    "so-what": "",
                }
            },
        )
        made += 1
    if made:
        ctx.log.append(f"reflections: {made}")


@demo_step
def personal_goal(ctx: DemoContext) -> None:
    """Practise what you teach: Sam's own walking goal with two check-ins."""

    goals = GoalService(ctx.store, ctx.profile_id, today=lambda: date.fromisoformat(ctx.clock()[:10]))
    ctx.at(20, hour=13)
    goal = goals.create(
        "Walk at lunchtime twice a week",
        importance=8,
        confidence=7,
        plan={
            "what": "a 20-minute walk",
            "when": "lunchtime, Tuesday and Thursday",
            "where": "round the park by the surgery",
            "how_often": "twice a week",
        },
    )
    ctx.at(13, hour=13)
    goals.check_in(goal["uid"], "done", note="Both walks done; Thursday in the rain.", confidence=8)
    ctx.at(6, hour=13)
    goals.check_in(goal["uid"], "partly", note="One walk.", barriers="Clinic overran on Thursday.", confidence=7)
    ctx.log.append("personal goal: 1, check-ins: 2")


@demo_step
def skill_ratings(ctx: DemoContext) -> None:
    """Two self-assessments a week apart and one observer checklist."""
    framework = getattr(ctx.content, "framework", None)
    if framework is None:
        return

    ctx.at(3, hour=16)
    added = add_demo_ratings(ctx.store, ctx.profile_id, framework, ctx.clock)
    if added:
        ctx.log.append(f"skill ratings: {len(added)}")


@demo_step
def scenario_practice(ctx: DemoContext) -> None:
    """A predicted-then-revealed moment and a spot-the-skill round in the first scenario."""
    scenarios = getattr(ctx.content, "scenarios", [])
    if not scenarios:
        return

    scenario = scenarios[0]
    moment = scenario.moments[min(1, len(scenario.moments) - 1)]
    practice = ScenarioPracticeService(ctx.store, ctx.profile_id)
    ctx.at(9, hour=19)
    practice.save_attempt(scenario.id, moment.id, "Before we start, what would you most like us to talk about today?")
    practice.reveal(scenario.id, moment.id)
    chosen = {i: list(turn.tags[:1]) for i, turn in enumerate(moment.sms) if turn.tags}
    if chosen:
        practice.save_spot(scenario, moment.id, chosen)
    ctx.log.append("scenario practice: 1 attempt" + (", 1 spot-the-skill round" if chosen else ""))


def make_demo(data_dir: Path, content, seed: int = 7) -> list[str]:
    """Fill ``data_dir`` with the demo learner; return lines describing what was made."""
    now = datetime.now(UTC).replace(microsecond=0)
    holder: dict[str, DemoContext] = {}
    store = open_store(data_dir, lock=True, clock=lambda: holder["ctx"].clock() if "ctx" in holder else now.isoformat())
    try:
        profiles = ProfileService(store)
        old = profiles.find_by_name(DEMO_NAME)
        if old is not None:
            profiles.delete(old.id)  # start the demo afresh
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
