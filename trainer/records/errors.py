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
        return self.strerror or ""


class StoreConflictError(OSError):
    """The files on disk were changed behind this store's back."""


class FolderNotWritableError(StoreError):
    """The data folder cannot be written to (read-only, no permission, or a full disk)."""


def not_writable_message(folder, exc: OSError) -> str:
    """One plain line: which folder, why, and what to do."""
    import errno

    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return (
            f"The data folder {folder} cannot be written to because the disk is full: free some space, then try again."
        )
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return (
            f"The data folder {folder} cannot be written to (it is read-only or you do not have "
            "permission): make it writable, or choose another folder with --data."
        )
    return (
        f"The data folder {folder} cannot be used ({exc.strerror or exc}): "
        "check the folder, or choose another one with --data."
    )
