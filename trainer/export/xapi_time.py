"""Timestamps for xAPI statements: RFC 3339, with a zone, never in the future.

A record with only a date (a reflection, a self-assessment) gets the time of
day it was saved (its ``updated``, else ``created``) in the learner's zone;
a time after "now" (a date typed in the future) becomes "now".
"""

from __future__ import annotations

from datetime import date, datetime, time, tzinfo


def local_zone() -> tzinfo:
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None
    return zone


def _parse(value: object, zone: tzinfo) -> datetime | None:
    text = str(value or "").strip()
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment


def full_time(value: object, rec: dict, now: str, zone: tzinfo) -> str | None:
    """``value`` (a date or a date and time) as an RFC 3339 date-time in ``zone``."""
    text = str(value or "").strip()
    if not text:
        return None
    latest = _parse(now, zone) or datetime.now(zone)
    if len(text) == 10:
        try:
            day = date.fromisoformat(text)
        except ValueError:
            return None
        saved = _parse(rec.get("updated"), zone) or _parse(rec.get("created"), zone)
        clock = saved.astimezone(zone).time() if saved is not None else time(12, 0)
        moment = datetime.combine(day, clock, tzinfo=zone)
    else:
        parsed = _parse(text, zone)
        if parsed is None:
            return None
        moment = parsed
    if moment > latest:
        moment = latest
    return moment.astimezone(zone).isoformat(timespec="seconds")
