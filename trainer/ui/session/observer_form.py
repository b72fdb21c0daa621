"""The observer's form for one learner in one round of a team session.

It answers ``TeamSessionController.observation_requested`` with the same
tools as the Skills section: the live behaviour counter (one key per
behaviour, undo) and the competency checklist (0/1/2/N per skill with the
observer's three-part notes, and the 1-5 globals), plus a free note. Without
a competency framework it falls back to typing the eight counts.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from trainer.competencies.ratings import OBSERVER_NOTE_LABELS
from trainer.services.team_session import TRAINER
from trainer.sessions.counts import BEHAVIOURS, MAX_COUNT
from trainer.ui.scenarios.coding_practice import calibration_words
from trainer.ui.session.controller import TeamSessionController
from trainer.ui.skills.counter import CounterWidget
from trainer.ui.skills.form import ChecklistForm

if TYPE_CHECKING:
    from trainer.ui.skills.counter import CounterWidget
    from trainer.ui.skills.form import ChecklistForm


def observation_tools(framework) -> tuple[QTabWidget, CounterWidget, ChecklistForm]:
    """The Skills section's live counter and checklist, in two tabs (also used by the
    observer's own form, trainer.ui.session.observation_dialog)."""
    counter = CounterWidget(framework.threshold)
    checklist = ChecklistForm(
        framework, OBSERVER_NOTE_LABELS, set(OBSERVER_NOTE_LABELS), "Skills observed", "Overall (1 to 5)"
    )
    tabs = QTabWidget()
    tabs.setAccessibleName("Observation steps")
    tabs.addTab(counter, "1. &Count behaviours (live)")
    tabs.addTab(checklist, "2. Chec&klist")
    return tabs, counter, checklist


