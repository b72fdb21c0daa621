"""Self-assessment: rate every skill, two globals, evidence per item, a date."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from trainer.competencies.kinds import SELF_ASSESSMENT
from trainer.domain import tokens
from trainer.ui.skills.controller import SkillsController
from trainer.ui.skills.editor import RecordBar
from trainer.ui.skills.form import ChecklistForm
from trainer.ui.skills.record_slots import RecordSlots

NOTE_LABELS = {"note": "E&vidence note", "link": "&Linked evidence (a reflection, practice or session)"}


class SelfAssessmentView(RecordSlots, QWidget):
    KIND = SELF_ASSESSMENT

    def __init__(self, controller: SkillsController, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.uid: str | None = None
        intro = QLabel(
            "Rate how you used each skill in your recent practice. Repeat every few weeks "
            "and compare to see how you are changing."
        )
        intro.setWordWrap(True)
        self.bar = RecordBar("self-assessment")
        self.bar.attach_save_shortcut(self)
        self.form = ChecklistForm(
            controller.framework,
            NOTE_LABELS,
            {"note"},
            "Skills to rate",
            "Overall (1 to 5)",
            pickers={"link": controller.evidence_choices},
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(tokens.SPACE_1, tokens.SPACE_1, tokens.SPACE_1, tokens.SPACE_1)
        layout.addWidget(intro)
        layout.addWidget(self.bar)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.bar.status)
        self.setFocusProxy(self.form.table)

        self.bar.record_chosen.connect(self.on_bar_record_chosen)
        self.bar.new_requested.connect(self.on_bar_new_requested)
        self.bar.save_requested.connect(self.save)
        self.bar.delete_requested.connect(controller.delete_self_assessment)
        controller.self_assessment_saved.connect(self.on_controller_self_assessment_saved)
        controller.record_deleted.connect(self.on_controller_record_deleted)
        controller.save_failed.connect(self.on_controller_save_failed)
        self.form.changed.connect(self.bar.mark_dirty)
        self.bar.date.dateChanged.connect(self.bar.mark_dirty)
        self.new()

    def _records(self) -> list[dict]:
        return self.controller.self_assessments()

    # -- behaviour ----------------------------------------------------------------------
    def new(self) -> None:
        self.uid = None
        self.bar.set_records(self.controller.self_assessments(), None)
        self.bar.set_date(self.controller.today())
        self.form.load(None)
        self.bar.show_status("")
        self.bar.mark_clean()

    def open(self, uid: str | None) -> None:
        rec = self.controller.service.get(SELF_ASSESSMENT, uid) if uid else None
        if rec is None:
            self.new()
            return
        self.uid = uid
        self.bar.set_records(self.controller.self_assessments(), uid)
        self.bar.set_date(rec["date"])
        self.form.load(rec)
        self.bar.show_status("")
        self.bar.mark_clean()

    def draft(self) -> dict:
        return {"date": self.bar.date_iso(), "items": self.form.items(), "globals": self.form.globals()}

    def _save_record(self, draft: dict, uid: str | None) -> None:
        self.controller.save_self_assessment(draft, uid)

    # -- slots ---------------------------------------------------------------------------
    def on_controller_self_assessment_saved(self, uid: str) -> None:
        self.uid = uid
        self.bar.mark_clean()
        self.bar.set_records(self.controller.self_assessments(), uid)
        n = self.form.model.rated_count()
        self.bar.show_status(f"Saved: {n} of {self.form.model.rowCount()} skills rated.")
