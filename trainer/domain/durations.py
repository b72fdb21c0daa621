"""Minutes spoken as hours: "1 h 30 min", "2 h", "45 min" (as the portfolio says them)."""

from __future__ import annotations


def hours_text(minutes: int) -> str:
    hours, mins = divmod(int(minutes), 60)
    if hours and mins:
        return f"{hours} h {mins} min"
    if hours:
        return f"{hours} h"
    return f"{mins} min"
