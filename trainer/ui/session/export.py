"""Saving what a session produced: the report (HTML or PDF), feedback bundles,
attendance files and certificates, and importing a bundle or an attendance
file into this person's records (File menu).

The HTML comes from ``trainer.sessions.report`` (Qt-free); only the PDF step,
which lays the same HTML out with QTextDocument and prints it with
QPdfWriter, needs Qt.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from trainer.domain.errors import reason
from trainer.printing.documents import write_certificates_pdf, write_report_pdf
from trainer.records.storage import atomic_write_bytes
from trainer.records.store import RecordStore
from trainer.services.attendance import AttendanceService
from trainer.sessions.attendance import AttendanceError
from trainer.sessions.bundles import BundleError, read_bundle, store_bundle
from trainer.sessions.counts import thresholds_from
from trainer.sessions.report import render_report_html
from trainer.ui.common.background import run_in_background
from trainer.ui.session.controller import TeamSessionController

if TYPE_CHECKING:
    from trainer.ui.shell.main_window import MainWindow


def report_html(controller: TeamSessionController, include_names: bool, framework=None) -> str:
    session = controller.session
    assert session is not None  # called for the open session
    return render_report_html(
        session,
        controller.plan,
        controller.service.observations(session["uid"]),
        include_names=include_names,
        thresholds=thresholds_from(framework),
        skill_names=controller.skill_names,
    )


def save_report(path: Path, html: str, date: str = "") -> Path:
    path = Path(path)
    if path.suffix.lower() == ".pdf":
        write_report_pdf(html, path, date)
    else:
        if path.suffix.lower() not in (".html", ".htm"):
            path = path.with_suffix(".html")
        atomic_write_bytes(path, html.encode("utf-8"))
    return path


def ask_save_report(
    parent: QWidget, controller: TeamSessionController, include_names: bool, framework=None
) -> Path | None:
    session = controller.session
    if session is None:
        return None
    suggested = f"session-report-{session['date']}.pdf"
    path, _ = QFileDialog.getSaveFileName(
        parent, "Save session report", suggested, "PDF document (*.pdf);;Web page (*.html)"
    )
    if not path:
        return None
    try:
        return save_report(Path(path), report_html(controller, include_names, framework), session["date"])
    except OSError as exc:
        QMessageBox.warning(parent, "Could not save the report", f"The report could not be saved: {reason(exc)}.")
        return None


def export_bundles(controller: TeamSessionController, outdir: Path) -> list[Path]:
    session = controller.session
    assert session is not None  # called for the open session
    return controller.service.write_feedback_bundles(session, controller.plan, outdir)


def export_attendance(controller: TeamSessionController, outdir: Path) -> list[Path]:
    """An attendance file for everyone present, observed or not."""
    session = controller.session
    assert session is not None  # called for the open session
    return controller.service.write_attendance_files(session, controller.plan, outdir)


def save_certificates(controller: TeamSessionController, path: Path) -> int:
    """Certificates of attendance for the whole room as one PDF; returns the page count."""
    session = controller.session
    assert session is not None  # called for the open session
    files = controller.service.attendance(session, controller.plan)
    return write_certificates_pdf(files, Path(path), session.get("title", ""))


def ask_save_certificates(parent: QWidget, controller: TeamSessionController) -> Path | None:
    session = controller.session
    if session is None:
        return None
    if not controller.service.present(session):
        QMessageBox.information(parent, "No attendees", "No one is marked present in this session.")
        return None
    suggested = f"certificates-{session['date']}.pdf"
    path, _ = QFileDialog.getSaveFileName(parent, "Save certificates of attendance", suggested, "PDF document (*.pdf)")
    if not path:
        return None
    try:
        save_certificates(controller, Path(path))
    except (OSError, AttendanceError) as exc:
        why = reason(exc) if isinstance(exc, OSError) else str(exc)
        QMessageBox.warning(parent, "Could not save the certificates", f"The certificates could not be saved: {why}.")
        return None
    return Path(path)


def ask_export_bundles(parent: QWidget, controller: TeamSessionController) -> list[Path]:
    if controller.session is None:
        return []
    folder = QFileDialog.getExistingDirectory(parent, "Folder for the feedback files")
    if not folder:
        return []
    try:
        paths = export_bundles(controller, Path(folder)) + export_attendance(controller, Path(folder))
    except (OSError, AttendanceError) as exc:
        why = reason(exc) if isinstance(exc, OSError) else str(exc)
        QMessageBox.warning(
            parent, "Could not export", f"The feedback and attendance files could not be written: {why}."
        )
        return []
    if not paths:
        QMessageBox.information(parent, "Nothing to export", "No one is marked present and no notes are saved yet.")
    return paths


def import_bundle_file(window: MainWindow, store: RecordStore, profile_id: str, path: Path) -> str:
    """File > Import feedback bundle: the file is read and checked in a worker thread (a big
    bundle takes seconds), then stored in one step on the UI thread."""
    try:
        bundle = run_in_background(lambda: read_bundle(path), name="read-bundle")
        message = store_bundle(store, profile_id, bundle, Path(path).name).message()
    except BundleError as exc:
        QMessageBox.warning(window, "Could not import", str(exc))
        return str(exc)
    except OSError as exc:
        message = f"The feedback could not be saved: {reason(exc)}."
        QMessageBox.warning(window, "Could not import", message)
        return message
    window.statusBar().showMessage(message, 8000)
    window.records_changed.emit()
    return message


def import_attendance_file(window: MainWindow, store: RecordStore, profile_id: str, path: Path) -> str:
    """File > Import attendance file: check the whole file, then add one record (never twice)."""
    try:
        message = AttendanceService(store, profile_id).import_file(Path(path)).message()
    except AttendanceError as exc:
        QMessageBox.warning(window, "Could not import", str(exc))
        return str(exc)
    except OSError as exc:
        message = f"The attendance could not be saved: {reason(exc)}."
        QMessageBox.warning(window, "Could not import", message)
        return message
    window.statusBar().showMessage(message, 8000)
    window.records_changed.emit()
    return message
