"""The Home section: carry on where you left off, see how far you are, what is due.

The view only lays out a ``HomeSummary`` (from ``trainer/services/home.py``),
asked for through ``summary()`` each time Home is shown or something changes.
It emits requests; ``wiring`` opens the other sections.

Home is built at start-up, so this module never touches PySide's ``Qt``
namespace: its first use costs tens of milliseconds on Python 3.11 (see
``main_window``). The two Qt enum values it needs are set by value, through
the widgets' properties.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from trainer.domain import tokens
from trainer.services.home import HomeSummary
from trainer.ui.common.widgets import Card, heading, make_button, muted_label
from trainer.ui.home.path import ModulePath

UidRole = 0x0100  # Qt.ItemDataRole.UserRole (roles are plain ints in Qt)
NO_FOCUS = 0  # Qt.FocusPolicy.NoFocus
NO_TEXT_INTERACTION = 0  # Qt.TextInteractionFlag.NoTextInteraction
PLAIN_TEXT = 0  # Qt.TextFormat.PlainText: a person's own words are never read as HTML
COLUMN_MAX = 980


def text_and_button(text: QLabel, button: QPushButton) -> QHBoxLayout:
    """The text, with its button beside it at the top (a stretch below the button)."""
    side = QVBoxLayout()
    side.addWidget(button)
    side.addStretch(1)
    row = QHBoxLayout()
    row.setSpacing(tokens.SPACE_2)
    row.addWidget(text, 1)
    row.addLayout(side)
    return row


def nice_day(iso: str) -> str:
    """'2026-12-06' -> '6 Dec 2026'; '' for no date."""
    from trainer.competencies.ratings import nice_date  # lazy: Qt-free, only once there is a date

    return nice_date(iso) if iso else ""


STACK_BELOW_EM = 40  # narrower than this many line heights: the goal card goes under progress


def goal_line(goals) -> str:
    """The first open goal and its next check-in, and how many more there are."""
    first = goals[0]
    line = f"\u201c{first.goal}\u201d \u00b7 next check-in {nice_day(first.next_checkin) or 'not set'}."
    more = len(goals) - 1
    return line + (f" And {more} more goal{'s' if more > 1 else ''} in the Journal." if more else "")


class HomeView(QWidget):
    module_requested = Signal(str)  # open this module in Course
    reflection_requested = Signal(str)  # open this reflection uid in Journal
    checkin_requested = Signal(str)  # check in on this goal uid
    search_requested = Signal()
    bookmarks_requested = Signal()
    review_requested = Signal()  # show the Review section

    def __init__(self, summary: Callable[[], HomeSummary], profile_name: str = "", parent=None):
        super().__init__(parent)
        self._summary = summary
        self._continue_id: str | None = None
        self._skill_module: str | None = None
        self._due: list[str] = []
        self._rows: object | None = None  # the list's row delegate, once there are rows

        self.title = heading(f"Welcome, {profile_name}" if profile_name else "Welcome", "display")
        self.title.setObjectName("homeTitle")

        # continue -----------------------------------------------------------------------
        self.continue_card = Card("Continue where you left off")
        self.continue_label = QLabel()
        self.continue_label.setWordWrap(True)
        self.continue_button = make_button("&Continue reading", "primary")
        self.continue_button.setAutoDefault(True)  # Enter clicks it when focused
        self.continue_button.setToolTip("Open this module in the Course section (Enter)")
        self.continue_card.body.addLayout(text_and_button(self.continue_label, self.continue_button))

        # progress -------------------------------------------------------------------------
        self.progress_card = Card("Your progress")
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        self.progress_path = ModulePath()  # the course as a path of modules; a stop opens its module
        self.progress_path.module_chosen.connect(self.module_requested)
        self.progress_label.setBuddy(self.progress_path)
        self.progress_card.body.addWidget(self.progress_path)
        self.progress_card.body.addWidget(self.progress_label)
        self.review_label = QLabel()  # spaced review: what is due today
        self.review_label.setWordWrap(True)
        self.review_button = make_button("Start review", "primary")
        self.review_button.setAccessibleName("Start today's review")
        self.review_button.setToolTip("Answer today's review questions in the Review section")
        self.progress_card.body.addLayout(text_and_button(self.review_label, self.review_button))

        # goals -----------------------------------------------------------------------------
        self.goal_card = Card("Your goal")
        self.goal_label = QLabel()
        self.goal_label.setWordWrap(True)
        self.goal_label.setProperty("textFormat", PLAIN_TEXT)  # the nudge quotes the goal
        self.checkin_button = make_button("Check &in\u2026")
        self.checkin_button.setAccessibleName("Check in on your goal")
        self.checkin_button.setToolTip("Record how your own goal is going")
        self.goal_card.body.addLayout(text_and_button(self.goal_label, self.checkin_button))

        # recent reflections ---------------------------------------------------------------
        self.recent_card = Card("Recent reflections")
        self.recent_list = QListWidget()
        self.recent_list.setAccessibleName("Recent reflections")
        self.recent_list.setAccessibleDescription("Press Enter to open the reflection in the Journal")
        self.recent_list.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustToContents)
        self.recent_list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.recent_list.setWordWrap(True)
        self.recent_list.setUniformItemSizes(False)
        self.recent_list.setFrameShape(QFrame.Shape.NoFrame)
        self.recent_empty = muted_label("No reflections yet. While reading a module, press Ctrl+R to start one.")
        self.recent_card.body.addWidget(self.recent_list)
        self.recent_card.body.addWidget(self.recent_empty)

        # next skill -----------------------------------------------------------------------
        self.skill_card = Card("A skill to work on next")
        self.skill_label = QLabel()
        self.skill_label.setWordWrap(True)
        self.skill_button = make_button("&Open the module")
        self.skill_button.setAccessibleName("Open the module that teaches this skill")
        self.skill_card.body.addLayout(text_and_button(self.skill_label, self.skill_button))

        # tools -----------------------------------------------------------------------------
        self.search_button = make_button("&Search everything\u2026", "quiet")
        self.search_button.setToolTip("Search modules, scenarios and your reflections (Ctrl+K or Ctrl+F)")
        self.bookmarks_button = make_button("Book&marks\u2026", "quiet")
        self.bookmarks_button.setToolTip("Passages you bookmarked, with your notes (Ctrl+Shift+B)")
        tools = QHBoxLayout()
        tools.setSpacing(tokens.SPACE_1)
        tools.addWidget(self.search_button)
        tools.addWidget(self.bookmarks_button)
        tools.addStretch(1)

        column = QWidget()
        column.setMaximumWidth(COLUMN_MAX)
        grid = QGridLayout(column)
        grid.setContentsMargins(tokens.SPACE_4, tokens.SPACE_3, tokens.SPACE_4, tokens.SPACE_4)
        grid.setHorizontalSpacing(tokens.SPACE_2)
        grid.setVerticalSpacing(tokens.SPACE_2)
        grid.addWidget(self.title, 0, 0, 1, 2)
        grid.addWidget(self.continue_card, 1, 0, 1, 2)
        self._grid, self.stacked = grid, False  # progress and goal side by side, or one above the other
        self._fit_pending = False
        grid.addWidget(self.progress_card, 2, 0)
        grid.addWidget(self.goal_card, 2, 1)
        grid.addWidget(self.recent_card, 4, 0, 1, 2)
        grid.addWidget(self.skill_card, 5, 0, 1, 2)
        grid.addLayout(tools, 6, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(7, 1)

        holder = QWidget()
        centre = QHBoxLayout(holder)
        centre.setContentsMargins(0, 0, 0, 0)
        centre.addStretch(0)
        centre.addWidget(column, 1)
        centre.addStretch(0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(holder)
        scroll.setProperty("focusPolicy", NO_FOCUS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        self.continue_button.clicked.connect(self.on_continue_clicked)
        self.skill_button.clicked.connect(self.on_skill_clicked)
        self.checkin_button.clicked.connect(self.on_checkin_clicked)
        self.recent_list.itemActivated.connect(self.on_recent_activated)
        self.recent_list.itemClicked.connect(self.on_recent_activated)
        self.review_button.clicked.connect(self.review_requested)
        for button in (
            self.checkin_button,
            self.skill_button,
            self.search_button,
            self.bookmarks_button,
            self.review_button,
        ):
            button.setAutoDefault(True)  # Enter, as well as Space, presses a focused button
        self.search_button.clicked.connect(self.search_requested)
        self.bookmarks_button.clicked.connect(self.bookmarks_requested)
        self.refresh()

    # -- showing ---------------------------------------------------------------------
    def on_records_changed(self) -> None:
        self.refresh()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if not self._fit_pending:  # once for a burst of resizes: start-up passes through 421 px
            self._fit_pending = True
            QTimer.singleShot(0, self.fit_width)

    def fit_width(self) -> None:
        """Stack the progress and goal cards when Home is narrow (after a resize, or a zoom)."""
        self._fit_pending = False
        stacked = self.width() < STACK_BELOW_EM * self.fontMetrics().height()
        if stacked != self.stacked:  # a small window or a large zoom: each card the full width
            self.stacked = stacked
            grid = self._grid
            grid.removeWidget(self.progress_card)
            grid.removeWidget(self.goal_card)
            grid.addWidget(self.progress_card, 2, 0, 1, 1 + stacked)
            grid.addWidget(self.goal_card, *((3, 0, 1, 2) if stacked else (2, 1)))

    def refresh(self) -> None:
        s = self._summary()
        at = s.continue_at
        self._continue_id = at.module_id if at else None
        self.continue_card.setVisible(at is not None)
        if at is not None:
            if not at.started:
                self.continue_card.title.setText("Start here")
                self.continue_label.setText(f"Begin with the first module: <b>{_esc(at.title)}</b>.")
                self.continue_button.setText("&Start the course")
            elif at.done:
                self.continue_card.title.setText("You have finished every module")
                self.continue_label.setText(f"Read <b>{_esc(at.title)}</b> again, or practise with a scenario.")
                self.continue_button.setText("&Open it again")
            else:
                self.continue_card.title.setText("Continue where you left off")
                self.continue_label.setText(f"<b>{_esc(at.title)}</b>")
                self.continue_button.setText("&Continue reading")
            self.continue_button.setAccessibleName(f"{self.continue_button.text().replace('&', '')}: {at.title}")
        p = s.progress
        self.progress_label.setText(p.text())
        self.progress_path.set_modules(p.modules, at.module_id if at else None)
        self.review_label.setText(s.review_text)
        self.review_label.setVisible(bool(s.review_text))
        self.review_button.setVisible(s.review_due > 0)

        self._due = [g.uid for g in s.due_goals]  # the button is for a check-in that is due
        if s.due_goals:
            self.goal_card.title.setText("Goal check-in due")
            self.goal_label.setText(s.nudge)
        elif s.active_goals:  # nothing due: say what the goal is and when to check in
            self.goal_card.title.setText("Your goal" if len(s.active_goals) == 1 else "Your goals")
            self.goal_label.setText(goal_line(s.active_goals))
        else:
            self.goal_card.title.setText("Your goal")
            self.goal_label.setText(
                "Nothing is due. Practise what you teach: set a small goal of your own in the Journal (My goal)."
            )
        self.checkin_button.setVisible(bool(self._due))

        self.recent_list.clear()
        if s.recent and not self._rows:  # a bold title over a muted date, status and length
            from trainer.ui.common.rows import use_rows  # not at start-up on a fresh folder

            self._rows = use_rows(self.recent_list)
        for r in s.recent:
            status = "finished" if r.status == "finished" else "draft"
            item = QListWidgetItem(f"{r.title}\n{nice_day(r.date)} \u00b7 {status} \u00b7 {r.words} words")
            item.setData(UidRole, r.uid)
            item.setToolTip("Open in the Journal")
            self.recent_list.addItem(item)
        self.recent_list.setVisible(bool(s.recent))
        self.recent_empty.setVisible(not s.recent)

        ns = s.next_skill
        self._skill_module = ns.module_id if ns else None
        self.skill_card.setVisible(ns is not None)
        if ns is not None:
            self.skill_label.setText(f"<b>{_esc(ns.name)}</b>: {_esc(ns.text)}")
            self.skill_button.setVisible(ns.module_id is not None)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()

    def focus_first(self) -> None:
        target = self.continue_button if not self.continue_card.isHidden() else self.search_button
        target.setFocus()  # Qt.FocusReason.OtherFocusReason

    # -- slots ---------------------------------------------------------------------------
    def on_continue_clicked(self) -> None:
        if self._continue_id:
            self.module_requested.emit(self._continue_id)

    def on_skill_clicked(self) -> None:
        if self._skill_module:
            self.module_requested.emit(self._skill_module)

    def on_checkin_clicked(self) -> None:
        if self._due:
            self.checkin_requested.emit(self._due[0])

    def on_recent_activated(self, item: QListWidgetItem) -> None:
        uid = item.data(UidRole)
        if uid:
            self.reflection_requested.emit(uid)


def _esc(text: str) -> str:
    """Text for the rich-text labels (``html.escape`` without loading ``html`` at start-up)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
