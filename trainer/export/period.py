"""Date ranges for exports, and reading the dates records carry.

Records store ISO 8601 times (``2026-03-04T10:15:00+00:00``) or plain dates
(``2026-03-04``). A period is inclusive at both ends and compares calendar
dates only, so "from 1 March to 31 March" means what a person expects.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


class PeriodError(ValueError):
    """A date the person typed could not be read."""


def parse_day(text: str | None, what: str = "date") -> date | None:
    """``'2026-03-04'`` -> date; empty -> None; anything else -> PeriodError."""
    if text is None or not str(text).strip():
        return None
    try:
        return date.fromisoformat(str(text).strip())
    except ValueError:
        raise PeriodError(f"{what} '{text}' is not a date like 2026-03-31") from None


def day_of(value) -> date | None:
    """The calendar date of a stored time, or None when there is none."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text).date()  # reads a trailing Z since Python 3.11
    except ValueError:
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            return None


@dataclass(frozen=True)
class Period:
    start: date | None = None
    end: date | None = None

    @classmethod
    def parse(cls, start: str | None, end: str | None) -> Period:
        period = cls(parse_day(start, "from date"), parse_day(end, "to date"))
        if period.start and period.end and period.start > period.end:
            raise PeriodError(f"the from date {period.start} is after the to date {period.end}")
        return period

    def contains(self, value) -> bool:
        """True when the stored time falls inside; undated records count as inside
        only when the period is open on both ends."""
        day = day_of(value)
        if day is None:
            return self.start is None and self.end is None
        if self.start and day < self.start:
            return False
        if self.end and day > self.end:
            return False
        return True

    def describe(self) -> str:
        if self.start and self.end:
            return f"{_long(self.start)} to {_long(self.end)}"
        if self.start:
            return f"from {_long(self.start)}"
        if self.end:
            return f"up to {_long(self.end)}"
        return "all dates"


def _long(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def long_date(value) -> str:
    """``'2026-03-04T10:00:00+00:00'`` -> ``'4 March 2026'`` (empty when unknown)."""
    day = day_of(value)
    return _long(day) if day else ""


def iso_day(value) -> str:
    day = day_of(value)
    return day.isoformat() if day else ""
