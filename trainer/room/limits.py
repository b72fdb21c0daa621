"""Limits on what one phone or one address may send: a token bucket with an injected clock."""

from __future__ import annotations

import time
from collections.abc import Callable


class Bucket:
    """``capacity`` requests at once, refilled at ``rate`` a second."""

    def __init__(self, capacity: float, rate: float, clock: Callable[[], float] = time.monotonic):
        self.capacity = capacity
        self.rate = rate
        self._clock = clock
        self._level = capacity
        self._at = clock()

    def take(self, amount: float = 1.0) -> bool:
        now = self._clock()
        self._level = min(self.capacity, self._level + (now - self._at) * self.rate)
        self._at = now
        if self._level < amount:
            return False
        self._level -= amount
        return True


class Buckets:
    """One bucket per key (an address or a token), forgetting the oldest past ``most`` keys."""

    def __init__(self, capacity: float, rate: float, clock: Callable[[], float] = time.monotonic, most: int = 4096):
        self._make = lambda: Bucket(capacity, rate, clock)
        self._most = most
        self._by_key: dict[str, Bucket] = {}

    def take(self, key: str, amount: float = 1.0) -> bool:
        bucket = self._by_key.get(key)
        if bucket is None:
            if len(self._by_key) >= self._most:
                self._by_key.pop(next(iter(self._by_key)))
            bucket = self._by_key[key] = self._make()
        return bucket.take(amount)
