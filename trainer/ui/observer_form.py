"""A simple built-in observer form: a note and the eight behaviour counts.

It answers ``TeamSessionController.observation_requested``. The full
competency checklist (issue 7) can replace it: make any dialog that calls
``controller.save_observation(...)`` and pass its factory to SessionView.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QGroupBox, QLabel, QPlainTextEdit,
    QSpinBox, QVBoxLayout,
)

from trainer.services.team_session import TRAINER
from trainer.sessions.counts import BEHAVIOURS, MAX_COUNT
from trainer.ui.session_controller import TeamSessionController


class ObserverNoteForm(QDialog):
    def __init__(self, controller: TeamSessionController, round_index: int, observer: str, learner: str,
                 parent=None):
        super().__init__(parent)
        self.controller = controller
        self.round_index = round_index
        self.learner = learner
        names = controller.names()
        session = controller.session
        rnd = session["rounds"][round_index]
        plan = controller.plan
        title = plan.phases[rnd["phase"]].title if plan else f"Round {round_index + 1}"
        self.setWindowTitle(f"Observer notes \u2014 {names.get(learner, '?')}")
        self.setMinimumWidth(460)

        if not title.casefold().startswith("round"):
            title = f"Round {round_index + 1}: {title}"
        heading = QLabel(f"<b>{html.escape(title)}</b><br>"
                         f"Skill in focus: {html.escape(controller.skill_name(rnd['skill']))}<br>"
                         f"Practitioner observed: <b>{html.escape(names.get(learner, '?'))}</b>")
        heading.setWordWrap(True)

        self.observer_box = QComboBox()
        self.observer_box.setAccessibleName("Observer")
        group = next((g for g in rnd["groups"] if learner in g), [])
        for pid in group:
            if pid != learner:
                self.observer_box.addItem(names.get(pid, pid), pid)
        self.observer_box.addItem("Trainer", TRAINER)
        index = self.observer_box.findData(observer)
        self.observer_box.setCurrentIndex(max(0, index))

        self.note_edit = QPlainTextEdit()
        self.note_edit.setAccessibleName("Observer's note")
        self.note_edit.setPlaceholderText("What went well, one moment that stood out, one thing to try next")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMinimumHeight(90)

        counts_box = QGroupBox("Behaviour counts")
        grid = QGridLayout(counts_box)
        self.spins: dict[str, QSpinBox] = {}
        for i, (key, label) in enumerate(BEHAVIOURS):
            spin = QSpinBox()
            spin.setRange(0, MAX_COUNT)
            spin.setAccessibleName(label)
            text = QLabel(f"{label}:")
            text.setBuddy(spin)
            grid.addWidget(text, i // 2, (i % 2) * 2)
            grid.addWidget(spin, i // 2, (i % 2) * 2 + 1)
            self.spins[key] = spin

        form = QFormLayout()
        observer_label = QLabel("&Observer:")
        observer_label.setBuddy(self.observer_box)
        form.addRow(observer_label, self.observer_box)
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
        layout.addWidget(counts_box)
        layout.addWidget(buttons)
        self.observer_box.currentIndexChanged.connect(self._load)
        self._load()

    def observer(self) -> str:
        return self.observer_box.currentData()

    def _load(self) -> None:
        session = self.controller.session
        rec = self.controller.service.find_observation(session["uid"], self.round_index, self.observer(),
                                                       self.learner) if session else None
        self.note_edit.setPlainText(rec.get("note", "") if rec else "")
        for key, spin in self.spins.items():
            spin.setValue(int((rec or {}).get("counts", {}).get(key, 0)))

    def counts(self) -> dict[str, int]:
        return {key: spin.value() for key, spin in self.spins.items()}

    def save(self) -> None:
        uid = self.controller.save_observation(self.round_index, self.observer(), self.learner,
                                               self.note_edit.toPlainText(), self.counts())
        if uid is not None:
            self.accept()
