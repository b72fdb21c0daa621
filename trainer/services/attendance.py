"""Attendance at team sessions, the attendee's side: import the attendance file the
trainer wrote (``TeamSessionService.write_attendance_files``) so that the CPD log
credits the session.

The format and its checks are in ``trainer.sessions.attendance``. The whole
file is checked first; then one store call adds one record, never twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from trainer.domain.durations import hours_text
from trainer.records.schemas import problem
from trainer.records.store import RecordStore
from trainer.sessions.attendance_kind import KIND, AttendanceError


@dataclass(frozen=True)
class AttendanceImport:
    added: bool
    title: str
    date: str
    minutes: int

    def message(self) -> str:
        what = f"the team session '{self.title}' of {self.date} ({hours_text(self.minutes)})"
        if not self.added:
            return f"Nothing new: {what} is already in your CPD log."
        return f"Added {what} to your CPD log."


class AttendanceService:
    """The attendee's side: import an attendance file into this profile's records."""

    def __init__(self, store: RecordStore, profile_id: str):
        self._store = store
        self.profile_id = profile_id

    def import_file(self, path: Path) -> AttendanceImport:
        """Check the whole file, then add one ``session_attendance`` record (or nothing,
        if it is already there). Raises AttendanceError (one line) for a bad file."""
        from trainer.sessions.attendance import attendance_record, read_attendance  # lazy: the same, for the file

        path = Path(path)
        att = read_attendance(path)
        rec = attendance_record(att, self.profile_id, path.name)
        why = problem(KIND, rec)
        if why is not None:  # the file passed its own schema; the record must pass the store's
            raise AttendanceError(f"{path.name}: {why}")
        if self._store.get(KIND, rec["uid"]) is not None:
            return AttendanceImport(False, rec["title"], rec["date"], rec["minutes"])
        self._store.add(KIND, rec)
        return AttendanceImport(True, rec["title"], rec["date"], rec["minutes"])

    def attended(self) -> list[dict]:
        """This profile's attended sessions, newest first."""
        found = self._store.all(KIND, profile=self.profile_id)
        return sorted(found, key=lambda r: (r.get("date", ""), r.get("uid", "")), reverse=True)
