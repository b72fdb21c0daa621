"""What the Home page shows (Qt-free)."""

from datetime import date, timedelta
from pathlib import Path

from trainer.domain.course import Course, Module
from trainer.journal.templates import load_templates
from trainer.records.store import memory_store
from trainer.services.goals import GoalService
from trainer.services.home import continue_at, course_progress, home_summary
from trainer.services.journal import JournalService
from trainer.services.progress import ProgressService


def course():
    mods = [
        Module(id=f"m{i}", title=f"Module {i}", path=Path(f"m{i}.md"), order=i, duration_minutes=10 * i)
        for i in (1, 2, 3)
    ]
    mods.append(Module(id="bad", title="Broken", path=Path("bad.md"), order=4, error="oops"))
    return Course("Course", Path("."), mods)


def test_new_learner_starts_at_the_first_module():
    progress = ProgressService(memory_store(), "me")
    at = continue_at(course(), progress)
    assert at.module_id == "m1" and not at.started
    summary = home_summary(course(), progress)
    assert summary.progress.done == 0 and summary.progress.total == 3
    assert summary.progress.minutes_total == 60 and summary.progress.percent == 0
    assert summary.recent == [] and summary.due_goals == [] and summary.next_skill is None


def test_continue_at_last_module_or_the_next_not_done():
    progress = ProgressService(memory_store(), "me")
    progress.open_module("m2")
    assert continue_at(course(), progress).module_id == "m2"
    progress.set_done("m2", True)
    assert continue_at(course(), progress).module_id == "m3"
    progress.set_done("m3", True)
    assert continue_at(course(), progress).module_id == "m1"  # wraps round to what is left
    progress.set_done("m1", True)
    at = continue_at(course(), progress)
    assert at.module_id == "m2" and at.done


def test_progress_counts_minutes_of_done_modules_only():
    p = course_progress(course(), {"m1", "m3", "bad"})
    assert (p.done, p.total, p.minutes_done, p.minutes_total) == (2, 3, 40, 60)
    assert p.percent == 67 and "2 of 3 modules done" in p.text()


def test_modules_marked_done_by_hand_are_shown_but_not_counted():
    progress = ProgressService(memory_store(), "me")
    progress.set_done("m1", True)  # by hand
    progress.set_done("m2", True, by="check")
    p = home_summary(course(), progress).progress
    assert (p.done, p.minutes_done, p.by_hand) == (1, 20, 1)
    assert p.text() == "1 of 3 modules done \u00b7 20 of 60 minutes \u00b7 1 more marked done by hand"


def test_recent_reflections_and_due_goals(sample_course):
    store = memory_store()
    today = date(2026, 3, 10)
    journal = JournalService(store, "me", load_templates(sample_course)[0], today=lambda: today)
    uids = []
    for i in range(7):
        rec = journal.create("rolfe", title=f"Reflection {i}")
        journal.save(rec["uid"], {"date": (today - timedelta(days=7 - i)).isoformat()})
        uids.append(rec["uid"])
    journal.delete(uids[-1])  # binned: not shown
    goals = GoalService(store, "me", today=lambda: today)
    goal = goals.create("Walk twice a week", 8, 7, {"what": "walk"}, every_days=7)
    summary = home_summary(course(), ProgressService(store, "me"), goals, journal)
    assert summary.due_goals == []
    assert [r.title for r in summary.recent] == [f"Reflection {i}" for i in (5, 4, 3, 2, 1)]
    goals.update(goal["uid"], {"next_checkin": today.isoformat()})
    summary = home_summary(course(), ProgressService(store, "me"), goals, journal)
    assert [g.goal for g in summary.due_goals] == ["Walk twice a week"]
    assert "Walk twice a week" in summary.nudge
