"""New record ids. ``uuid`` (and the ``platform`` module it loads) is imported
at the first new record, not at start-up."""

from __future__ import annotations


def new_uid() -> str:
    import uuid

    return str(uuid.uuid4())
