"""The conversation: the person's line, 2 to 4 responses, then feedback and their reply.

Keys (only while this page is shown): 1 to 4 choose a response; Up and Down
move between the responses and Enter or Space chooses the focused one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from trainer.competencies.coding import BY_ID
from trainer.consultations.model import Consultation, Node, Response
from trainer.domain import tokens
from trainer.ui.consultations.widgets import Box, ResponseWords, button_row, column, heading, wrapped


def codes_text(codes: tuple[str, ...] | list[str]) -> str:
    return ", ".join(BY_ID[c].label if c in BY_ID else c for c in codes)


class ConversationPage(QWidget):
    chosen = Signal(int)  # the 0-based index of the response chosen
    leave_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = heading("", 1.3)
        self.where = wrapped(name="consultationWhere")
        self.feedback_box = Box("consultationFeedback")
        self.feedback_title = wrapped(name="consultationFeedbackTitle")
        bold = self.feedback_title.font()
        bold.setBold(True)
        self.feedback_title.setFont(bold)
        self.feedback = wrapped(name="consultationFeedbackText")
        self.feedback_box.layout_.addWidget(self.feedback_title)
        self.feedback_box.layout_.addWidget(self.feedback)
        self.person_box = Box("consultationPerson")
        self.person_line = wrapped(name="consultationPersonLine")
        larger = self.person_line.font()
        larger.setPointSizeF(larger.pointSizeF() * 1.15)
        self.person_line.setFont(larger)
        self.note = wrapped(name="consultationNote")
        italic = self.note.font()
        italic.setItalic(True)
        self.note.setFont(italic)
        self.person_box.layout_.addWidget(self.note)
        self.person_box.layout_.addWidget(self.person_line)
        self.prompt = wrapped("What do you say? Press 1 to 4, or move with the arrow keys and press Enter.")
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(tokens.SPACE_1)
        self.grid.setVerticalSpacing(tokens.SPACE_1)
        self.grid.setColumnStretch(1, 1)
        self.buttons: list[QPushButton] = []
        self.words: list[ResponseWords] = []
        self.leave_button = QPushButton("&Back to the list")
        self.leave_button.setAccessibleName("Leave this consultation and go back to the list")
        self.leave_button.setToolTip("Nothing is kept until you reach the end of the consultation")
        self.page_scroll, layout = column()
        for widget in (self.title, self.where, self.feedback_box, self.person_box, self.prompt):
            layout.addWidget(widget)
        layout.addLayout(self.grid)
        layout.addSpacing(tokens.SPACE_1)
        layout.addLayout(button_row(self.leave_button))
        layout.addStretch(1)
        outer = QGridLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.page_scroll, 0, 0)
        self.leave_button.clicked.connect(self.leave_requested.emit)
        for n in range(1, 5):
            shortcut = QShortcut(QKeySequence(str(n)), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda n=n: self.choose(n - 1))

    def show_turn(self, consultation: Consultation, node: Node, turn: int, last: tuple[Response, str] | None) -> None:
        """Show ``node``; ``last`` is the response just chosen and the feedback heading for it."""
        self.title.setText(consultation.title)
        self.where.setText(f"{consultation.practitioner} \u00b7 {consultation.setting} \u00b7 decision {turn}")
        self.show_feedback(last)
        self.note.setText(node.note)
        self.note.setVisible(bool(node.note))
        self.person_line.setText(f"{consultation.person}: \u201c{node.person}\u201d")
        self.person_box.setAccessibleName(f"{consultation.person} says")
        self.person_box.setAccessibleDescription(node.person)
        self._set_responses(list(node.responses))
        if self.buttons:
            self.buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def show_feedback(self, last: tuple[Response, str] | None) -> None:
        self.feedback_box.setVisible(last is not None)
        if last is None:
            return
        response, said = last
        self.feedback_title.setText(f"You said: \u201c{said}\u201d ({codes_text(response.codes)})")
        self.feedback.setText(response.feedback)
        self.feedback_box.setAccessibleName("Feedback on your last response")
        self.feedback_box.setAccessibleDescription(f"{self.feedback_title.text()} {response.feedback}")

    def _set_responses(self, responses: list[Response]) -> None:
        for widget in [*self.buttons, *self.words]:
            self.grid.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self.buttons, self.words = [], []
        for i, response in enumerate(responses):
            button = QPushButton(str(i + 1))  # no "&": Alt+1... switch sections
            button.setAutoDefault(True)
            button.setAccessibleName(f"Response {i + 1}: {response.say}")
            button.setToolTip(f"Say this (key {i + 1})")
            button.setMinimumWidth(44)
            button.clicked.connect(lambda _checked=False, i=i: self.choose(i))
            button.installEventFilter(self)
            words = ResponseWords(response.say, button)
            words.setObjectName(f"consultationResponse{i + 1}")
            self.grid.addWidget(button, i, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(words, i, 1)
            button.show()  # a child added to a shown page is shown only on the next event loop turn
            words.show()
            self.buttons.append(button)
            self.words.append(words)
        for a, b in zip(self.buttons, self.buttons[1:], strict=False):
            QWidget.setTabOrder(a, b)
        if self.buttons:
            QWidget.setTabOrder(self.buttons[-1], self.leave_button)

    def choose(self, index: int) -> None:
        if 0 <= index < len(self.buttons) and self.isVisible():
            self.chosen.emit(index)

    def eventFilter(self, watched, event) -> bool:
        """Up and Down move between the responses."""
        if event.type() == QEvent.Type.KeyPress and watched in self.buttons:
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                step = -1 if key == Qt.Key.Key_Up else 1
                index = self.buttons.index(watched)
                self.buttons[(index + step) % len(self.buttons)].setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)
