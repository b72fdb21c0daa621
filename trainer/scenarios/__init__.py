"""Paired practice scenarios: loading, validation, alignment and scoring (no Qt)."""
