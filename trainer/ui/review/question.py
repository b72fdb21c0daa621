"""One review card on screen: the question, a way to answer it, then feedback or a self-rating.

Choice and order questions are marked by the app when the learner presses
"Check" (right is rated Good, wrong Again). Free text and skill prompts show
the model answer, and the learner rates their own recall: Again, Hard, Good
or Easy (keys 1 to 4).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from trainer.domain import tokens
from trainer.domain.questions import CHOICE_KINDS, MI_CONSISTENT, MULTIPLE, ORDER
from trainer.review.answers import (
    choice_correct,
    choice_feedback,
    choice_text,
    order_correct,
    order_feedback,
    order_text,
    shuffled,
)
from trainer.review.cards import ReviewItem
from trainer.review.schedule import RATING_NAMES, RATINGS, auto_rating, fsrs_card_id
from trainer.ui.common.check_box import CheckBox
from trainer.ui.common.choices import OptionLabel, OrderList

RATING_HINTS = {
    1: "Again: I did not recall it; bring it back soon",
    2: "Hard: I recalled it with real effort",
    3: "Good: I recalled it",
    4: "Easy: I recalled it at once",
}


def wrapped(text: str = "", rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class QuestionCard(QWidget):
    """Emits ``answered(rating, answer, correct)`` once; ``correct`` is None for self-rated kinds."""

    answered = Signal(int, str, object)
    next_requested = Signal()

    def __init__(self, item: ReviewItem, parent=None):
        super().__init__(parent)
        self.item = item
        q = item.question
        self._done = False

        self.prompt = wrapped(q.prompt)
        font = self.prompt.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.prompt.setFont(font)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(tokens.SPACE_1)
        layout.addWidget(self.prompt)

        self.options: list[QAbstractButton] = []  # choice kinds: one button per option, in file order
        self.option_labels: list[OptionLabel] = []
        self.order: OrderList | None = None
        self.editor: QPlainTextEdit | None = None
        if q.kind in CHOICE_KINDS:
            layout.addLayout(self._option_buttons())
        elif q.kind == ORDER:
            layout.addLayout(self._order_list())
        else:
            self.editor = QPlainTextEdit()
            self.editor.setAccessibleName("Your answer")
            self.editor.setPlaceholderText("Type your answer, then compare it with the model answer.")
            self.editor.setTabChangesFocus(True)
            self.editor.setMaximumHeight(120)
            layout.addWidget(self.editor)

        self.check_button = QPushButton("&Check answer" if item.scored else "&Show the model answer")
        self.check_button.setAutoDefault(True)
        self.check_button.setAccessibleName("Check your answer" if item.scored else "Show the model answer")
        self.check_button.clicked.connect(self.on_check_clicked)
        row = QHBoxLayout()
        row.addWidget(self.check_button)
        row.addStretch(1)
        layout.addLayout(row)

        self.verdict = wrapped()
        self.verdict.setObjectName("reviewVerdict")
        vfont = self.verdict.font()
        vfont.setBold(True)
        self.verdict.setFont(vfont)
        self.feedback = wrapped(rich=True)
        self.feedback.setAccessibleName("Feedback")
        layout.addWidget(self.verdict)
        layout.addWidget(self.feedback)

        self.rating_label = wrapped("How well did you recall it? Press 1 to 4.")
        self.rating_buttons: dict[int, QPushButton] = {}
        ratings = QHBoxLayout()
        for rating in RATINGS:
            button = QPushButton(f"{rating} {RATING_NAMES[rating]}")
            button.setAccessibleName(RATING_NAMES[rating])
            button.setAccessibleDescription(RATING_HINTS[rating])
            button.setToolTip(f"{RATING_HINTS[rating]} (key {rating})")
            button.setAutoDefault(True)
            button.clicked.connect(lambda _checked=False, r=rating: self.rate(r))
            ratings.addWidget(button)
            self.rating_buttons[rating] = button
            shortcut = QShortcut(QKeySequence(str(rating)), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda r=rating: self.rate(r))
        ratings.addStretch(1)
        layout.addWidget(self.rating_label)
        layout.addLayout(ratings)

        self.next_button = QPushButton("&Next")
        self.next_button.setAccessibleName("Next question")
        self.next_button.setAutoDefault(True)
        self.next_button.clicked.connect(self.next_requested)
        next_row = QHBoxLayout()
        next_row.addWidget(self.next_button)
        next_row.addStretch(1)
        layout.addLayout(next_row)
        layout.addStretch(1)
        self._show_rating(False)
        self.next_button.hide()
        self.verdict.hide()
        self.feedback.hide()

    # -- building ------------------------------------------------------------------
    def _option_buttons(self) -> QVBoxLayout:
        """A radio button (a check box for ``multiple``) per option, its words wrapped beside it."""
        q = self.item.question
        self.group = QButtonGroup(self)
        self.group.setExclusive(q.kind != MULTIPLE)
        column = QVBoxLayout()
        column.setSpacing(tokens.SPACE_1)
        for i, option in enumerate(q.options):
            button: QAbstractButton = CheckBox() if q.kind == MULTIPLE else QRadioButton()
            button.setAccessibleName(option.text)  # the words sit beside it, wrapped
            if q.kind == MI_CONSISTENT:
                button.setAccessibleDescription("A practitioner's reply")
            self.group.addButton(button, i)
            label = OptionLabel(option.text, button)
            row = QHBoxLayout()
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(label, 1)
            column.addLayout(row)
            self.options.append(button)
            self.option_labels.append(label)
        return column

    def _order_list(self) -> QHBoxLayout:
        q = self.item.question
        self.order = widget = OrderList("Items to put in order", spacing=4)
        widget.fill(q.items, shuffled(len(q.items), fsrs_card_id(self.item.card_id)))
        self.up_button = QPushButton("Move &up")
        self.up_button.setAccessibleName("Move the chosen item up")
        self.up_button.setToolTip("Move the chosen item up (Alt+Up in the list)")
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button = QPushButton("Move &down")
        self.down_button.setAccessibleName("Move the chosen item down")
        self.down_button.setToolTip("Move the chosen item down (Alt+Down in the list)")
        self.down_button.clicked.connect(lambda: self.move_item(1))
        side = QVBoxLayout()
        side.addWidget(self.up_button)
        side.addWidget(self.down_button)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(widget, 1)
        row.addLayout(side)
        return row

    def move_item(self, step: int) -> None:
        if self.order is not None:
            self.order.move_selected(step)

    def focus_first(self) -> None:
        target: QWidget | None = self.options[0] if self.options else (self.order or self.editor)
        if target is not None:
            target.setFocus()

    # -- answering -----------------------------------------------------------------
    def chosen(self) -> list[int]:
        return [i for i, button in enumerate(self.options) if button.isChecked()]

    def order_given(self) -> list[int]:
        if self.order is None:
            return []
        return self.order.given()

    def on_check_clicked(self) -> None:
        if self._done:
            return
        q = self.item.question
        if self.options:
            chosen = self.chosen()
            if not chosen:
                self.verdict.setText("Choose an answer first.")
                self.verdict.show()
                return
            correct = choice_correct(q, chosen)
            self._mark_options(chosen)
            self._finish_scored(correct, choice_text(q, chosen), choice_feedback(q, chosen))
        elif self.order is not None:
            given = self.order_given()
            correct = order_correct(q, given)
            self._finish_scored(correct, order_text(q, given), order_feedback(q))
        else:
            self._show_model_answer()

    def _mark_options(self, chosen: list[int]) -> None:
        """After checking: a tick on each right option, a cross on each wrong one chosen (text: read out)."""
        for i, (option, label) in enumerate(zip(self.item.question.options, self.option_labels)):
            if option.correct:
                label.setText(f"\u2713 {option.text}  (right)")
            elif i in chosen:
                label.setText(f"\u2717 {option.text}  (your choice)")
            self.options[i].setAccessibleName(label.text())

    def _lock(self) -> None:
        self._done = True
        for button in self.options:
            button.setEnabled(False)
        if self.order is not None:
            self.order.lock()
        if self.order is not None:
            self.up_button.setEnabled(False)
            self.down_button.setEnabled(False)
        self.check_button.setEnabled(False)

    def _finish_scored(self, correct: bool, answer: str, lines: list[str]) -> None:
        self._lock()
        self.verdict.setText("Right." if correct else "Not quite.")
        self._show_feedback(lines)
        self.next_button.show()
        self.next_button.setFocus()
        self.answered.emit(auto_rating(correct), answer, correct)

    def _show_feedback(self, lines: list[str], quoted: str = "") -> None:
        """The feedback lines; ``quoted`` (a model answer) first, set apart as a quotation."""
        quote = f"<blockquote><i>{html.escape(quoted)}</i></blockquote>" if quoted else ""
        self.feedback.setText(quote + "".join(f"<p>{html.escape(line)}</p>" for line in lines))
        self.verdict.show()
        self.feedback.show()

    def _show_model_answer(self) -> None:
        q = self.item.question
        if self.editor is not None:
            self.editor.setReadOnly(True)
        self.check_button.setEnabled(False)
        self.verdict.setText("Compare your answer with this model answer:")
        self._show_feedback([q.feedback] if q.feedback else [], quoted=q.model_answer)
        self._show_rating(True)
        self.rating_buttons[3].setFocus()

    def _show_rating(self, shown: bool) -> None:
        self.rating_label.setVisible(shown)
        for button in self.rating_buttons.values():
            button.setVisible(shown)
            button.setEnabled(shown)

    def rate(self, rating: int) -> None:
        """A self-rating (keys 1 to 4), once the model answer is shown."""
        if self._done or self.rating_label.isHidden():
            return
        self._done = True
        for button in self.rating_buttons.values():
            button.setEnabled(False)
        answer = self.editor.toPlainText().strip() if self.editor is not None else ""
        self.answered.emit(rating, answer, None)

    def retry(self) -> None:
        """The answer could not be saved: let the learner give it again."""
        self._done = False
        if self.rating_label.isHidden():
            self.check_button.setEnabled(True)
            self.next_button.hide()
            for button, label, option in zip(self.options, self.option_labels, self.item.question.options):
                button.setEnabled(True)
                label.setText(option.text)
                button.setAccessibleName(option.text)
        else:
            for button in self.rating_buttons.values():
                button.setEnabled(True)
