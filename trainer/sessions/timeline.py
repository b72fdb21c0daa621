"""Where a session stands in its plan (pure): when each phase starts, how far along the
session is, and the words the control view shows for it.

Times are the plan's: a phase given an extra minute does not move the others, and the
current phase counts for no more than its planned minutes.
"""

from __future__ import annotations

from collections.abc import Sequence


def phase_starts(minutes: Sequence[int]) -> list[int]:
    """The minute at which each phase starts, from 0."""
    out, start = [], 0
    for m in minutes:
        out.append(start)
        start += m
    return out


def clock_text(minutes: int) -> str:
    """A time into the session, hours and minutes: 0:05, 0:32, 1:25."""
    hours, mins = divmod(max(0, int(minutes)), 60)
    return f"{hours}:{mins:02d}"


def phase_row(start: int, title: str, minutes: int) -> str:
    """One line of the phase list: '0:32  Round 1: set the agenda together · 8 min'."""
    return f"{clock_text(start)}  {title} \u00b7 {minutes} min"


def session_elapsed(minutes: Sequence[int], index: int, phase_seconds: float) -> float:
    """Seconds of the plan behind us: the phases before ``index`` in full, and the
    current one's run time up to its planned length."""
    if not minutes:
        return 0.0
    index = max(0, min(index, len(minutes) - 1))
    before = sum(minutes[:index]) * 60
    return before + max(0.0, min(float(phase_seconds), minutes[index] * 60.0))


def progress_text(elapsed_seconds: float, total_minutes: int) -> str:
    """'32 of 90 min · 58 min to go' (whole minutes, rounded down for the time done)."""
    done = min(total_minutes, int(elapsed_seconds // 60))
    left = total_minutes - done
    if left == 0:
        return f"All {total_minutes} min done"
    return f"{done} of {total_minutes} min \u00b7 {left} min to go"