def typed_counts() -> tuple[QGroupBox, dict[str, QSpinBox]]:
    """Without a competency framework: the eight counts, typed."""
    counts_box = QGroupBox("Behaviour counts")
    grid = QGridLayout(counts_box)
    spins: dict[str, QSpinBox] = {}
    for i, (key, label) in enumerate(BEHAVIOURS):
        spin = QSpinBox()
        spin.setRange(0, MAX_COUNT)
        spin.setAccessibleName(label)
        text = QLabel(f"{label}:")
        text.setBuddy(spin)
        grid.addWidget(text, i // 2, (i % 2) * 2)
        grid.addWidget(spin, i // 2, (i % 2) * 2 + 1)
        spins[key] = spin
    return counts_box, spins


class ObserverNoteForm(QDialog):
    def __init__(self, controller: TeamSessionController, round_index: int, observer: str, learner: str, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.round_index = round_index
        self.learner = learner
        self.framework = getattr(parent, "framework", None)
        self.counter: CounterWidget | None = None
        self.checklist: ChecklistForm | None = None
        names = controller.names()
        session = controller.session
        assert session is not None  # the form observes a round of the open session
        rnd = session["rounds"][round_index]
        plan = controller.plan
        title = plan.phases[rnd["phase"]].title if plan else f"Round {round_index + 1}"
        self.setWindowTitle(f"Observer notes \u2014 {names.get(learner, '?')}")
        self.setMinimumWidth(460)

        if not title.casefold().startswith("round"):
            title = f"Round {round_index + 1}: {title}"
        heading = QLabel(
            f"<b>{html.escape(title)}</b><br>"
            f"Skill in focus: {html.escape(controller.skill_name(rnd['skill']))}<br>"
            f"Practitioner observed: <b>{html.escape(names.get(learner, '?'))}</b>"
        )
        heading.setWordWrap(True)

        self.observer_box = QComboBox()
        self.observer_box.setAccessibleName("Observer")
        group: list[str] = next((g for g in rnd["groups"] if learner in g), [])
        for pid in group:
            if pid != learner:
                self.observer_box.addItem(names.get(pid, pid), pid)
        self.observer_box.addItem("Trainer", TRAINER)
        index = self.observer_box.findData(observer)
        self.observer_box.setCurrentIndex(max(0, index))

        self.calibration_label = QLabel()
        self.calibration_label.setWordWrap(True)
        self.calibration_label.setAccessibleName("The observer's latest calibration")
        self.calibration_label.setToolTip(
            "How far this observer's coding agreed with an expert's in coding practice before the "
            "session; it travels with their counts in the feedback bundle"
        )

        self.note_edit = QPlainTextEdit()
        self.note_edit.setAccessibleName("Observer's note")
        self.note_edit.setPlaceholderText("What went well, one moment that stood out, one thing to try next")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMinimumHeight(70)
        self.note_edit.setMaximumHeight(110)  # the counter and checklist get the room

        self.spins: dict[str, QSpinBox] = {}
        body: QWidget
        if self.framework is not None:
            body = self._tools()
        else:
            body = self._typed_counts()
        form = QFormLayout()
        observer_label = QLabel("&Observer:")
        observer_label.setBuddy(self.observer_box)
        form.addRow(observer_label, self.observer_box)
        form.addRow("", self.calibration_label)
        note_label = QLabel("&Note:")
        note_label.setBuddy(self.note_edit)
        form.addRow(note_label, self.note_edit)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(body, 1)
        layout.addWidget(buttons)
        self._edited = False  # the trainer has typed or rated here: what a phone sends leaves it alone
        self._loading = False
        self.note_edit.textChanged.connect(self._on_edited)
        if self.checklist is not None:
            self.checklist.changed.connect(self._on_edited)
        self.observer_box.currentIndexChanged.connect(self._load)
        controller.observation_saved.connect(self.on_controller_observation_saved)
        controller.calibration_saved.connect(lambda _pid: self._show_calibration())
        self._load()

    def _tools(self) -> QTabWidget:
        tabs, self.counter, self.checklist = observation_tools(self.framework)
        self.resize(980, 720)
        return tabs

    def _typed_counts(self) -> QWidget:
        box, self.spins = typed_counts()
        return box

    def observer(self) -> str:
        return self.observer_box.currentData()

    def _on_edited(self) -> None:
        if not self._loading:
            self._edited = True

    def _load(self) -> None:
        self._loading = True
        try:
            self._fill()
        finally:
            self._loading = False
        self._edited = False

    def _fill(self) -> None:
        session = self.controller.session
        rec = (
            self.controller.service.find_observation(session["uid"], self.round_index, self.observer(), self.learner)
            if session
            else None
        )
        self._show_calibration()
        self.note_edit.setPlainText(rec.get("note", "") if rec else "")
        self._show_counts((rec or {}).get("counts", {}))
        if self.checklist is not None:
            self.checklist.load(rec)

    def _show_calibration(self) -> None:
        self.calibration_label.setText(calibration_words(self.controller.calibration(self.observer())))

    def _show_counts(self, counts: dict) -> None:
        for key, spin in self.spins.items():
            spin.setValue(int(counts.get(key, 0)))
        if self.counter is not None:
            # Saved counts come back as taps, so the observer can go on counting or undo.
            self.counter.set_events([key for key, n in counts.items() for _ in range(int(n or 0))])

    def on_controller_observation_saved(self, uid: str) -> None:
        """What is saved elsewhere for this observer and learner (the observer's phone in the live
        room) shows up here as it arrives: counts always; the notes, checklist and globals too
        until the trainer types or rates here (then what they typed is left alone)."""
        session = self.controller.session
        if session is None:
            return
        rec = self.controller.service.find_observation(session["uid"], self.round_index, self.observer(), self.learner)
        if rec is None or rec["uid"] != uid:
            return
        if self._edited:
            self._show_counts(rec.get("counts", {}))
        else:
            self._load()

    def counts(self) -> dict[str, int]:
        if self.counter is not None:
            return self.counter.counts()
        return {key: spin.value() for key, spin in self.spins.items()}

    def save(self) -> None:
        items = self.checklist.items() if self.checklist is not None else None
        globals_ = self.checklist.globals() if self.checklist is not None else None
        uid = self.controller.save_observation(
            self.round_index,
            self.observer(),
            self.learner,
            self.note_edit.toPlainText(),
            self.counts(),
            items,
            globals_,
        )
        if uid is not None:
            self.accept()
