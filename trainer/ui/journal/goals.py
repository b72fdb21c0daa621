"""Practise what you teach: set your own change goal and check in on it."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from trainer.competencies.ratings import nice_date as ratings_nice_date
from trainer.services.goals import PROGRESS, smaller_plan_hint
from trainer.ui.common.appearance import error_style
from trainer.ui.journal.controller import JournalController


def _scale(name: str, value: int = 5) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, 10)
    box.setValue(value)
    box.setSuffix(" / 10")
    box.setAccessibleName(name)
    return box


def _row(form: QFormLayout, text: str, widget: QWidget) -> None:
    label = QLabel(text)
    label.setBuddy(widget)
    form.addRow(label, widget)


def nice_date(iso: str) -> str:
    """'2026-12-06' -> '6 Dec 2026' (competencies.ratings.nice_date); '' for no date."""
    return ratings_nice_date(iso) if iso else ""


if TYPE_CHECKING:
    _PlanHintBase = QDialog  # mixed in before QDialog: it resizes the dialog
else:
    _PlanHintBase = object


class _PlanHint(_PlanHintBase):
    """Both goal dialogs: below confidence 7, suggest making the plan smaller."""

    # What the dialogs provide; declared here for the type checker only.
    confidence: QSpinBox
    hint: QLabel

    def _update_hint(self) -> None:
        text = smaller_plan_hint(self.confidence.value())
        self.hint.setText(text)
        if self.hint.isVisibleTo(self) != bool(text):
            self.hint.setVisible(bool(text))
            self.adjustSize()


class GoalDialog(_PlanHint, QDialog):
    """Create or edit one goal. The hint appears while confidence is below 7."""

    def __init__(self, controller: JournalController, goal: dict | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.goal = goal
        self.setWindowTitle("Your change goal" if goal else "Set a change goal of your own")
        intro = QLabel(
            "Practise what you teach: choose a small change that matters to you, plan it "
            "the way you would with a patient, and check in on it."
        )
        intro.setWordWrap(True)
        plan = (goal or {}).get("plan", {})
        self.goal_edit = QLineEdit((goal or {}).get("goal", ""))
        self.goal_edit.setPlaceholderText("For example: walk at lunchtime twice a week")
        self.goal_edit.setAccessibleName("Goal")
        self.importance = _scale("Importance", (goal or {}).get("importance", 5))
        self.confidence = _scale("Confidence", (goal or {}).get("confidence", 5))
        self.what = QLineEdit(plan.get("what", ""))
        self.what.setPlaceholderText("A 15-minute walk")
        self.what.setAccessibleName("Plan: what")
        self.when = QLineEdit(plan.get("when", ""))
        self.when.setPlaceholderText("Straight after lunch")
        self.when.setAccessibleName("Plan: when")
        self.where = QLineEdit(plan.get("where", ""))
        self.where.setPlaceholderText("Round the park by work")
        self.where.setAccessibleName("Plan: where")
        self.how_often = QLineEdit(plan.get("how_often", ""))
        self.how_often.setPlaceholderText("Tuesdays and Thursdays")
        self.how_often.setAccessibleName("Plan: how often")
        self.every = QSpinBox()
        self.every.setRange(1, 60)
        self.every.setValue((goal or {}).get("every_days", 7))
        self.every.setSuffix(" days")
        self.every.setAccessibleName("Check in every")
        self.hint = QLabel()
        self.hint.setObjectName("confidenceHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("QLabel { background: rgba(255, 196, 0, 48); border-radius: 4px; padding: 6px; }")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(error_style())  # dialogs live briefly: the theme at opening
        self.error.hide()

        form = QFormLayout()
        _row(form, "&Goal", self.goal_edit)
        _row(form, "&Importance to you", self.importance)
        _row(form, "&Confidence you will do it", self.confidence)
        _row(form, "&What", self.what)
        _row(form, "W&hen", self.when)
        _row(form, "W&here", self.where)
        _row(form, "How &often", self.how_often)
        _row(form, "Check in e&very", self.every)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.on_save_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.confidence.valueChanged.connect(self._update_hint)
        self._update_hint()
        self.resize(520, 0)

    def on_save_clicked(self) -> None:
        fields = {
            "goal": self.goal_edit.text(),
            "importance": self.importance.value(),
            "confidence": self.confidence.value(),
            "plan": {
                "what": self.what.text(),
                "when": self.when.text(),
                "where": self.where.text(),
                "how_often": self.how_often.text(),
            },
        }
        try:
            if self.goal is None:
                saved = self.controller.create_goal(**fields, every_days=self.every.value())
            else:
                saved = self.controller.update_goal(self.goal["uid"], {**fields, "every_days": self.every.value()})
        except ValueError as exc:
            self.error.setText(str(exc).capitalize() + ".")
            self.error.show()
            return
        if saved is not None:
            self.goal = saved
            self.accept()


class CheckInDialog(_PlanHint, QDialog):
    """How did it go? Progress, what got in the way, confidence now."""

    def __init__(self, controller: JournalController, goal: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.goal = goal
        self.setWindowTitle("Check in on your goal")
        heading = QLabel(f"<b>{html.escape(str(goal.get('goal', '')))}</b>")  # the person's words, not HTML
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setWordWrap(True)
        plan = goal.get("plan", {})
        plan_text = ", ".join(
            v for v in (plan.get("what"), plan.get("when"), plan.get("where"), plan.get("how_often")) if v
        )
        plan_label = QLabel(f"Your plan: {plan_text}" if plan_text else "")
        plan_label.setTextFormat(Qt.TextFormat.PlainText)
        plan_label.setWordWrap(True)
        self.progress_group = QButtonGroup(self)
        progress_row = QHBoxLayout()
        self.progress_buttons: dict[str, QRadioButton] = {}
        for key, label in PROGRESS.items():
            button = QRadioButton(label)
            button.setAccessibleName(f"Progress: {label}")
            self.progress_group.addButton(button)
            progress_row.addWidget(button)
            self.progress_buttons[key] = button
        self.progress_buttons["partly"].setChecked(True)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setAccessibleName("What happened")
        self.note.setPlaceholderText("What did you do? What helped?")
        self.note.setFixedHeight(70)
        self.barriers = QPlainTextEdit()
        self.barriers.setTabChangesFocus(True)
        self.barriers.setAccessibleName("Barriers")
        self.barriers.setPlaceholderText("What got in the way, and what could you try next?")
        self.barriers.setFixedHeight(70)
        self.confidence = _scale("Confidence now", goal.get("confidence", 5))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.history = QListWidget()
        self.history.setAccessibleName("Earlier check-ins")
        for c in reversed(controller.goals.checkins(goal["uid"])):
            line = f"{nice_date(c['date'])}: {PROGRESS.get(c['progress'], c['progress'])}"
            if c.get("barriers"):
                line += f" \u2014 got in the way: {c['barriers']}"
            self.history.addItem(line)
        self.history.setVisible(self.history.count() > 0)
        self.history.setMaximumHeight(90)

        form = QFormLayout()
        progress_label = QLabel("How did it go?")
        form.addRow(progress_label, progress_row)
        _row(form, "&What happened", self.note)
        _row(form, "What got in the &way", self.barriers)
        _row(form, "&Confidence now", self.confidence)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.on_save_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(plan_label)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.history)
        layout.addWidget(buttons)
        self.confidence.valueChanged.connect(self._update_hint)
        self._update_hint()
        self.resize(520, 0)

    def progress(self) -> str:
        return next(k for k, b in self.progress_buttons.items() if b.isChecked())

    def on_save_clicked(self) -> None:
        saved = self.controller.check_in(
            self.goal["uid"],
            progress=self.progress(),
            note=self.note.toPlainText(),
            barriers=self.barriers.toPlainText(),
            confidence=self.confidence.value(),
        )
        if saved is not None:
            self.accept()
