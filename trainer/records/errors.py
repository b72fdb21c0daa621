"""What can go wrong with a person's records, in words they can act on."""

from __future__ import annotations


class StoreError(Exception):
    """The records could not be opened or used; ``str(exc)`` is for people."""


class NewerSchemaError(StoreError):
    """The data folder was written by a newer version of the app."""


class StoreLockedError(StoreError):
    """Another running copy of the app holds the data folder."""

    def __init__(self, message: str, owner: dict | None = None):
        super().__init__(message)
        self.owner = owner or {}


class ReadOnlyStoreError(PermissionError):
    """A write was attempted on a store opened read-only.

    A ``PermissionError`` (so an ``OSError``): the UI's existing save guards
    catch it and show their "could not be saved" message.
    """

    def __init__(
        self,
        message: str = "These records are open read-only because another copy "
        "of Practitioner Trainer is using the data folder; nothing can be saved here.",
    ):
        super().__init__(13, message)
        self.strerror = message

    def __str__(self) -> str:
        return self.strerror


class StoreConflictError(OSError):
    """The files on disk were changed behind this store's back."""
