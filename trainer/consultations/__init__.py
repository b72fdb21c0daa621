"""Branching consultations ("Your turn"): the format, its checks and path scoring. No Qt."""
