"""The observer's own form: observe one practitioner in one round of a team
session on this copy of the app, and save it as a file for the trainer.

The same tools as the trainer's observer form (trainer.ui.session.observer_form):
the live behaviour counter, the checklist with the observer's notes and the
1-5 globals, and a free note. The file's format is in docs/BUNDLES.md; the
trainer adds it with Team session › Import observer forms….
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from trainer.domain.errors import reason
from trainer.sessions.observation_file import (
    ObservationFileError,
    build_observation_file,
    default_file_name,
    new_form_uid,
    write_observation_file,
)
from trainer.sessions.session_code import LENGTH, is_code, normalise_code
from trainer.ui.common.dialog_size import fit_to_window
from trainer.ui.common.scroll_focus import keep_focus_visible
from trainer.ui.session.observer_form import observation_tools, typed_counts

MAX_ROUND = 30
NARROW_CHARS = 100  # below this many average characters wide, the details stack in one column


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


class ObservationFileDialog(QDialog):
    saved = Signal(str)  # the path written

    def __init__(self, framework=None, observer_name: str = "", parent=None, now=None):
        super().__init__(parent)
        self.framework = framework
        self.form_uid = new_form_uid()  # one form: saving again writes the same uid
        self._now = now
        self.counter = self.checklist = None
        self.spins: dict = {}
        self.saved_path: Path | None = None
        self.setWindowTitle("Observe a team session round")
        self.setAccessibleName("Observe a team session round")

        intro = QLabel("Fill this in while you watch, then save it and give the file to your trainer.")
        intro.setWordWrap(True)
        self.code_edit = QLineEdit()
        self.code_edit.setAccessibleName("Session code")
        self.code_edit.setPlaceholderText("e.g. K7P2QX")
        self.code_edit.setMaxLength(LENGTH + 4)
        self.code_edit.setToolTip("The six letters and digits your trainer gave out for this session")
        self.round_spin = QSpinBox()
        self.round_spin.setRange(1, MAX_ROUND)
        self.round_spin.setAccessibleName("Practice round number")
        self.practitioner_edit = QLineEdit()
        self.practitioner_edit.setAccessibleName("Practitioner observed")
        self.practitioner_edit.setPlaceholderText("Name as on the trainer's list")
        self.observer_edit = QLineEdit(observer_name)
        self.observer_edit.setAccessibleName("Your name (the observer)")
        self.note_edit = QPlainTextEdit()
        self.note_edit.setAccessibleName("Observer's note")
        self.note_edit.setPlaceholderText("What went well, one moment that stood out, one thing to try next")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 2 + 12)
        self.note_edit.setMaximumHeight(110)  # the counter and checklist get the room
        self._labels = [
            (_buddy("Session &code:", self.code_edit), self.code_edit),
            (_buddy("&Round:", self.round_spin), self.round_spin),
            (_buddy("&Practitioner observed:", self.practitioner_edit), self.practitioner_edit),
            (_buddy("&Your name:", self.observer_edit), self.observer_edit),
        ]
        self.note_label = _buddy("&Note:", self.note_edit)
        self.details = QGridLayout()
        self._wide: bool | None = None
        self._place_details(True)

        body: QWidget
        if framework is not None:
            body, self.counter, self.checklist = observation_tools(framework)
        else:
            body, self.spins = typed_counts()
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setAccessibleName("Problem")
        self.problem_label.setVisible(False)
        bold = self.problem_label.font()
        bold.setBold(True)
        self.problem_label.setFont(bold)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton("&Save for the trainer\u2026", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setAccessibleName("Save the observation as a file for the trainer")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        # On a small screen or at a large zoom the form scrolls down rather than squeeze the counter.
        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(intro)
        page_layout.addLayout(self.details)
        page_layout.addWidget(body, 1)
        page.setMinimumWidth(200)  # the width follows the window (never scrolls sideways); only the height scrolls
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(page)
        keep_focus_visible(self.scroll_area)  # an Alt+letter jump scrolls to its control too
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        self.resize(980, 720)
        fit_to_window(self)  # not past the window

    # -- layout --------------------------------------------------------------------------
    def _place_details(self, wide: bool) -> None:
        """Two pairs a row when wide; one label and field a row when narrow or zoomed."""
        if wide == self._wide:
            return
        self._wide = wide
        for label, field in self._labels + [(self.note_label, self.note_edit)]:
            self.details.removeWidget(label)
            self.details.removeWidget(field)
        for i, (label, field) in enumerate(self._labels):
            row, col = (i // 2, (i % 2) * 2) if wide else (i, 0)
            self.details.addWidget(label, row, col)
            self.details.addWidget(field, row, col + 1)
        note_row = 2 if wide else len(self._labels)
        self.details.addWidget(self.note_label, note_row, 0, Qt.AlignmentFlag.AlignTop)
        self.details.addWidget(self.note_edit, note_row, 1, 1, 3 if wide else 1)
        for col in range(4):
            self.details.setColumnStretch(col, 1 if col == 1 or (col == 3 and wide) else 0)

    def resizeEvent(self, event) -> None:
        self._place_details(self.width() >= self.fontMetrics().averageCharWidth() * NARROW_CHARS)
        super().resizeEvent(event)

    # -- the form ------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        if self.counter is not None:
            return self.counter.counts()
        return {key: spin.value() for key, spin in self.spins.items()}

    def problem(self) -> tuple[str, QWidget] | None:
        """What must be filled in before saving, and where, or None."""
        practitioner = " ".join(self.practitioner_edit.text().split())
        observer = " ".join(self.observer_edit.text().split())
        if not is_code(self.code_edit.text()):
            return (
                f"Type the session code your trainer gave out: {LENGTH} letters and digits, e.g. K7P2QX.",
                self.code_edit,
            )
        if not practitioner:
            return "Type the name of the practitioner you observed, as on the trainer's list.", self.practitioner_edit
        if not observer:
            return "Type your own name, so the trainer knows who observed.", self.observer_edit
        if practitioner.casefold() == observer.casefold():
            return "The practitioner and the observer cannot be the same person.", self.practitioner_edit
        return None

    def data(self) -> dict:
        items = self.checklist.items() if self.checklist is not None else None
        globals_ = self.checklist.globals() if self.checklist is not None else None
        return build_observation_file(
            uid=self.form_uid,
            session_code=normalise_code(self.code_edit.text()),
            round_number=self.round_spin.value(),
            practitioner=" ".join(self.practitioner_edit.text().split()),
            observer=" ".join(self.observer_edit.text().split()),
            note=self.note_edit.toPlainText(),
            counts=self.counts(),
            items=items,
            globals_=globals_,
            saved=self._now() if self._now else "",
        )

    def has_observations(self) -> bool:
        """Whether anything was counted, rated or written that closing would lose."""
        rated = self.checklist is not None and (
            self.checklist.items() or any(v is not None for v in self.checklist.globals().values())
        )
        return bool(any(self.counts().values()) or rated or self.note_edit.toPlainText().strip())

    def reject(self) -> None:
        """Close (or Esc): ask first when there is something unsaved to lose."""
        if self.saved_path is None and self.has_observations():
            answer = QMessageBox.question(
                self,
                "Close without saving?",
                "Close this form without saving it? What you counted, rated and wrote will be lost.",
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    def show_problem(self, text: str, widget: QWidget | None = None) -> None:
        self.problem_label.setText(text)
        self.problem_label.setVisible(bool(text))
        if widget is not None:
            widget.setFocus()

    def save(self) -> None:
        problem = self.problem()
        if problem is not None:
            self.show_problem(*problem)
            return
        self.show_problem("")
        try:
            data = self.data()
        except ObservationFileError as exc:
            self.show_problem(str(exc))
            return
        suggested = default_file_name(data["round"], data["practitioner"])
        path, _ = QFileDialog.getSaveFileName(
            self, "Save the observation for the trainer", suggested, "Observation file (*.json)"
        )
        if not path:
            return
        try:
            written = write_observation_file(Path(path), data)
        except OSError as exc:
            QMessageBox.warning(self, "Could not save", f"The observation could not be saved: {reason(exc)}.")
            return
        self.saved_path = written
        self.saved.emit(str(written))
        self.accept()
