"""Add CPD done outside the app (a course, a conference, reading): title, date, time,
whether it was participatory, how it was done, a note and its certificate (a PDF or image)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from trainer.cpd.rules import EXTERNAL_MAX_MINUTES, METHODS
from trainer.ui.cpd.controller import CpdController


class ExternalCpdDialog(QDialog):
    def __init__(self, controller: CpdController, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle("Add other CPD")
        self.title = QLineEdit()
        self.title.setAccessibleName("What the CPD was")
        self.title.setPlaceholderText("e.g. Diabetes update study day")
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("d MMM yyyy")
        self.day.setAccessibleName("Date")
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0.25, EXTERNAL_MAX_MINUTES / 60)
        self.hours.setSingleStep(0.25)
        self.hours.setValue(1.0)
        self.hours.setSuffix(" h")
        self.hours.setAccessibleName("Hours")
        self.method = QComboBox()
        self.method.addItems(list(METHODS))
        self.method.setAccessibleName("How it was done")
        self.participatory = QCheckBox("&Participatory: I learned with other people")
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setAccessibleName("Note")
        self.note.setPlaceholderText("What you learned and how it relates to your practice (no patient details)")
        self.certificate: Path | None = None
        self.certificate_label = QLabel("No certificate attached")
        self.certificate_label.setWordWrap(True)
        self.certificate_button = QPushButton("&Attach a certificate\u2026")
        self.certificate_button.setAccessibleName("Attach a certificate: a PDF or image, copied into your data folder")
        self.certificate_button.clicked.connect(self.choose_certificate)
        self.problem = QLabel("")
        self.problem.setWordWrap(True)
        self.problem.hide()
        form = QFormLayout()
        form.addRow("&What:", self.title)
        form.addRow("&Date:", self.day)
        form.addRow("&Hours:", self.hours)
        form.addRow("H&ow:", self.method)
        form.addRow("", self.participatory)
        form.addRow("&Note:", self.note)
        attach = QHBoxLayout()
        attach.addWidget(self.certificate_button)
        attach.addWidget(self.certificate_label, 1)
        form.addRow("Certificate:", attach)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.on_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        controller.failed.connect(self.on_failed)

    def choose_certificate(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Attach a certificate", "", "Certificates (*.pdf *.png *.jpg *.jpeg)"
        )
        if name:
            self.set_certificate(Path(name))

    def set_certificate(self, path: Path | None) -> None:
        self.certificate = path
        self.certificate_label.setText(path.name if path else "No certificate attached")

    def on_failed(self, message: str) -> None:
        if self.isVisible():
            self.problem.setText(message)
            self.problem.show()

    def on_save(self) -> None:
        day = self.day.date()
        ok = self.controller.add_external(
            self.title.text(),
            f"{day.year():04d}-{day.month():02d}-{day.day():02d}",
            round(self.hours.value() * 60),
            self.participatory.isChecked(),
            self.method.currentText(),
            self.note.toPlainText(),
            self.certificate,
        )
        if ok:
            self.accept()
