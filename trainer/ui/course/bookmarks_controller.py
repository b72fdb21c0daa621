"""The bookmarks controller: calls the service and says what changed or failed.

Apart from the dialogs (``bookmarks_view.py``) so that start-up, which only
makes the controller, does not load them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from trainer.services.bookmarks import BookmarkService
from trainer.ui.common.operation import OperationRunner


class BookmarkController(QObject):
    bookmarks_changed = Signal()
    save_failed = Signal(str)

    def __init__(self, service: BookmarkService, parent: QObject | None = None):
        super().__init__(parent)
        self._ops = OperationRunner("The bookmark", self.save_failed.emit, plain_errors=(ValueError, KeyError))
        self.service = service

    def list(self) -> list[dict]:
        return self.service.list()

    def add(self, module_id: str, text: str, anchor: str = "", heading: str = "", note: str = "") -> dict | None:
        rec = self._ops.run(lambda: self.service.add(module_id, text, anchor, heading, note))
        if rec is not None:
            self.bookmarks_changed.emit()
        return rec

    def set_note(self, uid: str, note: str) -> bool:
        ok = self._ops.run(lambda: self.service.set_note(uid, note)) is not None
        if ok:
            self.bookmarks_changed.emit()
        return ok

    def delete(self, uid: str) -> dict | None:
        rec = self._ops.run(lambda: self.service.delete(uid))
        if rec is not None:
            self.bookmarks_changed.emit()
        return rec

    def restore(self, rec: dict) -> bool:
        ok = self._ops.run(lambda: self.service.restore(rec)) is not None
        if ok:
            self.bookmarks_changed.emit()
        return ok
