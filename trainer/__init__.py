"""Practitioner Trainer: a course in self-management support."""

__version__ = "0.1.0"
