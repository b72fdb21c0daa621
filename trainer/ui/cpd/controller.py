"""The CPD section's controller: calls ``CpdService`` through the operation runner and
says what happened in past-tense signals."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from trainer.cpd.log import CpdLog
from trainer.cpd.regulators import REGULATORS
from trainer.services.attendance import AttendanceService
from trainer.services.cpd import CpdError, CpdService, Item, Revalidation
from trainer.sessions.attendance_kind import AttendanceError
from trainer.ui.common.operation import OperationRunner


class CpdController(QObject):
    records_changed = Signal()  # evidence picked, an attendance imported, the cycle changed
    records_added = Signal()  # new CPD came in (attendance, other CPD): other sections may show it
    failed = Signal(str)
    done = Signal(str)  # a one-line message for the status bar

    def __init__(self, service: CpdService, attendance: AttendanceService, parent: QObject | None = None):
        super().__init__(parent)
        self.service = service
        self.attendance = attendance
        self.runner = OperationRunner("Your CPD record", self.failed.emit, plain_errors=(CpdError, AttendanceError))
        self.regulator, self.cycle_end = service.choice()

    # -- reading ---------------------------------------------------------------------
    def log(self) -> CpdLog:
        return self.service.log()

    def revalidation(self) -> Revalidation:
        return self.service.revalidation(self.regulator, self.cycle_end)

    def candidates(self) -> list[Item]:
        return self.service.candidates()

    def evidence(self) -> dict[str, list[dict]]:
        return self.service.evidence(self.regulator)

    def requirements(self):
        return REGULATORS[self.regulator].requirements

    # -- writing ---------------------------------------------------------------------
    def choose(self, regulator: str, cycle_end: str) -> bool:
        if (regulator, cycle_end) == (self.regulator, self.cycle_end):
            return True
        if self.runner.ok(lambda: self.service.choose(regulator, cycle_end)):
            self.regulator, self.cycle_end = regulator, cycle_end
            self.records_changed.emit()
            return True
        return False

    def pick(self, requirement: str, items: list[Item]) -> bool:
        if self.runner.ok(lambda: self.service.pick(self.regulator, requirement, items)):
            n = len(items)
            self.done.emit(f"{n} piece{'s' if n != 1 else ''} of evidence kept for this requirement.")
            self.records_changed.emit()
            return True
        return False

    def add_external(
        self,
        title: str,
        day: str,
        minutes: int,
        participatory: bool,
        method: str,
        note: str,
        certificate: Path | None = None,
    ) -> bool:
        add = self.service.add_external
        if self.runner.ok(lambda: add(title, day, minutes, participatory, method, note, certificate)):
            self.done.emit(f"Added to your CPD log: {' '.join(title.split())}.")
            self.records_changed.emit()
            self.records_added.emit()
            return True
        return False

    def import_attendance(self, path: Path) -> bool:
        result = self.runner.run(lambda: self.attendance.import_file(Path(path)))
        if result is None:
            return False
        self.done.emit(result.message())
        self.records_changed.emit()
        if result.added:
            self.records_added.emit()
        return True

    def pack(self) -> dict | None:
        """The pack's data, or None (with ``failed`` emitted) if the privacy check stops it."""
        return self.runner.run(lambda: self.service.pack(self.regulator, self.cycle_end))
