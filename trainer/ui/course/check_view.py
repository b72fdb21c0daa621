"""'Check your understanding': the questions at the end of a module (issue 21).

One card per question, each answered on its own: radio buttons (one option,
or which practitioner line is MI-consistent), check boxes (every option that
applies), a list to put in order (Move up / Move down, or Alt+Up / Alt+Down),
or free text compared with the model answer and rated by the learner. Submit
shows why each chosen option is right or wrong; Try again clears the card.
The panel never writes records: it asks the ``submit`` callable it is given.
"""

from __future__ import annotations

import random
import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from trainer.domain import tokens
from trainer.domain.course import Module
from trainer.domain.questions import CHOICE_KINDS, MI_CONSISTENT, MULTIPLE, ORDER, SELF_RATED_KINDS, Question
from trainer.modules.scoring import SELF_RATINGS, Answer, right_feedback
from trainer.modules.themes import Theme
from trainer.ui.common.check_box import CheckBox
from trainer.ui.common.choices import OptionLabel, OrderList
from trainer.ui.common.flow_layout import FlowLayout

KIND_HINTS = {
    "single": "Choose one answer.",
    "multiple": "Choose every answer that applies.",
    "mi-consistent": "Which reply is consistent with motivational interviewing? Choose one.",
    "order": "Put these in order: select a line, then Move up or Move down (Alt+Up, Alt+Down).",
    "free-text": "Write your answer, then compare it with the model answer.",
}


