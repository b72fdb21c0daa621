"""Home's goal card: a goal that is not yet due is named with its next check-in, not met
with an invitation to set one (the Journal showed the goal while Home said to set one)."""

from __future__ import annotations

from datetime import date, timedelta

from trainer.app import build


def _home(parts):
    home = parts.window.sections["home"]
    home.refresh()
    return home


def test_an_open_goal_not_yet_due_is_named_with_its_next_check_in(qtbot, sample_course, tmp_path):
    parts = build(sample_course, tmp_path)
    qtbot.addWidget(parts.window)
    try:
        goal = parts.journal.goals.create("Walk at lunchtime twice a week", 8, 7, {"what": "walk"}, every_days=7)
        home = _home(parts)
        due = date.fromisoformat(goal["next_checkin"])
        assert due > date.today() - timedelta(days=1)
        assert home.goal_card.title.text() == "Your goal"
        text = home.goal_label.text()
        assert "Walk at lunchtime twice a week" in text and "next check-in" in text
        assert f"{due.day} {due.strftime('%b')}" in text
        assert "set a small goal" not in text
        assert home.checkin_button.isHidden()  # for a check-in that is due (early ones: the Journal)
    finally:
        parts.store.close()


def test_with_no_goal_home_invites_one(qtbot, sample_course, tmp_path):
    parts = build(sample_course, tmp_path)
    qtbot.addWidget(parts.window)
    try:
        home = _home(parts)
        assert "set a small goal of your own" in home.goal_label.text()
        assert home.checkin_button.isHidden()
    finally:
        parts.store.close()
