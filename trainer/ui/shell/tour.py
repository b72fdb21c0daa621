"""A three-step tour of the sections, offered by the first-run welcome.

Each step shows its section in the window and says in one or two sentences what
it is for; Next, Back, or Skip. Finished or skipped, it is not offered again
(``tour/done`` in the window's settings). After the welcome, ``after_welcome``
also starts module 1 or opens the restore dialog, as the person chose.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout

from trainer.domain import tokens
from trainer.ui.common.widgets import heading, make_button, muted_label
from trainer.ui.settings.welcome import RESTORE, START, TOUR, WelcomeChoice

if TYPE_CHECKING:
    from trainer.ui.shell.main_window import MainWindow
    from trainer.ui.shell.parts import AppParts

DONE = "tour/done"
STEPS = (
    (
        "home",
        "Home: where you left off",
        "Home shows the module to carry on with, how far through the course you are, "
        "and anything due today: a goal check-in or a few review questions.",
    ),
    (
        "course",
        "Course: read, try, mark done",
        "Each module takes about 20 minutes. Try its activity, then mark it done (Ctrl+D). "
        "Ctrl+R starts a reflection linked to the module.",
    ),
    (
        "journal",
        "Journal and Skills: your CPD evidence",
        "Reflections and goals are kept in the Journal; Skills shows how your practice "
        "grows, rated by you and by colleagues who observe you. The sections are on the left (Alt+1 to Alt+7).",
    ),
)


class Tour(QDialog):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window_ = window
        self.steps = [s for s in STEPS if s[0] in window.sections]
        self.index = 0
        self.setWindowTitle("A quick tour")
        self.setModal(False)
        self.counter = muted_label()
        self.title = heading("", "title")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setMinimumWidth(360)
        self.skip_button = make_button("&Skip the tour", "quiet")
        self.back_button = make_button("&Back")
        self.next_button = make_button("&Next", "primary")
        self.next_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.setSpacing(tokens.SPACE_1)
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(tokens.SPACE_3, tokens.SPACE_2, tokens.SPACE_3, tokens.SPACE_2)
        layout.setSpacing(tokens.SPACE_1)
        layout.addWidget(self.counter)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addSpacing(tokens.SPACE_1)
        layout.addLayout(buttons)
        self.skip_button.clicked.connect(self.finish)
        self.back_button.clicked.connect(lambda: self.go(self.index - 1))
        self.next_button.clicked.connect(self.on_next_clicked)

    def start(self) -> None:
        self.go(0)
        self.show()
        self.move(self.window_.mapToGlobal(QPoint(self.window_.width() // 3, self.window_.height() // 4)))
        self.next_button.setFocus()

    def go(self, index: int) -> None:
        if not self.steps:
            self.finish()
            return
        self.index = max(0, min(index, len(self.steps) - 1))
        key, title, text = self.steps[self.index]
        self.window_.show_section(key)
        self.counter.setText(f"Step {self.index + 1} of {len(self.steps)}")
        self.title.setText(title)
        self.text.setText(text)
        self.setAccessibleDescription(f"{title}. {text}")
        last = self.index == len(self.steps) - 1
        self.next_button.setText("&Finish" if last else "&Next")
        self.back_button.setEnabled(self.index > 0)
        self.next_button.setFocus()

    def on_next_clicked(self) -> None:
        if self.index >= len(self.steps) - 1:
            self.finish()
        else:
            self.go(self.index + 1)

    def finish(self) -> None:
        self.window_.settings.setValue(DONE, "true")
        self.window_.show_section("home")
        self.accept()


def after_welcome(parts: AppParts, choice: WelcomeChoice) -> Tour | None:
    """What the person chose on the welcome page, once the window is shown."""
    window = parts.window
    if choice.then == START:
        readable = parts.controller.course.readable()
        if readable:
            parts.links.open_module(readable[0].id)
    elif choice.then == TOUR and str(window.settings.value(DONE, "false")) != "true":
        tour = Tour(window)
        tour.start()
        return tour
    elif choice.then == RESTORE and window.restore_action is not None:
        window.restore_action.trigger()
    return None
