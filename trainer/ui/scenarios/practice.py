"""The practice panel: predict-then-reveal, and spot the skill, for one moment.

The panels call the ScenarioController; the scenario page re-renders when
the controller announces what was saved.
"""

from __future__ import annotations

import html
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from trainer.competencies.utterance_coder import LABELS
from trainer.domain.safe_text import qt_text
from trainer.scenarios.align import parts_at, spot_targets
from trainer.scenarios.model import PRACTITIONER, Moment, Scenario
from trainer.scenarios.scoring import SpotScore
from trainer.ui.scenarios.coded_words import CodedWords
from trainer.ui.scenarios.controller import ScenarioController

SkillRole = Qt.ItemDataRole.UserRole


def _when(stamp: str) -> str:
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%d %b %Y, %H:%M")
    except (TypeError, ValueError):
        return stamp or ""


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "\u2026"


def _label(text: str = "", rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _scrolled(inner: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(inner)
    return area


def role_phrase(practitioner: str) -> str:
    """'Practice nurse' -> 'practice nurse', 'GP' stays 'GP'."""
    return " ".join(w if w.isupper() else w.lower() for w in practitioner.split())


def prompt_for(scenario: Scenario, moment: Moment) -> str:
    if moment.practice:
        return " ".join(moment.practice.split())
    return f"You are the {role_phrase(scenario.practitioner)}: what would you say here?"


class PredictPanel(QWidget):
    def __init__(self, controller: ScenarioController, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.scenario: Scenario | None = None
        self.moment: Moment | None = None
        self.is_revealed = False
        self.practising = True
        self._show_compare_next = False  # scroll to the comparison after the learner reveals
        self._drafts: dict[tuple[str, str], str] = {}

        self.title_label = _label()
        self.title_label.setAccessibleName("Moment")
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.prompt_label = _label()
        self.prompt_label.setAccessibleName("Practice prompt")
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName("What you would say")
        self.editor.setPlaceholderText("Write the words you would use, as you would say them.")
        self.editor.setTabChangesFocus(True)
        self.editor.setMinimumHeight(60)
        words_label = QLabel("&Your words:")
        words_label.setBuddy(self.editor)
        self.save_button = QPushButton("&Save and reveal")
        self.save_button.setAccessibleName("Save your words and reveal the self-management version")
        self.reveal_button = QPushButton("&Reveal")
        self.reveal_button.setAccessibleName("Reveal the self-management version without saving")
        self.hide_button = QPushButton("&Hide again")
        self.hide_button.setAccessibleName("Hide the self-management version to practise again")
        self.tip_label = _label(
            "Tip: turn on Practise mode to hide the self-management version until you have written what you would say."
        )
        self.compare_label = _label(rich=True)
        self.compare_label.setAccessibleName("Comparison")
        self.compare_label.setAccessibleName("Your words compared with the self-management version")
        self.attempts_list = QListWidget()
        self.attempts_list.setAccessibleName("Your earlier attempts at this moment")
        self.attempts_list.setMaximumHeight(110)
        self.attempts_list.setWordWrap(True)
        self.attempts_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.attempts_label = QLabel("&Earlier attempts:")
        self.attempts_label.setBuddy(self.attempts_list)

        self.coded = CodedWords()
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.reveal_button)
        buttons.addWidget(self.hide_button)
        buttons.addStretch(1)
        inner = QWidget()
        box = QVBoxLayout(inner)
        box.addWidget(self.title_label)
        box.addWidget(self.prompt_label)
        box.addWidget(words_label)
        box.addWidget(self.editor, 1)
        box.addWidget(self.coded)
        box.addLayout(buttons)
        box.addWidget(self.tip_label)
        box.addWidget(self.compare_label)
        box.addWidget(self.attempts_label)
        box.addWidget(self.attempts_list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.area = _scrolled(inner)
        self.area.setAccessibleName("Predict what you would say")
        layout.addWidget(self.area)

        self.save_button.clicked.connect(self.save_and_reveal)
        self.reveal_button.clicked.connect(self.reveal)
        self.hide_button.clicked.connect(self.hide_again)
        self.coded.code_button.clicked.connect(lambda: self.coded.code(self.editor.toPlainText()))
        self.attempts_list.currentRowChanged.connect(lambda _row: self._show_compare())

    def set_moment(self, scenario: Scenario, moment: Moment, revealed: bool, practising: bool = True) -> None:
        if self.moment is not moment:
            # Keep unsaved words per moment, so scrolling past never loses them.
            if self.scenario is not None and self.moment is not None:
                self._drafts[(self.scenario.id, self.moment.id)] = self.editor.toPlainText()
            self.editor.setPlainText(self._drafts.get((scenario.id, moment.id), ""))
            self.coded.clear()
            self.area.verticalScrollBar().setValue(0)
        self.scenario, self.moment, self.is_revealed = scenario, moment, revealed
        self.practising = practising
        self.title_label.setText(moment.title)
        self.prompt_label.setText(prompt_for(scenario, moment))
        self.refresh()

    def refresh(self) -> None:
        if self.scenario is None or self.moment is None:
            return
        attempts = self.controller.attempts(self.scenario.id, self.moment.id)
        self.attempts_list.blockSignals(True)
        self.attempts_list.clear()
        for rec in reversed(attempts):
            first = rec["text"].splitlines()[0]
            item = QListWidgetItem(f"{_when(rec.get('created', ''))}: {_short(first, 70)}")
            item.setData(Qt.ItemDataRole.UserRole, rec["text"])
            item.setData(Qt.ItemDataRole.UserRole + 1, rec.get("codes") or [])
            item.setToolTip(qt_text(rec["text"]))  # the person's words, never markup
            self.attempts_list.addItem(item)
        if attempts:
            self.attempts_list.setCurrentRow(0)
        self.attempts_list.blockSignals(False)
        self.attempts_label.setVisible(bool(attempts))
        self.attempts_list.setVisible(bool(attempts))
        self.reveal_button.setEnabled(not self.is_revealed)
        self.hide_button.setEnabled(self.is_revealed)
        self.reveal_button.setVisible(self.practising)
        self.hide_button.setVisible(self.practising)
        self.tip_label.setVisible(not self.practising)
        self.save_button.setText("&Save and reveal" if self.practising and not self.is_revealed else "&Save my words")
        self._show_compare()

    def _show_compare(self) -> None:
        if not self.is_revealed or self.scenario is None or self.moment is None:
            self.compare_label.setText("")
            self.compare_label.setVisible(False)
            self.area.verticalScrollBar().setValue(0)
            return
        item = self.attempts_list.currentItem()
        parts = []
        if item is not None:
            parts.append(f"<p><b>You wrote:</b><br/>{html.escape(item.data(Qt.ItemDataRole.UserRole))}</p>")
            codes = [c for c in item.data(Qt.ItemDataRole.UserRole + 1) or [] if isinstance(c, dict)]
            if codes:
                named = ", ".join(html.escape(LABELS.get(str(c.get("code")), "?")) for c in codes)
                parts.append(f"<p><b>Coded as:</b> {named}</p>")
        shared = parts_at(self.moment)
        said = [t for t in self.moment.sms[shared:] if self.scenario.role_of(t.speaker) == PRACTITIONER]
        if said:
            lines = "<br/>".join(f"\u201c{html.escape(t.words)}\u201d" for t in said if t.words)
            parts.append(
                f"<p><b>In the self-management version, the {html.escape(said[0].speaker)} said:</b><br/>{lines}</p>"
            )
        self.compare_label.setText("".join(parts))
        self.compare_label.setVisible(bool(parts))
        if parts and self._show_compare_next:
            self._show_compare_next = False
            QTimer.singleShot(0, self.area, lambda: self.area.ensureWidgetVisible(self.compare_label))

    def save_and_reveal(self) -> None:
        if self.scenario is None or self.moment is None:
            return
        self._show_compare_next = True
        text = self.editor.toPlainText()
        if self.controller.save_attempt(self.scenario.id, self.moment.id, text, self.coded.codes_for(text)):
            self.editor.clear()
            self.coded.clear()
            self._drafts.pop((self.scenario.id, self.moment.id), None)
            if not self.is_revealed:
                self.controller.reveal(self.scenario.id, self.moment.id)

    def reveal(self) -> None:
        if self.scenario is not None and self.moment is not None:
            self._show_compare_next = True
            self.controller.reveal(self.scenario.id, self.moment.id)

    def hide_again(self) -> None:
        if self.scenario is not None and self.moment is not None:
            self.controller.hide(self.scenario.id, self.moment.id)


class SpotPanel(QWidget):
    checked_changed = Signal()  # the current moment was scored, or reset

    def __init__(self, controller: ScenarioController, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.scenario: Scenario | None = None
        self.moment: Moment | None = None
        self.targets: list = []
        self.chosen: dict[int, set[str]] = {}
        self.score: SpotScore | None = None
        self.hidden = False
        self._turn = -1

        self.intro_label = _label()
        self.intro_label.setAccessibleName("About this round")
        self.turn_combo = QComboBox()
        self.turn_combo.setAccessibleName("Turn to tag")
        turn_label = QLabel("&Turn:")
        turn_label.setBuddy(self.turn_combo)
        self.turn_text = _label()
        self.turn_text.setAccessibleName("Chosen turn")
        self.turn_text.setAccessibleName("Words of the turn to tag")
        self.expert_label = _label()
        self.expert_label.setAccessibleName("Skills the course tagged")
        self.expert_label.setAccessibleName("The expert's tags for this turn")
        self.skills_list = QListWidget()
        self.skills_list.setAccessibleName("Skills used in this turn")
        self.skills_list.setMinimumHeight(90)
        names = controller.skill_names()
        for skill_id in controller.skill_order():
            item = QListWidgetItem(names.get(skill_id, skill_id))
            item.setData(SkillRole, skill_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setToolTip(controller.skill_description(skill_id))
            self.skills_list.addItem(item)
        skills_label = QLabel("S&kills you can see in this turn:")
        skills_label.setBuddy(self.skills_list)
        self.check_button = QPushButton("&Check my tags")
        self.check_button.setAccessibleName("Check your tags against the expert's")
        self.reset_button = QPushButton("Start a&gain")
        self.reset_button.setAccessibleName("Clear your tags and try this moment again")
        self.result_label = _label(rich=True)
        self.result_label.setAccessibleName("Result")
        self.result_label.setAccessibleName("Spot the skill result")
        self.history_label = _label()
        self.history_label.setAccessibleName("Earlier rounds")
        self.history_label.setAccessibleName("Your spot the skill scores over time")

        row = QHBoxLayout()
        row.addWidget(turn_label)
        row.addWidget(self.turn_combo, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        inner = QWidget()
        box = QVBoxLayout(inner)
        box.addWidget(self.intro_label)
        box.addWidget(self.result_label)
        box.addLayout(row)
        box.addWidget(self.turn_text)
        box.addWidget(self.expert_label)
        box.addWidget(skills_label)
        box.addWidget(self.skills_list, 1)
        box.addLayout(buttons)
        box.addWidget(self.history_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.area = _scrolled(inner)
        self.area.setAccessibleName("Spot the skill")
        layout.addWidget(self.area)

        self.turn_combo.currentIndexChanged.connect(self._on_turn_changed)
        self.skills_list.itemChanged.connect(self._on_skill_toggled)
        self.check_button.clicked.connect(self.check)
        self.reset_button.clicked.connect(self.reset)

    @property
    def is_checked(self) -> bool:
        return self.score is not None

    def set_hidden(self, hidden: bool) -> None:
        """While the SMS version is hidden for practice, do not show its words here."""
        self.hidden = hidden
        self._on_turn_changed(self._turn)

    def set_moment(self, scenario: Scenario, moment: Moment) -> None:
        if self.scenario is scenario and self.moment is moment:
            return
        self.scenario, self.moment = scenario, moment
        self.targets = spot_targets(scenario, moment)
        self.intro_label.setText(
            f"{moment.title}: tag what the {role_phrase(scenario.practitioner)} does in each turn of the "
            "self-management version, then check your tags against the expert's."
        )
        self.turn_combo.blockSignals(True)
        self.turn_combo.clear()
        for n, (_i, turn) in enumerate(self.targets, 1):
            words = turn.words
            self.turn_combo.addItem(f"{n}. {_short(words, 48)}")
        self.turn_combo.blockSignals(False)
        self.chosen, self.score, self._turn = {}, None, -1
        self._on_turn_changed(0 if self.targets else -1)
        self._show_result()

    def select_turn(self, n: int) -> None:
        self.turn_combo.setCurrentIndex(n)

    def set_skill_checked(self, skill_id: str, checked: bool) -> None:
        for i in range(self.skills_list.count()):
            item = self.skills_list.item(i)
            if item.data(SkillRole) == skill_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _on_turn_changed(self, n: int) -> None:
        self._turn = n
        has = 0 <= n < len(self.targets) and not self.hidden
        if self.hidden:
            self.turn_text.setText(
                "This moment is hidden while you practise. Write your own words in "
                "Predict and reveal it first, then come back to spot the skills."
            )
        else:
            self.turn_text.setText(
                f"\u201c{self.targets[n][1].words}\u201d"
                if has
                else "There are no practitioner turns to tag in this moment."
            )
        self.turn_combo.setEnabled(not self.hidden)
        chosen = self.chosen.get(self.targets[n][0], set()) if has else set()
        self.skills_list.blockSignals(True)
        for i in range(self.skills_list.count()):
            item = self.skills_list.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(SkillRole) in chosen else Qt.CheckState.Unchecked)
        self.skills_list.blockSignals(False)
        self.skills_list.setEnabled(has and self.score is None)
        if has and self.score is not None:
            names = self.controller.skill_names()
            expert = [names.get(t, t) for t in self.targets[n][1].tags]
            self.expert_label.setText("Expert tags for this turn: " + ("; ".join(expert) if expert else "none"))
        self.expert_label.setVisible(has and self.score is not None)
        self.check_button.setEnabled(bool(self.targets) and self.score is None and not self.hidden)

    def _on_skill_toggled(self, item: QListWidgetItem) -> None:
        if not (0 <= self._turn < len(self.targets)):
            return
        key = self.targets[self._turn][0]
        tags = self.chosen.setdefault(key, set())
        if item.checkState() == Qt.CheckState.Checked:
            tags.add(item.data(SkillRole))
        else:
            tags.discard(item.data(SkillRole))

    def check(self) -> None:
        if self.scenario is None or self.moment is None or self.score is not None:
            return
        chosen = {k: sorted(v) for k, v in self.chosen.items() if v}
        self.score = self.controller.check_spot(self.scenario.id, self.moment.id, chosen)
        self._on_turn_changed(self._turn)
        self._show_result()
        self.checked_changed.emit()

    def reset(self) -> None:
        self.chosen, self.score = {}, None
        self._on_turn_changed(self._turn)
        self._show_result()
        self.checked_changed.emit()

    def _show_result(self) -> None:
        score = self.score
        if score is None:
            self.result_label.setText("")
            self.result_label.setVisible(False)
        else:
            names = self.controller.skill_names()
            rows = "".join(
                f"<tr><td>{html.escape(names.get(s.skill, s.skill))}</td><td align='center'>{s.hits}</td>"
                f"<td align='center'>{s.misses}</td><td align='center'>{s.extras}</td></tr>"
                for s in score.skills
            )
            self.result_label.setText(
                f"<p><b>Agreement: {score.percent}%</b> \u2014 {score.hits} found, {score.misses} missed, "
                f"{score.extras} extra.</p>"
                "<table cellpadding='3' cellspacing='0' border='1'>"
                "<tr><th align='left'>Skill</th><th>Found</th><th>Missed</th><th>Extra</th></tr>"
                f"{rows}</table>"
                "<p>The expert tags now show in the scenario, and for each turn below.</p>"
            )
            self.result_label.setVisible(True)
            self.area.verticalScrollBar().setValue(0)
        self._show_history()

    def _show_history(self) -> None:
        if self.scenario is None:
            self.history_label.setText("")
            return
        summary = self.controller.spot_summary(self.scenario.id)
        if not summary["rounds"]:
            self.history_label.setText("No rounds scored yet for this scenario.")
            return
        recent = [f"{round(100 * r.get('agreement', 0))}%" for r in self.controller.spot_history(self.scenario.id)[-5:]]
        self.history_label.setText(
            f"Your rounds on this scenario: {summary['rounds']}; overall agreement "
            f"{round(100 * summary['agreement'])}%. Most recent: {', '.join(recent)}."
        )


class PracticePanel(QTabWidget):
    def __init__(self, controller: ScenarioController, parent=None):
        super().__init__(parent)
        self.setAccessibleName("Practice")
        self.predict = PredictPanel(controller)
        self.spot = SpotPanel(controller)
        self.addTab(self.predict, "&Predict")
        self.addTab(self.spot, "Spot the s&kill")
        self.setMinimumWidth(260)

    @property
    def spotting(self) -> bool:
        return self.currentWidget() is self.spot
