"""What the self-assessment and observer views do alike with their record bar:
choose a record (asking before unsaved changes are lost), start a new one,
save, and hear that a record was deleted or a save failed.

A view mixes this in before QWidget and provides ``KIND`` (its record kind),
``bar`` (a ``RecordBar``), ``uid``, ``_records()``, ``open(uid)``, ``new()``,
``draft()`` and ``_save_record(draft, uid)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trainer.ui.skills.editor import RecordBar


class RecordSlots:
    KIND = ""
    _saving = False

    # What the view provides (see above); declared here for the type checker only.
    bar: RecordBar
    uid: str | None

    if TYPE_CHECKING:

        def _records(self) -> list[dict]: ...
        def open(self, uid: str | None) -> None: ...
        def new(self) -> None: ...
        def draft(self) -> dict: ...
        def _save_record(self, draft: dict, uid: str | None) -> None: ...

    def save(self) -> None:
        self._saving = True  # so that a failure reported now is shown in this view's bar
        try:
            self._save_record(self.draft(), self.uid)
        finally:
            self._saving = False

    def on_bar_record_chosen(self, uid: str | None) -> None:
        if uid != self.uid and not self.bar.may_discard():
            self.bar.set_records(self._records(), self.uid)  # put the choice back
            return
        self.open(uid)

    def on_bar_new_requested(self) -> None:
        if self.bar.may_discard():
            self.new()

    def on_controller_record_deleted(self, kind: str, uid: str) -> None:
        if kind != self.KIND:
            return
        if uid == self.uid:
            self.new()
            self.bar.show_status("Deleted.")
        else:
            self.bar.set_records(self._records(), self.uid)

    def on_controller_save_failed(self, message: str) -> None:
        if self._saving:
            self.bar.show_status(message, error=True)
