"""``trainer export`` and ``trainer restore``, without Qt.

The CLI parses arguments and passes a ``pdf_writer`` for the PDF format
(that one needs Qt, so it lives in ``trainer/printing/``). Errors a
person can fix raise ExportError with one plain line.
"""

from __future__ import annotations

import errno
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from trainer.export.backup import BackupError, backup_json, export_backup, read_backup
from trainer.export.documents import portfolio_html, portfolio_markdown
from trainer.export.period import Period, PeriodError
from trainer.export.portfolio import build_portfolio, section_choices
from trainer.export.sections_consultations import consultations_csv
from trainer.export.sections_review import reviews_csv
from trainer.export.spreadsheet import checks_csv, progress_csv, ratings_csv
from trainer.export.xapi import DEFAULT_HOME, xapi_statements
from trainer.records.storage import atomic_write_bytes
from trainer.services.backup import BackupService
from trainer.services.profiles import ProfileService

FORMATS = ("pdf", "html", "md", "csv", "json", "xapi")
CSV_TABLES = ("progress", "ratings", "checks", "reviews", "consultations")


class ExportError(Exception):
    """One plain line for the person; nothing has been written."""


@dataclass
class ExportRequest:
    fmt: str
    output: Path
    profile: str | None = None  # None: the last-used profile (all profiles for json)
    start: str | None = None
    end: str | None = None
    sections: list[str] | None = None
    table: str | None = None  # csv: one table, or both when None
    home: str = DEFAULT_HOME


def parse_sections(text: str | None) -> list[str] | None:
    if text is None or not text.strip():
        return None
    known = [k for k, _t, _d in section_choices()]
    chosen = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [c for c in chosen if c not in known]
    if unknown:
        raise ExportError(f"unknown section '{unknown[0]}': choose from {', '.join(known)}")
    return chosen


def check_home(url: str) -> str:
    """An organisation's home page for xAPI accounts: an http(s) address."""
    parts = urlparse(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ExportError(f"xapi home page '{url}' should be an address like https://lms.example.org")
    return url.strip().rstrip("/")


def resolve_profile(store, name: str | None) -> str:
    """The profile id for a name the person typed (a profile's name or id);
    without a name, the profile the app would open (the last one used)."""
    profiles = ProfileService(store)
    if name is None:
        return profiles.default_profile().id
    found = profiles.find_by_name(name) or profiles.get(name.strip())
    if found is not None:
        return found.id
    known = known_profiles(store)
    if name in known:  # records of a profile that has no profile record (older data)
        return name
    names = sorted(p.name for p in profiles.list()) or sorted(known)
    raise ExportError(f"no profile '{name}' in this data folder; profiles: {', '.join(names) or 'none'}")


def known_profiles(store) -> set[str]:
    return {str(r["profile"]) for kind in store.kinds() for r in store.all(kind) if isinstance(r.get("profile"), str)}


def check_output(path: Path) -> Path:
    path = Path(path)
    if path.is_dir():
        raise ExportError(f"{path} is a folder: give a file name with -o")
    if not path.parent.is_dir():
        raise ExportError(f"folder not found for the output file: {path.parent}")
    return path


def not_written(path: Path, exc: OSError) -> str:
    """One plain line for an export that could not be written to ``path``."""
    why = {
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EROFS: "the disk is read-only",
        errno.ENOSPC: "the disk is full",
    }.get(exc.errno or 0, (exc.strerror or str(exc)).lower())
    return f"could not write {path}: {why}; choose another folder with -o"


def check_writable(path: Path) -> None:
    """Raise OSError now if no file can be made beside ``path`` (PDF: before Qt tries and complains)."""
    with tempfile.NamedTemporaryFile(dir=Path(path).parent, prefix=".trainer-probe-"):
        pass


def _write(path: Path, text: str | bytes) -> Path:
    path = check_output(path)
    atomic_write_bytes(path, text.encode("utf-8") if isinstance(text, str) else text)
    _usual_permissions(path)
    return path


def _usual_permissions(path: Path) -> None:
    """A temp file is private (0600); an export should open like any saved file."""
    if os.name == "posix":
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(path, 0o666 & ~mask)


def run_export(
    req: ExportRequest, store, content, pdf_writer: Callable[[dict, Path], None] | None = None
) -> list[Path]:
    """Write the export; returns the files written."""
    if req.fmt not in FORMATS:
        raise ExportError(f"unknown format '{req.fmt}': choose from {', '.join(FORMATS)}")
    try:
        period = Period.parse(req.start, req.end)
    except PeriodError as exc:
        raise ExportError(str(exc)) from None
    output = Path(req.output)
    if req.fmt == "json":
        profile = None if req.profile is None else resolve_profile(store, req.profile)
        return [_write(output, backup_json(export_backup(store, profile)))]
    profile = resolve_profile(store, req.profile)
    if req.fmt == "xapi":
        statements = xapi_statements(store, profile, content, period, home=req.home)
        return [_write(output, json.dumps(statements, ensure_ascii=False, indent=1) + "\n")]
    if req.fmt == "csv":
        makers = {
            "progress": progress_csv,
            "ratings": ratings_csv,
            "checks": checks_csv,
            "reviews": reviews_csv,
            "consultations": consultations_csv,
        }
        if req.table is not None:
            if req.table not in makers:
                raise ExportError(f"unknown table '{req.table}': choose from {', '.join(CSV_TABLES)}")
            return [_write(output, "\ufeff" + makers[req.table](store, profile, content, period))]
        stem = output.name[:-4] if output.name.lower().endswith(".csv") else output.name
        return [
            _write(output.with_name(f"{stem}-{t}.csv"), "\ufeff" + makers[t](store, profile, content, period))
            for t in CSV_TABLES
        ]
    portfolio = build_portfolio(store, profile, content, period, include=req.sections)
    if req.fmt == "html":
        return [_write(output, portfolio_html(portfolio))]
    if req.fmt == "md":
        return [_write(output, portfolio_markdown(portfolio))]
    if pdf_writer is None:
        raise ExportError("PDF export needs the desktop part of the app (PySide6)")
    check_output(output)
    check_writable(output)
    pdf_writer(portfolio, output)
    return [output]


def run_restore(path: Path, data_dir: Path, open_store: Callable) -> str:
    """Check the whole file first, then merge it into the data folder."""
    try:
        data = read_backup(Path(path))
    except BackupError as exc:
        raise ExportError(str(exc)) from None
    if Path(data_dir).exists() and not Path(data_dir).is_dir():
        raise ExportError(f"data folder is a file, not a folder: {data_dir}")
    store = open_store(Path(data_dir))
    try:
        report = BackupService(store).restore_data(data).report  # keeps profile uids, no same-named twin
    finally:
        store.close()
    return f"restored into {data_dir}: {report.summary()}"
