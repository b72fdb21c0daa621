"""Honest durations: a module's time is its reading time plus its activity's time.

Reading time is counted from the words of the body at an unhurried 200 words a
minute (plain prose for busy clinicians, some of it read twice). A module that
says ``duration_minutes`` should also say ``activity_minutes`` when it has an
exercise, so the reader sees both; ``trainer validate`` warns when the stated
total is far from reading plus activity.
"""

from __future__ import annotations

import math
import re

from trainer.domain.course import Module
from trainer.domain.diagnostics import WARNING, Diagnostic

WORDS_PER_MINUTE = 200
_WORD_RE = re.compile(r"[A-Za-z0-9\u00c0-\u024f][\w'\u2019-]*")
_FENCE_RE = re.compile(r"^\s{0,3}(```|~~~)")


def reading_minutes(body: str) -> int:
    """Minutes to read the body's prose (code blocks and markup left out), at least 1."""
    words = 0
    in_fence = False
    for line in body.splitlines():
        if _FENCE_RE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            words += len(_WORD_RE.findall(re.sub(r"\]\([^)]*\)|<[^>]+>", " ", line)))
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def duration_diagnostics(module: Module, line_of_duration: int) -> list[Diagnostic]:
    """A warning when the stated minutes are far from reading plus activity."""
    stated = module.duration_minutes
    if not stated or not module.body:
        return []
    reading = reading_minutes(module.body)
    activity = module.activity_minutes or 0
    honest = reading + activity
    if abs(stated - honest) <= max(5, honest // 4):
        return []
    what = f"{reading} min reading" + (f" + {activity} min activity" if activity else "")
    hint = "" if activity else "; if it has an exercise, add 'activity_minutes:'"
    return [
        Diagnostic(
            module.path,
            line_of_duration,
            WARNING,
            f"field 'duration_minutes': {stated} minutes, but the module is about {what} = {honest}{hint}",
        )
    ]
