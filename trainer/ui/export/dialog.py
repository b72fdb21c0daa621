"""File > Export…: choose a format, a date range, sections and a file.

The dialog only gathers choices; the work is done by the Qt-free
``trainer.services.exports.run_export`` (and ``trainer.printing`` for
PDF), with a QProgressDialog while it runs. It tells the window how it went
through two signals: ``export_finished(str)`` and ``export_failed(str)``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, QSettings, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trainer.domain import tokens
from trainer.domain.errors import reason
from trainer.export.portfolio import section_choices
from trainer.services.exports import ExportError, ExportRequest, run_export
from trainer.ui.common.check_box import CheckBox
from trainer.ui.common.dialog_size import fit_to_window

# key, label, file suffix, what it is for
FORMATS = [
    ("pdf", "Portfolio as PDF (to print or send)", ".pdf"),
    ("html", "Portfolio as a web page (HTML)", ".html"),
    ("md", "Portfolio as Markdown text", ".md"),
    ("csv", "Spreadsheets of progress, ratings and knowledge checks (CSV)", ".csv"),
    ("json", "Backup of everything, to move to another computer (JSON)", ".json"),
    ("xapi", "Learning records for an organisation's LRS (xAPI JSON)", ".json"),
]
PORTFOLIO = {"pdf", "html", "md"}
HINTS = {
    "pdf": "A document to hand to an appraiser: each section starts on a new page.",
    "html": "Opens in any web browser; print it from there if you like.",
    "md": "Plain text with headings, for notes apps and version control.",
    "csv": "Three files: one row per module, one per skill rating, and one per answer to a knowledge check.",
    "json": "Every record of this profile, to keep safe or to import on another computer.",
    "xapi": "xAPI statements for a learning record store. Reflection text is not included.",
}


class ExportDialog(QDialog):
    export_finished = Signal(str)
    export_failed = Signal(str)

    def __init__(
        self,
        store,
        content,
        profile_id: str = "default",
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.store, self.content, self.profile_id, self.settings = store, content, profile_id, settings
        self.setWindowTitle("Export")
        self.setMinimumWidth(520)
        self._build()
        last = settings.value("export/format") if settings is not None else None
        if isinstance(last, str) and self.format_box.findData(last) >= 0:
            self.format_box.setCurrentIndex(self.format_box.findData(last))
        self.on_format_changed()

    # -- layout ------------------------------------------------------------------------
    def _build(self) -> None:
        form = QFormLayout()
        self.format_box = QComboBox()
        self.format_box.setAccessibleName("Export format")
        # not as wide as the longest format's name: the list itself opens wider (800x600 at 175%)
        self.format_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.format_box.setMinimumContentsLength(24)
        for key, label, _suffix in FORMATS:
            self.format_box.addItem(label, key)
        names = self.format_box.view()  # the open list shows every name whole
        names.setMinimumWidth(names.sizeHintForColumn(0) + 2 * tokens.SPACE_2)
        format_label = QLabel("&Format:")
        format_label.setBuddy(self.format_box)
        form.addRow(format_label, self.format_box)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setObjectName("hint")
        form.addRow("", self.hint)

        self.limit_dates = CheckBox("&Only records between these dates")
        self.limit_dates.setAccessibleName("Limit to a date range")
        today = QDate.currentDate()
        self.from_date, self.to_date = QDateEdit(today.addYears(-1)), QDateEdit(today)
        for edit, name in ((self.from_date, "From date"), (self.to_date, "To date")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.setAccessibleName(name)
            edit.setEnabled(False)
        dates = QHBoxLayout()
        from_label, to_label = QLabel("Fro&m"), QLabel("&to")
        from_label.setBuddy(self.from_date)
        to_label.setBuddy(self.to_date)
        for w in (from_label, self.from_date, to_label, self.to_date):
            dates.addWidget(w)
        dates.addStretch(1)
        form.addRow(self.limit_dates)
        form.addRow("", dates)

        self.sections_box = QGroupBox("Include in the portfolio")
        grid = QGridLayout(self.sections_box)  # two columns: it fits a small window at a large zoom
        self.section_checks: dict[str, QCheckBox] = {}
        choices = section_choices()
        half = (len(choices) + 1) // 2  # read down the first column, then the second
        for n, (key, title, description) in enumerate(choices):
            check = CheckBox(title)
            check.setChecked(True)
            check.setToolTip(description)
            check.setAccessibleName(f"Include {title.lower()}")
            check.setAccessibleDescription(description)
            grid.addWidget(check, n % half, n // half)
            self.section_checks[key] = check

        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName("File to save")
        self.browse_button = QPushButton("&Choose…")
        self.browse_button.setAccessibleName("Choose the file to save")
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        file_label = QLabel("&Save as:")
        file_label.setBuddy(self.path_edit)
        file_form = QFormLayout()
        file_form.addRow(file_label, path_row)

        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # names files the person chose
        self.message.setWordWrap(True)
        self.message.setObjectName("message")
        self.message.setAccessibleName("Export message")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton("&Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        self.export_button.setAccessibleName("Export")

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.sections_box)
        layout.addLayout(file_form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.format_box.currentIndexChanged.connect(self.on_format_changed)
        self.limit_dates.toggled.connect(self.on_limit_dates_toggled)
        self.browse_button.clicked.connect(self.on_browse_clicked)
        self.buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self.on_export_clicked)
        em = self.fontMetrics().height()
        self.resize(max(self.sizeHint().width(), em * 36), self.sizeHint().height())  # room for the path
        fit_to_window(self)

    # -- choices -----------------------------------------------------------------------
    def fmt(self) -> str:
        return self.format_box.currentData()

    def set_format(self, key: str) -> None:
        self.format_box.setCurrentIndex(self.format_box.findData(key))

    def suffix(self) -> str:
        return next(s for k, _l, s in FORMATS if k == self.fmt())

    def default_folder(self) -> Path:
        saved = self.settings.value("export/folder") if self.settings is not None else None
        if isinstance(saved, str) and Path(saved).is_dir():
            return Path(saved)
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(docs) if docs and Path(docs).is_dir() else Path.home()

    def suggested_name(self) -> str:
        stem = {"csv": "cpd-records", "json": "trainer-backup", "xapi": "cpd-xapi"}.get(self.fmt(), "cpd-portfolio")
        return f"{stem}-{QDate.currentDate().toString('yyyy-MM-dd')}{self.suffix()}"

    def request(self) -> ExportRequest:
        limited = self.limit_dates.isChecked()
        start = self.from_date.date().toString("yyyy-MM-dd") if limited else None
        end = self.to_date.date().toString("yyyy-MM-dd") if limited else None
        sections = [k for k, c in self.section_checks.items() if c.isChecked()]
        fmt = self.fmt()
        return ExportRequest(
            fmt=fmt,
            output=Path(self.path_edit.text().strip()).expanduser(),
            profile=self.profile_id,
            start=start,
            end=end,
            sections=sections if fmt in PORTFOLIO else None,
        )

    # -- slots -------------------------------------------------------------------------
    def on_format_changed(self, *_args) -> None:
        fmt = self.fmt()
        self.hint.setText(HINTS[fmt])
        self.sections_box.setEnabled(fmt in PORTFOLIO)
        self.limit_dates.setEnabled(fmt != "json")
        self.on_limit_dates_toggled(self.limit_dates.isChecked())
        text = self.path_edit.text().strip()
        if not text or text == getattr(self, "_suggested", None):
            folder = Path(text).parent if text else self.default_folder()
            self._suggested = str(folder / self.suggested_name())
            self.path_edit.setText(self._suggested)
        else:  # keep the person's folder and name, change the ending
            self.path_edit.setText(str(Path(text).with_suffix(self.suffix())))
        self.message.clear()

    def on_limit_dates_toggled(self, checked: bool) -> None:
        usable = checked and self.limit_dates.isEnabled()
        self.from_date.setEnabled(usable)
        self.to_date.setEnabled(usable)

    def on_browse_clicked(self) -> None:
        label = self.format_box.currentText()
        chosen, _ = QFileDialog.getSaveFileName(self, "Export to", self.path_edit.text(), f"{label} (*{self.suffix()})")
        if chosen:
            self.path_edit.setText(chosen if chosen.endswith(self.suffix()) else chosen + self.suffix())

    def on_export_clicked(self) -> None:
        req = self.request()
        if not str(req.output) or str(req.output) == ".":
            self.show_problem("Choose where to save the file first.")
            return
        if req.fmt in PORTFOLIO and not req.sections:
            self.show_problem("Choose at least one thing to include in the portfolio.")
            return
        progress = QProgressDialog("Preparing your export…", "Stop", 0, 0, self)
        progress.setWindowTitle("Exporting")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setValue(0)
        QApplication.processEvents()

        def pdf_writer(portfolio: dict, path: Path) -> None:
            from trainer.printing.documents import write_portfolio_pdf  # lazy: Qt's PDF writer loads only for a PDF

            def step(done: int, total: int) -> bool:
                progress.setMaximum(total)
                progress.setLabelText(f"Writing page {done} of {total}…")
                progress.setValue(done)
                return not progress.wasCanceled()

            if write_portfolio_pdf(portfolio, path, progress=step) == 0:
                raise ExportError("Export stopped; no file was saved.")

        try:
            written = run_export(req, self.store, self.content, pdf_writer=pdf_writer)
        except ExportError as exc:
            progress.close()
            self.show_problem(_sentence(str(exc)))
            return
        except OSError as exc:
            progress.close()
            self.show_problem(f"Could not save the file: {reason(exc)}.")
            return
        progress.close()
        if self.settings is not None:
            self.settings.setValue("export/folder", str(written[0].parent))
            self.settings.setValue("export/format", req.fmt)
        names = " and ".join(str(p) for p in written)
        self.message.setText(f"Saved {names}")
        self.export_finished.emit(f"Exported to {names}")
        self.accept()

    def show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.export_failed.emit(text)


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith(".") else text + "."
