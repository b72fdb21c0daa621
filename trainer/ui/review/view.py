"""The Review section: what is due today, a short session one card at a time, and its end.

Three pages in a stack: the overview (how many are due, when the next come,
"Start review"; or the empty state), the session (one ``QuestionCard`` at a
time), and the end ("8 reviewed, next due Tuesday").
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from trainer.review.cards import ReviewItem
from trainer.review.words import due_line, end_line
from trainer.ui.common.page import action_row, page_column
from trainer.ui.review.controller import ReviewController
from trainer.ui.review.question import QuestionCard, wrapped

COLUMN_MAX = 820
ABOUT = (
    "Questions from the modules you have finished come back here on a schedule, so that what you learned "
    "sticks. The schedule is FSRS, the one behind modern Anki: a question you answer well comes back after "
    "longer and longer gaps; one you miss comes back soon. Choice and order questions are marked for you. "
    "For a written answer, you compare it with a model answer and say how well you recalled it."
)


def heading(text: str, scale: float) -> QLabel:
    label = wrapped(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


def column(*widgets: QWidget) -> tuple[QScrollArea, QVBoxLayout]:
    """A page: a centred column no wider than COLUMN_MAX, scrolling when the window is small."""
    return page_column(*widgets, width=COLUMN_MAX)


button_row = action_row


class ReviewView(QWidget):
    status_message = Signal(str)

    def __init__(self, controller: ReviewController, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.items: list[ReviewItem] = []
        self.index = 0
        self.reviewed = 0
        self.card: QuestionCard | None = None

        # overview --------------------------------------------------------------------
        self.title = heading("Review", 1.5)
        self.due_label = wrapped()
        self.due_label.setObjectName("reviewDue")
        self.start_button = QPushButton("&Start review")
        self.start_button.setAccessibleName("Start review")
        self.start_button.setToolTip("Answer today's questions one at a time (under five minutes)")
        self.about = wrapped(ABOUT)
        self.overview_page, layout = column(self.title, self.due_label)
        layout.addLayout(button_row(self.start_button))
        layout.addWidget(self.about)
        layout.addStretch(1)

        # session ---------------------------------------------------------------------
        self.where = wrapped()
        self.where.setObjectName("reviewWhere")
        self.stop_button = QPushButton("S&top for now")
        self.stop_button.setAccessibleName("Stop the review for now")
        self.stop_button.setToolTip("What you answered is saved; the rest stay due")
        self.card_holder = QVBoxLayout()
        self.session_page, layout = column(self.where)
        layout.addLayout(self.card_holder)
        layout.addLayout(button_row(self.stop_button))
        layout.addStretch(1)

        # end -------------------------------------------------------------------------
        self.end_title = heading("Done for today", 1.5)
        self.end_label = wrapped()
        self.end_label.setObjectName("reviewEnd")
        self.back_button = QPushButton("&Back to Review")
        self.back_button.setAccessibleName("Back to the Review overview")
        self.end_page, layout = column(self.end_title, self.end_label)
        layout.addLayout(button_row(self.back_button))
        layout.addStretch(1)

        self.stack = QStackedWidget()
        for page in (self.overview_page, self.session_page, self.end_page):
            self.stack.addWidget(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        self.start_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.finish)
        self.back_button.clicked.connect(self.show_overview)
        controller.save_failed.connect(self.on_save_failed)
        self.show_overview()

    # -- pages ---------------------------------------------------------------------
    def refresh(self) -> None:
        o = self.controller.overview()
        self.due_label.setText(due_line(o.due, o.next_due, o.cards, self.controller.now()))
        self.start_button.setVisible(o.due > 0)
        self.start_button.setAccessibleDescription(self.due_label.text())

    def show_overview(self) -> None:
        self.refresh()
        self.stack.setCurrentWidget(self.overview_page)
        self.focus_first()

    def on_records_changed(self) -> None:
        if self.stack.currentWidget() is self.overview_page:
            self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.on_records_changed()

    def focus_first(self) -> None:
        page = self.stack.currentWidget()
        if page is self.overview_page:
            (self.start_button if not self.start_button.isHidden() else self.about).setFocus()
        elif page is self.session_page and self.card is not None:
            self.card.focus_first()
        elif page is self.end_page:
            self.back_button.setFocus()

    # -- a session -----------------------------------------------------------------
    def start(self) -> None:
        self.items = self.controller.session()
        self.index = self.reviewed = 0
        if not self.items:
            self.show_overview()
            return
        self.stack.setCurrentWidget(self.session_page)
        self.show_card()

    def show_card(self) -> None:
        self._drop_card()
        if self.index >= len(self.items):
            self.finish()
            return
        item = self.items[self.index]
        self.where.setText(f"Question {self.index + 1} of {len(self.items)} \u00b7 from {item.module_title}")
        self.card = QuestionCard(item)
        self.card.answered.connect(self.on_answered)
        self.card.next_requested.connect(self.next_card)
        self.card_holder.addWidget(self.card)
        self.card.show()  # a child added to a shown page is shown only on the next event loop turn
        self.controller.card_shown()
        self.card.focus_first()

    def _drop_card(self) -> None:
        if self.card is not None:
            self.card_holder.removeWidget(self.card)
            self.card.hide()  # at once: deleteLater waits for the event loop
            self.card.deleteLater()
            self.card = None

    def on_answered(self, rating: int, answer: str, correct: object) -> None:
        if self.card is None:
            return
        done = self.controller.record(self.card.item, rating, answer, correct if isinstance(correct, bool) else None)
        if done is None:
            self.card.retry()  # not saved: the failure is shown; the card can be answered again
            return
        self.reviewed += 1
        if correct is None:  # self-rated: the rating is the last step
            self.next_card()

    def next_card(self) -> None:
        self.index += 1
        self.show_card()

    def finish(self) -> None:
        self._drop_card()
        o = self.controller.overview()
        self.end_title.setText("Done for today" if o.due == 0 else "Stopped for now")
        text = end_line(self.reviewed, o.next_due, self.controller.now())
        if o.due:
            text += f" Still due today: {o.due}."
        self.end_label.setText(text)
        self.stack.setCurrentWidget(self.end_page)
        self.back_button.setFocus()

    def on_save_failed(self, message: str) -> None:
        self.status_message.emit(message)
        if self.card is not None:
            self.card.verdict.setText(message)
            self.card.verdict.show()
