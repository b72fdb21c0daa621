"""What the Review section says about counts and days, in plain words (Qt-free, so tested alone)."""

from __future__ import annotations

import math
from datetime import datetime

from trainer.review.cards import SESSION_LIMIT

SECONDS_A_CARD = 25  # about: read, answer, read the feedback


def questions(count: int) -> str:
    return f"{count} question" if count == 1 else f"{count} questions"


def when(due: datetime, now: datetime) -> str:
    """ "today", "tomorrow", a weekday within the week, else a date: "Tuesday 17 March"."""
    day, today = due.astimezone(now.tzinfo).date(), now.date()
    days = (day - today).days
    if days <= 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days < 7:
        return day.strftime("%A")
    text = f"{day.strftime('%A')} {day.day} {day.strftime('%B')}"
    return text if day.year == today.year else f"{text} {day.year}"


def due_line(due: int, next_due: datetime | None, cards: int, now: datetime) -> str:
    """The Review section's (and Home's) one line on what is due."""
    if cards == 0:
        return "Nothing to review yet: finish a module's check and its questions come back here on a schedule."
    if due > SESSION_LIMIT:
        return f"{questions(due)} due today. A session takes {SESSION_LIMIT} of them, under five minutes."
    if due:
        minutes = max(1, math.ceil(due * SECONDS_A_CARD / 60))
        return f"{questions(due)} to review today, about {minutes} minute{'s' if minutes > 1 else ''}."
    if next_due is not None:
        return f"Nothing due today. The next come back {when(next_due, now)}."
    return "Nothing due today."


def end_line(reviewed: int, next_due: datetime | None, now: datetime) -> str:
    """The end of a session: "8 reviewed, next due Tuesday"."""
    text = f"{reviewed} reviewed"
    if next_due is not None:
        text += f", next due {when(next_due, now)}"
    return text + "."
