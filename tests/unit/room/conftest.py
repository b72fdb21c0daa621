"""Fixtures of the live room's tests: see tests/room_support.py."""

from room_support import course, events, room, service, session, state_at, taster  # noqa: F401
