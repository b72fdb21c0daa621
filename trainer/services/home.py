"""What the Home page shows: where to carry on, how far along, what is due.

Qt-free: ``home_summary`` gathers plain data from the services; the view
only lays it out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from trainer.domain.course import Course
from trainer.domain.plain import field, plain
from trainer.services.progress import ProgressService

RECENT_LIMIT = 5


@plain  # not a NamedTuple: typing.NamedTuple compiles each field's annotation (#16 start-up)
class ContinueAt:
    module_id: str
    title: str
    started: bool  # False: nothing opened yet, so "Start the course"
    done: bool


@plain  # not a NamedTuple: typing.NamedTuple compiles each field's annotation (#16 start-up)
class CourseProgress:
    done: int
    total: int
    minutes_done: int
    minutes_total: int
    by_hand: int = 0  # modules marked done by hand: shown, but not counted
    modules: tuple[tuple[str, str, str], ...] = ()  # (id, title, "done" | "hand" | "todo") in course order

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    def text(self) -> str:
        text = f"{self.done} of {self.total} modules done \u00b7 {self.minutes_done} of {self.minutes_total} minutes"
        return text + (f" \u00b7 {self.by_hand} more marked done by hand" if self.by_hand else "")


@plain  # not a NamedTuple: typing.NamedTuple compiles each field's annotation (#16 start-up)
class RecentReflection:
    uid: str
    title: str
    date: str
    status: str  # "draft" or "finished"
    words: int


@plain  # not a NamedTuple: typing.NamedTuple compiles each field's annotation (#16 start-up)
class DueGoal:
    uid: str
    goal: str
    next_checkin: str


@plain  # not a NamedTuple: typing.NamedTuple compiles each field's annotation (#16 start-up)
class NextSkill:
    skill_id: str
    name: str
    text: str
    module_id: str | None = None


@plain
class HomeSummary:
    continue_at: ContinueAt | None
    progress: CourseProgress
    due_goals: list[DueGoal] = field(default_factory=list)
    active_goals: list[DueGoal] = field(default_factory=list)  # every open goal, due or not
    nudge: str = ""
    recent: list[RecentReflection] = field(default_factory=list)
    next_skill: NextSkill | None = None
    review_due: int = 0  # spaced-review questions due today
    review_text: str = ""  # one line on spaced review; "" when the learner has no questions yet


def continue_at(course: Course, progress: ProgressService) -> ContinueAt | None:
    """The last module opened; when it is done, the next one not done after it."""
    readable = course.readable()
    if not readable:
        return None
    done = progress.done_ids()
    last = progress.last_module()
    ids = [m.id for m in readable]
    if last in ids:
        last_module = next(m for m in readable if m.id == last)
        if last not in done:
            module = last_module
            # Opening the app opens the first module: that alone is not "started".
            started = bool(done) or last != ids[0] or progress.progress(last).position > 0
            return ContinueAt(module.id, module.title, started, False)
        start = ids.index(last)
        for m in readable[start + 1 :] + readable[:start]:
            if m.id not in done:
                return ContinueAt(m.id, m.title, True, False)
        return ContinueAt(last_module.id, last_module.title, True, True)
    first = next((m for m in readable if m.id not in done), readable[0])
    return ContinueAt(first.id, first.title, bool(done), first.id in done)


def course_progress(course: Course, done_ids: set[str], hand_ids: set[str] | None = None) -> CourseProgress:
    """Modules done under the completion rule (``done_ids``: end reached, check passed) and their
    minutes; ``hand_ids``, modules only marked done by hand, are counted apart."""
    readable = course.readable()
    done = [m for m in readable if m.id in done_ids]
    by_hand = [m for m in readable if m.id in (hand_ids or set()) and m.id not in done_ids]
    return CourseProgress(
        len(done),
        len(readable),
        sum(m.duration_minutes or 0 for m in done),
        sum(m.duration_minutes or 0 for m in readable),
        len(by_hand),
        tuple((m.id, m.title, "done" if m in done else "hand" if m in by_hand else "todo") for m in readable),
    )


def recent_reflections(journal: Any, limit: int = RECENT_LIMIT) -> list[RecentReflection]:
    """The newest live reflections (JournalService.entries sorts newest first)."""
    if journal is None:
        return []
    out = []
    for rec in journal.entries()[:limit]:
        out.append(
            RecentReflection(
                rec["uid"],
                rec.get("title") or "Untitled reflection",
                rec.get("date", ""),
                rec.get("status", "draft"),
                journal.words(rec),
            )
        )
    return out


def due_goals(goals: Any) -> list[DueGoal]:
    if goals is None:
        return []
    return [DueGoal(g["uid"], g.get("goal", ""), g.get("next_checkin", "")) for g in goals.due()]


def active_goals(goals: Any) -> list[DueGoal]:
    """The learner's open goals, oldest first, each with its next check-in."""
    if goals is None:
        return []
    return [DueGoal(g["uid"], g.get("goal", ""), g.get("next_checkin", "")) for g in goals.goals()]


def next_skill(
    ratings: Any, course: Course, done_ids: set[str], scenarios: list | Callable[[], list] | None = None
) -> NextSkill | None:
    """The first suggestion of the skills dashboard, only once something is rated.

    ``scenarios`` may be a function giving them, called only when needed."""
    if ratings is None:
        return None
    summaries = ratings.summaries(course, done_ids)
    if not any(s.history for s in summaries):
        return None
    if callable(scenarios):
        scenarios = scenarios()
    found = ratings.suggestions(summaries, done_ids, scenarios or [], limit=1)
    if not found:
        return None
    s = found[0]
    return NextSkill(s.skill_id, s.skill_name, s.text, s.module_id)


def home_summary(
    course: Course,
    progress: ProgressService,
    goals: Any = None,
    journal: Any = None,
    ratings: Any = None,
    scenarios: list | Callable[[], list] | None = None,
    review: Callable[[], tuple[int, str]] | None = None,
) -> HomeSummary:
    """``review`` gives (questions due today, the line to show) for spaced review."""
    done = progress.done_ids()
    review_due, review_text = review() if review is not None else (0, "")
    return HomeSummary(
        continue_at=continue_at(course, progress),
        progress=course_progress(course, progress.counted_ids(), done),
        due_goals=due_goals(goals),
        active_goals=active_goals(goals),
        nudge=goals.nudge() if goals is not None else "",
        recent=recent_reflections(journal),
        next_skill=next_skill(ratings, course, done, scenarios),
        review_due=review_due,
        review_text=review_text,
    )
