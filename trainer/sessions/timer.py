"""A phase countdown with an injected clock (pure; no real waiting in tests).

``clock`` returns seconds as a float (``time.monotonic`` in the app). The
timer only reads the clock when asked, so the UI may poll it as often as it
likes; ``finished`` becomes true once the time, plus any extensions, is up.
"""

from __future__ import annotations

import time
from collections.abc import Callable


class PhaseTimer:
    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic):
        self._clock = clock
        self.duration = max(0.0, float(seconds))
        self._used = 0.0  # seconds run before the current start
        self._started_at: float | None = None

    # -- state -------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._started_at is not None

    @property
    def started(self) -> bool:
        return self.running or self._used > 0

    def elapsed(self) -> float:
        now = self._clock() if self._started_at is not None else 0.0
        return self._used + (now - self._started_at if self._started_at is not None else 0.0)

    def remaining(self) -> float:
        return max(0.0, self.duration - self.elapsed())

    @property
    def finished(self) -> bool:
        return self.elapsed() >= self.duration

    # -- commands ----------------------------------------------------------------
    def start(self) -> None:
        if self._started_at is None:
            self._started_at = self._clock()

    resume = start

    def pause(self) -> None:
        if self._started_at is not None:
            self._used += self._clock() - self._started_at
            self._started_at = None

    def toggle(self) -> None:
        self.pause() if self.running else self.start()

    def extend(self, seconds: float = 60.0) -> None:
        """Add time; after the end, the countdown restarts from the added time."""
        if self.finished:
            self._used = self.duration
            if self._started_at is not None:
                self._started_at = self._clock()
        self.duration += seconds

    def reset(self, seconds: float | None = None) -> None:
        if seconds is not None:
            self.duration = max(0.0, float(seconds))
        self._used = 0.0
        self._started_at = None


def format_remaining(seconds: float) -> str:
    """'12:05' style, rounding up so that 0:00 means the time is really up."""
    whole = int(seconds) + (1 if seconds - int(seconds) > 1e-9 else 0)
    minutes, secs = divmod(max(0, whole), 60)
    return f"{minutes}:{secs:02d}"
