"""The app's parts, typed: the one place where features find each other.

``trainer.app.build`` makes an ``AppParts``; the wiring in this package and a
feature's ``install`` receive it. Imports here are for type checking only, so
start-up loads nothing through this module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar, runtime_checkable

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from trainer.records.store import RecordStore
    from trainer.services.search import SearchService
    from trainer.ui.course.bookmarks_controller import BookmarkController
    from trainer.ui.course.controller import CourseController
    from trainer.ui.journal.controller import JournalController
    from trainer.ui.shell.main_window import MainWindow

T = TypeVar("T")

DEFAULT_PROFILE = "default"


class Lazy(Generic[T]):
    """A service whose code is loaded when it is first used, not at start-up."""

    def __init__(self, make: Callable[[], T]) -> None:
        self._make = make
        self._made: T | None = None

    def get(self) -> T:
        if self._made is None:
            self._made = self._make()
        return self._made


@runtime_checkable
class ShowsRecords(Protocol):
    """A section that lists or sums up records: it re-reads them when records
    came in from outside (a backup, a feedback file). Forms being filled in
    are left alone."""

    def on_records_changed(self) -> None: ...


@dataclass
class AppParts:
    store: RecordStore
    controller: CourseController
    window: MainWindow
    settings: QSettings
    profile_id: str = DEFAULT_PROFILE
    journal: JournalController | None = None
    data_dir: Path | None = None
    search: Lazy[SearchService] | None = None  # made at the first search
    bookmarks: BookmarkController | None = None