def _label(text: str = "", bold: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


def shuffled_order(question: Question) -> list[int]:
    """The items' indexes in a fixed, never-already-right order to start from."""
    order = list(range(len(question.items)))
    if len(order) < 2:
        return order
    rng = random.Random(question.id)
    while order == sorted(order):
        rng.shuffle(order)
    return order


class QuestionCard(QGroupBox):
    """One question: its widgets, Submit, the feedback and Try again."""

    submitted = Signal(object, object, str, float)  # question, answer, typed text, seconds

    def __init__(self, question: Question, number: int, total: int, theme: Theme, parent=None):
        super().__init__(f"Question {number} of {total}", parent)
        self.question = question
        self.theme = theme
        self.setAccessibleName(f"Question {number} of {total}")
        self._started = time.monotonic()
        self.buttons: list[QAbstractButton] = []
        self.group: QButtonGroup | None = None
        self.order_list: OrderList | None = None
        self.text_edit: QPlainTextEdit | None = None
        self.rating_buttons: list[QRadioButton] = []
        layout = self._layout = QVBoxLayout(self)
        self.prompt = _label(question.prompt, bold=True)
        layout.addWidget(self.prompt)
        hint = _label(KIND_HINTS.get(question.kind, ""))
        hint.setEnabled(False)  # the muted text colour of the palette
        layout.addWidget(hint)
        if question.kind in CHOICE_KINDS:
            self._add_choices()
        elif question.kind == ORDER:
            self._add_order()
        else:
            self._add_free_text()
        row = QHBoxLayout()
        self.submit_button = QPushButton("Submit answer")
        self.submit_button.setAccessibleName(f"Submit your answer to question {number}")
        self.again_button = QPushButton("Try again")
        self.again_button.setAccessibleName(f"Try question {number} again")
        self.again_button.hide()
        row.addWidget(self.submit_button)
        row.addWidget(self.again_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.feedback = QFrame()
        self.feedback.setObjectName("checkFeedback")
        box = QVBoxLayout(self.feedback)
        self.verdict = _label(bold=True)
        self.verdict.setAccessibleName(f"Result of question {number}")
        self.why = _label()
        self.why.setAccessibleName(f"Why, question {number}")
        box.addWidget(self.verdict)
        box.addWidget(self.why)
        self.feedback.hide()
        layout.addWidget(self.feedback)
        self.submit_button.clicked.connect(self.submit)
        self.again_button.clicked.connect(self.reset)
        self._update_submit()

    # -- widgets per kind ---------------------------------------------------------
    def _add_choices(self) -> None:
        q = self.question
        self.group = QButtonGroup(self)
        self.group.setExclusive(q.kind != MULTIPLE)
        for i, option in enumerate(q.options):
            button: QAbstractButton = CheckBox() if q.kind == MULTIPLE else QRadioButton()
            button.setAccessibleName(option.text)  # the words sit beside it, wrapped
            if q.kind == MI_CONSISTENT:
                button.setAccessibleDescription("A practitioner's reply")
            self.group.addButton(button, i)
            self.buttons.append(button)
            row = QHBoxLayout()
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(OptionLabel(option.text, button), 1)
            self._layout.addLayout(row)
            button.toggled.connect(self._update_submit)

    def _add_order(self) -> None:
        self.order_list = OrderList("Lines to put in order")
        self._fill_order()
        up = QPushButton("Move &up")
        up.setAccessibleName("Move the selected line up")
        down = QPushButton("Move &down")
        down.setAccessibleName("Move the selected line down")
        up.clicked.connect(lambda: self.move_selected(-1))
        down.clicked.connect(lambda: self.move_selected(+1))
        row = QHBoxLayout()
        row.addWidget(up)
        row.addWidget(down)
        row.addStretch(1)
        self.buttons = [up, down]
        self._layout.addWidget(self.order_list)
        self._layout.addLayout(row)

    def _fill_order(self) -> None:
        assert self.order_list is not None
        self.order_list.fill(self.question.items, shuffled_order(self.question))

    def move_selected(self, step: int) -> None:
        if self.order_list is not None:
            self.order_list.move_selected(step)

    def _add_free_text(self) -> None:
        self.text_edit = QPlainTextEdit()
        self.text_edit.setAccessibleName("Your answer")
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.show_model_button = QPushButton("Show &model answer")
        self.show_model_button.setAccessibleName("Show the model answer")
        self.model_answer = _label(f"Model answer: {self.question.model_answer}")
        self.model_answer.setAccessibleName("Model answer")
        self.rating_title = _label("How close was your answer?")
        self.rating_group = QButtonGroup(self)
        ratings = QWidget()
        rating_row = FlowLayout(ratings)
        rating_row.setContentsMargins(0, 0, 0, 0)
        for value, text in SELF_RATINGS:
            button = QRadioButton(text)
            button.setAccessibleName(f"My answer: {text}")
            button.setProperty("rating", value)
            self.rating_group.addButton(button)
            self.rating_buttons.append(button)
            rating_row.addWidget(button)
            button.toggled.connect(self._update_submit)
        self.rating_holder = QWidget()
        holder = QVBoxLayout(self.rating_holder)
        holder.setContentsMargins(0, 0, 0, 0)
        holder.addWidget(self.model_answer)
        holder.addWidget(self.rating_title)
        holder.addWidget(ratings)
        self.rating_holder.hide()
        self._layout.addWidget(self.text_edit)
        self._layout.addWidget(self.show_model_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._layout.addWidget(self.rating_holder)
        self.show_model_button.clicked.connect(self.show_model)

    def show_model(self) -> None:
        self.rating_holder.show()
        self.show_model_button.setEnabled(False)
        self.rating_buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_submit()

    # -- answering ----------------------------------------------------------------
    def answer(self) -> Answer:
        q = self.question
        if q.kind in CHOICE_KINDS:
            return [i for i, b in enumerate(self.buttons) if b.isChecked()]
        if q.kind == ORDER and self.order_list is not None:
            return self.order_list.given()
        checked = next((b for b in self.rating_buttons if b.isChecked()), None)
        return str(checked.property("rating")) if checked is not None else None

    def typed_text(self) -> str:
        return self.text_edit.toPlainText() if self.text_edit is not None else ""

    def _update_submit(self, *_args) -> None:
        answer = self.answer()
        ready = bool(answer) if not isinstance(answer, str) else True
        self.submit_button.setEnabled(ready and not self.again_button.isVisible())

    def submit(self) -> None:
        if not self.submit_button.isEnabled():
            return
        self.submitted.emit(self.question, self.answer(), self.typed_text(), time.monotonic() - self._started)

    def show_feedback(self, correct: bool | None, answer: Answer) -> None:
        """After the answer is saved: right or not, and why."""
        q = self.question
        if q.kind in SELF_RATED_KINDS:
            verdict = "Counted as right: close to the model answer." if correct else "Not counted yet: compare again."
        else:
            verdict = "\u2713 Right." if correct else "\u2717 Not quite."
        lines = []
        for text, right, why in right_feedback(q, answer):
            mark = "\u2713" if right else "\u2717"
            lines.append(f"{mark} {text}\n    {why}")
        if q.kind == ORDER and not correct:
            lines.append("The order is: " + " \u2192 ".join(q.items))
        if q.feedback:
            lines.append(q.feedback)
        self.verdict.setText(verdict)
        self.why.setText("\n\n".join(lines))
        self.why.setVisible(bool(lines))
        colour = self.theme.box_activity if correct else self.theme.box_warning
        self.feedback.setStyleSheet(
            f"QFrame#checkFeedback {{ background: {colour}; border-radius: 4px; }}"
            f"QFrame#checkFeedback QLabel {{ color: {self.theme.text}; }}"
        )
        self.feedback.show()
        self._set_answering(False)
        self.again_button.show()
        self._update_submit()
        self.again_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_answering(self, on: bool) -> None:
        for button in self.buttons + self.rating_buttons:
            button.setEnabled(on)
        if self.order_list is not None:
            self.order_list.setEnabled(on)
        if self.text_edit is not None:
            self.text_edit.setReadOnly(not on)
            self.show_model_button.setEnabled(on and not self.rating_holder.isVisible())

    def reset(self) -> None:
        """Try again: a clean card, the clock restarted."""
        self.feedback.hide()
        self.again_button.hide()
        self._set_answering(True)
        if self.group is not None:
            self.group.setExclusive(False)
            for b in self.buttons:
                b.setChecked(False)
            self.group.setExclusive(self.question.kind != MULTIPLE)
        if self.order_list is not None:
            self._fill_order()
        if self.text_edit is not None:
            self.rating_group.setExclusive(False)
            for b in self.rating_buttons:
                b.setChecked(False)
            self.rating_group.setExclusive(True)
            self.rating_holder.hide()
            self.show_model_button.setEnabled(True)
        self._started = time.monotonic()
        self._update_submit()
        first = self.buttons[0] if self.buttons else (self.order_list or self.text_edit)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)


class CheckPanel(QScrollArea):
    """Every check question of one module, and the result line."""

    back_requested = Signal()
    answered = Signal(object, object, object, str, float)  # module, question, answer, typed text, seconds

    def __init__(self, theme: Theme, parent=None):
        super().__init__(parent)
        self.setObjectName("checkPanel")
        self.setAccessibleName("Check your understanding")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # everything wraps
        self.theme = theme
        self.module: Module | None = None
        self.cards: list[QuestionCard] = []
        self._inner = QWidget()
        self._layout = QVBoxLayout(self._inner)
        self._layout.setContentsMargins(tokens.SPACE_3, tokens.SPACE_2, tokens.SPACE_3, tokens.SPACE_3)
        self.back_button = QPushButton("\u2190 Back to the text")
        self.back_button.setAccessibleName("Back to the module text")
        self.title = _label("Check your understanding", bold=True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.title.setFont(font)
        self.intro = _label()
        self.result = _label(bold=True)
        self.result.setAccessibleName("Result of the check")
        self.result_end = _label(bold=True)  # the same line below the last question
        self.result_end.setAccessibleName("Result of the check, at the end")
        self.setWidget(self._inner)
        self.back_button.clicked.connect(self.back_requested)

    def show_module(self, module: Module, result_text: str) -> None:
        self.module = module
        while self._layout.count():
            child = self._layout.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None and widget not in (
                self.back_button,
                self.title,
                self.intro,
                self.result,
                self.result_end,
            ):
                widget.deleteLater()
        check = [q for q in module.questions if q.in_check]
        self.cards = [QuestionCard(q, n, len(check), self.theme) for n, q in enumerate(check, 1)]
        self._layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._layout.addWidget(self.title)
        self.intro.setText(
            f"{len(check)} question{'s' if len(check) != 1 else ''} on \u201c{module.title}\u201d. "
            "Answer each one and submit it; you can try again as often as you like."
        )
        self._layout.addWidget(self.intro)
        self._layout.addWidget(self.result)
        for card in self.cards:
            card.submitted.connect(self._on_card_submitted)
            self._layout.addWidget(card)
        self._layout.addWidget(self.result_end)
        self._layout.addStretch(1)
        self.set_result(result_text)
        self.verticalScrollBar().setValue(0)

    def set_result(self, text: str) -> None:
        self.result.setText(text)
        self.result_end.setText(text)

    def _on_card_submitted(self, question: Question, answer: Answer, text: str, seconds: float) -> None:
        if self.module is not None:
            self.answered.emit(self.module, question, answer, text, seconds)

    def show_feedback(self, question: Question, correct: bool | None, answer: Answer, result_text: str) -> None:
        """The answer was saved: say why on its card, and the check's result."""
        card = next((c for c in self.cards if c.question is question), None)
        if card is not None:
            card.show_feedback(correct, answer)
        self.set_result(result_text)
