"""Observer checklist: a peer or trainer rates a named learner's practice round.

Two steps in tabs: the live behaviour counter during the round, then the
checklist with notes per item (what was said, how the person responded, an
alternative to try). Saved together, with the observer and learner names,
the date and optional session/round ids.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from trainer.competencies.coding import events_from_counts
from trainer.domain import tokens
from trainer.services.ratings import OBSERVATION
from trainer.ui.common.scroll_focus import keep_focus_visible
from trainer.ui.common.tab_titles import fit_tab_titles
from trainer.ui.skills.controller import SkillsController
from trainer.ui.skills.counter import CounterWidget
from trainer.ui.skills.editor import RecordBar
from trainer.ui.skills.form import ChecklistForm
from trainer.ui.skills.record_slots import RecordSlots

NOTE_LABELS = {
    "said": "What was &said",
    "response": "How the person &responded",
    "alternative": "An alternati&ve to try",
}


class ObserverView(RecordSlots, QWidget):
    KIND = OBSERVATION

    def __init__(self, controller: SkillsController, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.uid: str | None = None

        self.observer_edit = QLineEdit()
        self.observer_edit.setAccessibleName("Observer's name")
        self.observer_edit.setPlaceholderText("Who is observing")
        self.learner_edit = QLineEdit()
        self.learner_edit.setAccessibleName("Learner's name")
        self.learner_edit.setPlaceholderText("Who is practising")
        self.session_edit = QLineEdit()
        self.session_edit.setAccessibleName("Session id (optional)")
        self.session_edit.setPlaceholderText("optional")
        self.round_edit = QLineEdit()
        self.round_edit.setAccessibleName("Round id (optional)")
        self.round_edit.setPlaceholderText("optional")
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        for col, (text, edit) in enumerate(
            (
                ("O&bserver:", self.observer_edit),
                ("Lear&ner:", self.learner_edit),
                ("Sess&ion:", self.session_edit),
                ("Rou&nd:", self.round_edit),
            )
        ):
            label = QLabel(text)
            label.setBuddy(edit)
            grid.addWidget(label, col // 2, (col % 2) * 2)
            grid.addWidget(edit, col // 2, (col % 2) * 2 + 1)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 1)
        self.learner_edit.setMinimumWidth(120)

        self.bar = RecordBar("observation")
        self.bar.attach_save_shortcut(self)
        self.counter = CounterWidget(controller.framework.threshold)
        self.form = ChecklistForm(
            controller.framework, NOTE_LABELS, set(NOTE_LABELS), "Skills observed", "Overall (1 to 5)"
        )
        self.steps = QTabWidget()
        self.steps.setAccessibleName("Observation steps")
        self.steps.addTab(self._scrolling(self._padded(self.counter)), "1. Count behaviours (live)")
        self.steps.addTab(self._padded(self.form), "2. Checklist")
        self.note_edit = QPlainTextEdit()
        self.note_edit.setAccessibleName("Note for the learner")
        self.note_edit.setPlaceholderText("What went well, and one thing to try next time (no patient details).")
        self.steps.addTab(self._padded(self.note_edit), "3. Note for the learner")
        self.step_titles = fit_tab_titles(
            self.steps,
            [
                ("1. Count behaviours (live)", "1. Count"),
                ("2. Checklist", "2. Checklist"),
                ("3. Note for the learner", "3. Note"),
            ],
        )
        self.steps.currentChanged.connect(self.on_steps_current_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(tokens.SPACE_1, tokens.SPACE_1, tokens.SPACE_1, tokens.SPACE_1)
        layout.addWidget(self.bar)
        layout.addLayout(grid)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.bar.status)

        self.bar.record_chosen.connect(self.on_bar_record_chosen)
        self.bar.new_requested.connect(self.on_bar_new_requested)
        self.bar.save_requested.connect(self.save)
        self.bar.delete_requested.connect(controller.delete_observation)
        controller.observation_saved.connect(self.on_controller_observation_saved)
        controller.record_deleted.connect(self.on_controller_record_deleted)
        controller.save_failed.connect(self.on_controller_save_failed)
        self.form.changed.connect(self.bar.mark_dirty)
        self.counter.counts_changed.connect(self.bar.mark_dirty)
        self.bar.date.dateChanged.connect(self.bar.mark_dirty)
        for edit in (self.observer_edit, self.learner_edit, self.session_edit, self.round_edit):
            edit.textEdited.connect(self.bar.mark_dirty)
        self.note_edit.textChanged.connect(self.on_note_edit_text_changed)
        self._loading = False
        self.new()

    def _records(self) -> list[dict]:
        return self.controller.observations()

    @staticmethod
    def _scrolling(page: QWidget) -> QScrollArea:
        """The counter at its full height, scrolling when the window is short (at 175% in
        800x600 its buttons and measures were squeezed over one another)."""
        area = QScrollArea()
        area.setWidget(page)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        keep_focus_visible(area)
        return area

    @staticmethod
    def _padded(widget: QWidget) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(tokens.SPACE_1, tokens.SPACE_1, tokens.SPACE_1, tokens.SPACE_1)
        layout.addWidget(widget)
        return page

    # -- behaviour ----------------------------------------------------------------------
    def new(self) -> None:
        self.uid = None
        self.bar.set_records(self.controller.observations(), None)
        self.bar.set_date(self.controller.today())
        for edit in (self.learner_edit, self.session_edit, self.round_edit):
            edit.clear()
        self.counter.set_events([])
        self._load_note("")
        self.form.load(None)
        self.bar.show_status("")
        self.bar.mark_clean()

    def open(self, uid: str | None) -> None:
        rec = self.controller.service.get(OBSERVATION, uid) if uid else None
        if rec is None:
            self.new()
            return
        self.uid = uid
        self.bar.set_records(self.controller.observations(), uid)
        self.bar.set_date(rec["date"])
        self.observer_edit.setText(rec.get("observer") or "")
        self.learner_edit.setText(rec.get("learner") or "")
        self.session_edit.setText(rec.get("session_id") or "")
        self.round_edit.setText(rec.get("round_id") or "")
        # A record from a feedback bundle or an observer's file keeps only the totals.
        self.counter.set_events(rec.get("events") or events_from_counts(rec.get("counts")))
        self._load_note(rec.get("note") or "")
        self.form.load(rec)
        self.bar.show_status("")
        self.bar.mark_clean()

    def draft(self) -> dict:
        return {
            "date": self.bar.date_iso(),
            "observer": self.observer_edit.text(),
            "learner": self.learner_edit.text(),
            "session_id": self.session_edit.text(),
            "round_id": self.round_edit.text(),
            "items": self.form.items(),
            "globals": self.form.globals(),
            "events": self.counter.events(),
            "note": self.note_edit.toPlainText().strip(),
        }

    def _save_record(self, draft: dict, uid: str | None) -> None:
        self.controller.save_observation(draft, uid)

    def _load_note(self, text: str) -> None:
        self._loading = True
        self.note_edit.setPlainText(text)
        self._loading = False

    # -- slots ---------------------------------------------------------------------------
    def on_note_edit_text_changed(self) -> None:
        if not self._loading:
            self.bar.mark_dirty()

    def on_steps_current_changed(self, index: int) -> None:
        target = self.counter if index == 0 else self.form.table
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_controller_observation_saved(self, uid: str) -> None:
        self.uid = uid
        self.bar.mark_clean()
        self.bar.set_records(self.controller.observations(), uid)
        total = sum(self.counter.counts().values())
        self.bar.show_status(f"Saved: {self.form.model.rated_count()} skills rated, {total} behaviours counted.")
