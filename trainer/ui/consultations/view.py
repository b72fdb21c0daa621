"""The Your turn section: the list of consultations, the conversation, and its summary.

Three pages in a stack. The learner picks a consultation, chooses what to say
at each turn (feedback on the choice, then the person's reply), and at an end
node sees the summary; the attempt is then kept (``ConsultationsController``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from trainer.consultations.model import Consultation, Response, Step
from trainer.export.period import long_date
from trainer.services.consultations import reflection_link
from trainer.ui.common.rows import use_rows
from trainer.ui.consultations.controller import ConsultationsController
from trainer.ui.consultations.conversation import ConversationPage, codes_text
from trainer.ui.consultations.summary import SummaryPage
from trainer.ui.consultations.widgets import button_row, column, heading, wrapped

ABOUT = (
    "Hold the conversation yourself. At each turn you choose what to say from two to four responses; "
    "each is coded with the same eight behaviours the Skills counter uses. After each choice you see, "
    "briefly, why it helps or not, and how the person replies: a good reflection draws out change talk, "
    "unasked advice often meets sustain talk or push-back. At the end you see your path beside the "
    "expert's and your figures against the course's thresholds. Each finished attempt counts as CPD time "
    "and as evidence for the skills it exercised."
)
EMPTY = "This course has no branching consultations yet. A course author adds them in consultations/."


def list_text(c: Consultation, latest: dict | None) -> str:
    lines = [c.title, f"{c.practitioner} ({c.profession_title}) \u00b7 {c.setting}"]
    if latest is not None:
        lines.append(
            f"Last held {long_date(latest.get('date'))}: chose as the expert did at "
            f"{latest.get('expert_matches', 0)} of {latest.get('decisions', 0)} decisions"
        )
    else:
        lines.append(f"Not held yet \u00b7 {len(c.expert_path())} decisions on the expert path")
    return "\n".join(lines)


class ConsultationsView(QWidget):
    status_message = Signal(str)
    reflection_requested = Signal(dict)  # a journal link to the attempt

    def __init__(self, controller: ConsultationsController, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.consultation: Consultation | None = None
        self.steps: list[Step] = []
        self.last: tuple[Response, str] | None = None
        self.record: dict | None = None

        self.title = heading("Your turn")
        self.about = wrapped(ABOUT)
        self.list = QListWidget()
        self.list.setObjectName("consultationList")
        self.list.setAccessibleName("Consultations to hold")
        self.list.setMinimumHeight(220)
        use_rows(self.list)  # the consultation's title bold, the rest muted, wrapped
        self.start_button = QPushButton("St&art the consultation")
        self.start_button.setAccessibleName("Start the chosen consultation")
        self.empty = wrapped(EMPTY)
        self.list_page, layout = column()
        for widget in (self.title, self.about, self.list, self.empty):
            layout.addWidget(widget)
        layout.addLayout(button_row(self.start_button))
        layout.addStretch(1)

        self.conversation = ConversationPage()
        self.summary = SummaryPage()
        self.stack = QStackedWidget()
        for page in (self.list_page, self.conversation, self.summary):
            self.stack.addWidget(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        self.start_button.clicked.connect(self.start_current)
        self.list.itemActivated.connect(lambda _item: self.start_current())
        self.conversation.chosen.connect(self.on_chosen)
        self.conversation.leave_requested.connect(self.show_list)
        self.summary.replay_requested.connect(self.replay_from)
        self.summary.reflect_requested.connect(self.reflect)
        self.summary.back_requested.connect(self.show_list)
        controller.save_failed.connect(self.status_message.emit)
        self.refresh()

    # -- the list ------------------------------------------------------------------
    def refresh(self) -> None:
        current = self.list.currentRow()
        self.list.clear()
        for c in self.controller.consultations:
            item = QListWidgetItem(list_text(c, self.controller.latest(c.id)))
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, item.text().replace("\n", ". "))
            self.list.addItem(item)
        has_any = self.list.count() > 0
        self.list.setVisible(has_any)
        self.start_button.setVisible(has_any)
        self.empty.setVisible(not has_any)
        if has_any:
            self.list.setCurrentRow(min(max(current, 0), self.list.count() - 1))

    def on_records_changed(self) -> None:
        if self.stack.currentWidget() is self.list_page:
            self.refresh()

    def show_list(self) -> None:
        self.refresh()
        self.stack.setCurrentWidget(self.list_page)
        (self.list if self.list.count() else self.about).setFocus(Qt.FocusReason.OtherFocusReason)

    # -- holding a consultation ----------------------------------------------------
    def start_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.start(str(item.data(Qt.ItemDataRole.UserRole)))

    def start(self, consultation_id: str) -> None:
        found = next((c for c in self.controller.consultations if c.id == consultation_id), None)
        if found is None:
            return
        self.consultation, self.steps, self.last, self.record = found, [], None, None
        self.controller.started()
        self.show_node()

    def show_node(self) -> None:
        assert self.consultation is not None
        node = self.consultation.node(self.consultation.follow(self.steps))
        self.stack.setCurrentWidget(self.conversation)
        self.conversation.show_turn(self.consultation, node, len(self.steps) + 1, self.last)

    def on_chosen(self, index: int) -> None:
        c = self.consultation
        if c is None:
            return
        node = c.node(c.follow(self.steps))
        if not node.is_decision or not 0 <= index < len(node.responses):
            return
        self.steps.append(Step(node.id, index))
        response = node.responses[index]
        self.last = (response, response.say)
        if c.node(response.next).end:
            self.finish()
        else:
            self.show_node()

    def finish(self) -> None:
        c = self.consultation
        assert c is not None
        done = self.controller.finish(c, self.steps)
        if done is None:  # not saved: the message is shown; the last choice can be made again
            self.steps.pop()
            self.show_node()
            return
        self.record, result = done
        feedback = ""
        if self.last is not None:
            response, said = self.last
            feedback = f"You said: \u201c{said}\u201d ({codes_text(response.codes)}). {response.feedback}"
        self.stack.setCurrentWidget(self.summary)
        self.summary.show_result(c, result, float(self.record.get("seconds", 0.0)), feedback)
        self.status_message.emit("Consultation saved. It counts towards your CPD time.")

    def replay_from(self, row: int) -> None:
        """Go back to decision ``row`` (0-based) of the path just taken and choose again from there."""
        if self.consultation is None:
            return
        row = max(0, min(row, len(self.steps) - 1))
        self.steps = self.steps[:row]
        self.last = None
        if self.steps:
            response = self.consultation.response(self.steps[-1])
            self.last = (response, response.say)
        self.record = None
        self.controller.started()
        self.show_node()

    def reflect(self) -> None:
        if self.record is not None:
            self.reflection_requested.emit(reflection_link(self.record))
