"""The app's parts, typed: the one place where features find each other.

``trainer.app.build`` makes an ``AppParts``; the wiring in this package and a
feature's ``install`` receive it. Imports here are for type checking only, so
start-up loads nothing through this module.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from trainer.domain.plain import field, plain
from trainer.ui.common.lazy import Lazy

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from trainer.content import Content
    from trainer.records.store import RecordStore
    from trainer.services.search import Hit, SearchService
    from trainer.ui.course.bookmarks_controller import BookmarkController
    from trainer.ui.course.controller import CourseController
    from trainer.ui.journal.controller import JournalController
    from trainer.ui.shell.main_window import MainWindow

DEFAULT_PROFILE = "default"


@runtime_checkable
class ShowsRecords(Protocol):
    """A section that lists or sums up records: it re-reads them when records
    came in from outside (a backup, a feedback file). Forms being filled in
    are left alone."""

    def on_records_changed(self) -> None: ...


class Links:
    """How one feature asks for another: open a module, a search hit, a reflection.
    The shell makes them (``navigation.links``); features only call them. (A plain
    class: on the start-up path a dataclass costs about half a millisecond to make.)"""

    __slots__ = ("open_module", "open_hit", "open_reflection")

    def __init__(
        self,
        open_module: Callable[[str], None],
        open_hit: Callable[[Hit], None],
        open_reflection: Callable[[str, str], None],
    ) -> None:
        self.open_module, self.open_hit, self.open_reflection = open_module, open_hit, open_reflection


def _unlinked(*_args: object) -> None:
    """Before the shell has made the links (a feature on its own, in a test)."""


@plain
class AppParts:
    """What ``app.build`` makes, handed to each feature's ``install(parts)``."""

    store: RecordStore
    controller: CourseController
    window: MainWindow
    settings: QSettings
    content: Content
    profile_id: str = DEFAULT_PROFILE
    journal: JournalController | None = None
    data_dir: Path | None = None
    search: Lazy[SearchService] | None = None  # made at the first search
    bookmarks: BookmarkController | None = None
    links: Links = field(default_factory=lambda: Links(_unlinked, _unlinked, _unlinked))
