"""The Journal section: find reflections on the left, write on the right.

Header: the goal nudge and the buttons to start a reflection or manage
your own goal. An undo bar appears after moving a reflection to the bin.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from trainer.domain import tokens
from trainer.domain.safe_text import qt_text
from trainer.modules.render import markdown_to_html
from trainer.services.journal import DRAFT, FINISHED, JournalFilter, link_key
from trainer.ui.common.fit import let_combo_shrink, show_full_text
from trainer.ui.common.settings_values import remember
from trainer.ui.journal.controller import JournalController
from trainer.ui.journal.editor import ReflectionEditor
from trainer.ui.journal.goals import CheckInDialog, GoalDialog, nice_date
from trainer.ui.journal.pages import BinPage, empty_page, no_reflections_state

UidRole = Qt.ItemDataRole.UserRole
UNDO_MS = 15000
# The "no filter" choices are short so that they read in full in the filter pane at any zoom;
# a longer choice (a tag, a module) is cut short in the box but whole in its tooltip and list.
ANY_LINK, ANY_STATUS = "Any or none", "Any status"
FILTER_CHARS = 11  # every fixed choice fits in this many (wide) characters


class JournalView(QWidget):
    status_message = Signal(str)

    def __init__(self, controller: JournalController, settings: QSettings | None = None, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self._filling = False
        self._undo_uid: str | None = None

        # header -------------------------------------------------------------------
        heading = QLabel("Journal")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        self.goal_label = QLabel()
        self.goal_label.setObjectName("goalSummary")
        self.goal_label.setAccessibleName("Your goal")
        self.goal_label.setWordWrap(True)
        self.goal_label.setTextFormat(Qt.TextFormat.PlainText)  # the person's own words, never HTML
        self.nudge_label = QLabel()
        self.nudge_label.setObjectName("goalNudge")
        self.nudge_label.setAccessibleName("Goal check-in due")
        self.nudge_label.setWordWrap(True)
        self.nudge_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.nudge_label.font()
        font.setBold(True)
        self.nudge_label.setFont(font)
        self.checkin_button = QPushButton("Check &in\u2026")
        self.checkin_button.setAccessibleName("Check in on your goal")
        # Push buttons with a menu: Qt puts their arrow beside the words (a tool button drew it
        # over the last letter, "My goa⌄l", at a large zoom).
        self.goals_button = QPushButton()
        self.goals_button.setText("My g&oal")
        self.goals_button.setAccessibleName("Your own change goal")
        self.goals_menu = QMenu(self)
        self.goals_button.setMenu(self.goals_menu)
        self.new_button = QPushButton()
        self.new_button.setText("&New reflection")
        self.new_button.setAccessibleName("New reflection")
        self.new_button.setToolTip("Start a reflection from a template (Ctrl+N)")
        self.new_menu = QMenu(self)
        for t in controller.templates:
            action = self.new_menu.addAction(f"{t.title}" + (f"  \u2014  {t.when}" if t.when else ""))
            action.setData(t.id)
            action.triggered.connect(lambda _=False, tid=t.id: self.controller.start_reflection(tid))
        self.new_button.setMenu(self.new_menu)

        header = QHBoxLayout()
        header.setContentsMargins(tokens.SPACE_2, tokens.SPACE_1, tokens.SPACE_2, tokens.SPACE_HALF)
        header.addWidget(heading)
        header.addSpacing(tokens.SPACE_2)
        goal_box = QVBoxLayout()
        goal_box.setSpacing(0)
        goal_box.addWidget(self.goal_label)
        goal_box.addWidget(self.nudge_label)
        header.addLayout(goal_box, 1)
        header.addWidget(self.checkin_button)
        header.addWidget(self.goals_button)
        header.addWidget(self.new_button)

        # undo bar -------------------------------------------------------------------
        self.undo_bar = QFrame()
        self.undo_bar.setObjectName("undoBar")
        self.undo_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.undo_label = QLabel()
        self.undo_label.setTextFormat(Qt.TextFormat.PlainText)  # quotes a reflection's title
        self.undo_label.setWordWrap(True)
        self.undo_button = QPushButton("Undo")
        self.undo_button.setAccessibleName("Undo: restore from the bin")
        self.undo_close = QToolButton()
        self.undo_close.setText("\u2715")
        self.undo_close.setAccessibleName("Dismiss")
        undo_layout = QHBoxLayout(self.undo_bar)
        undo_layout.setContentsMargins(tokens.SPACE_1, tokens.SPACE_HALF, tokens.SPACE_1, tokens.SPACE_HALF)
        undo_layout.addWidget(self.undo_label, 1)
        undo_layout.addWidget(self.undo_button)
        undo_layout.addWidget(self.undo_close)
        self.undo_bar.hide()
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.setInterval(UNDO_MS)
        self._undo_timer.timeout.connect(self.undo_bar.hide)

        # finder (left) -------------------------------------------------------------------
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Search your journal")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName("Search reflections")
        self.template_filter = self._combo("Filter by template")
        self.link_filter = self._combo("Filter by what it is linked to")
        self.tag_filter = self._combo("Filter by tag")
        self.status_filter = self._combo("Filter by draft or finished")
        self.template_filter.addItem("Any template", None)
        for t in controller.templates:
            self.template_filter.addItem(t.label, t.id)
        for text, value in ((ANY_STATUS, None), ("Drafts", DRAFT), ("Finished", FINISHED)):
            self.status_filter.addItem(text, value)
        self.show_combo = self._combo("Show the journal or the bin")
        self.show_combo.addItem("Journal", False)
        self.show_combo.addItem("Bin", True)
        filters = QFormLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        for text, widget in (
            ("Te&mplate", self.template_filter),
            ("&Linked to", self.link_filter),
            ("T&ag", self.tag_filter),
            ("Stat&us", self.status_filter),
            ("Sho&w", self.show_combo),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addRow(label, widget)
        self.list = QListWidget()
        self.list.setAccessibleName("Reflections")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(tokens.SPACE_HALF)
        self.count_label = QLabel()
        self.count_label.setAccessibleName("Number of reflections shown")
        search_label = QLabel("Sea&rch")
        search_label.setBuddy(self.search_edit)
        left = self.finder = QWidget()
        # No fixed minimum width: the pane is at least as wide as its labels and filter boxes
        # need (FILTER_CHARS), at any zoom, so the filters stay readable.
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(tokens.SPACE_2, tokens.SPACE_HALF, tokens.SPACE_1, tokens.SPACE_1)
        left_layout.addWidget(search_label)
        left_layout.addWidget(self.search_edit)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.list, 1)
        self.no_reflections = no_reflections_state(left_layout, lambda: self.new_button.showMenu())
        left_layout.addWidget(self.count_label)

        # pages (right) -------------------------------------------------------------------
        self.editor = ReflectionEditor(controller)
        self.empty_page = empty_page()
        self.bin_page = BinPage()
        self.bin_preview = self.bin_page.preview
        self.restore_button = self.bin_page.restore_button
        self.purge_button = self.bin_page.purge_button
        self.pages = QStackedWidget()
        for page in (self.empty_page, self.editor, self.bin_page):
            self.pages.addWidget(page)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([260, 900])
        if settings is not None:
            state = settings.value("journal/splitter")
            if isinstance(state, QByteArray):
                self.splitter.restoreState(state)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.splitter, 1)

        self.new_action = QAction("&New reflection", self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_action.triggered.connect(self.on_new_action_triggered)
        self.addAction(self.new_action)
        self.undo_shortcut = QShortcut(QKeySequence.StandardKey.Undo, self)
        self.undo_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.undo_shortcut.activated.connect(self.undo_delete)
        self.find_shortcut = QShortcut(QKeySequence.StandardKey.Find, self)
        self.find_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.find_shortcut.activated.connect(lambda: self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason))

        self._connect_signals()
        self.refresh()
        self.refresh_goals()
        if controller.last_started and controller.get(controller.last_started) is not None:
            self.open_reflection(controller.last_started)  # started before this view was built

    def _combo(self, name: str) -> QComboBox:
        combo = let_combo_shrink(QComboBox(), FILTER_CHARS)  # full choice in the tooltip
        combo.setAccessibleName(name)
        return combo

    def _connect_signals(self) -> None:
        c = self.controller
        c.reflection_started.connect(self.on_controller_reflection_started)
        c.reflection_saved.connect(self.on_controller_reflection_saved)
        c.reflection_binned.connect(self.on_controller_reflection_binned)
        c.reflection_restored.connect(self.on_controller_reflection_restored)
        c.reflection_purged.connect(lambda _uid: self.refresh())
        c.goals_changed.connect(self.refresh_goals)
        self.editor.status_message.connect(self.status_message)
        self.search_edit.textChanged.connect(lambda _t: self.refresh())
        for combo in (self.template_filter, self.link_filter, self.tag_filter, self.status_filter, self.show_combo):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.list.currentItemChanged.connect(self.on_list_current_changed)
        self.list.itemActivated.connect(lambda _item: self.editor.focus_first_section())
        self.undo_button.clicked.connect(self.undo_delete)
        self.undo_close.clicked.connect(self.undo_bar.hide)
        self.restore_button.clicked.connect(self.on_restore_clicked)
        self.purge_button.clicked.connect(self.on_purge_clicked)
        self.checkin_button.clicked.connect(self.on_checkin_clicked)

    # -- list ------------------------------------------------------------------------
    def current_filter(self) -> JournalFilter:
        return JournalFilter(
            text=self.search_edit.text(),
            template=self.template_filter.currentData(),
            link=self.link_filter.currentData(),
            tag=self.tag_filter.currentData(),
            status=self.status_filter.currentData(),
            in_bin=bool(self.show_combo.currentData()),
        )

    def in_bin(self) -> bool:
        return bool(self.show_combo.currentData())

    def on_records_changed(self) -> None:
        self.refresh()
        self.refresh_goals()

    def refresh(self, select: str | None = None) -> None:
        """Refill the list from the journal, keeping (or moving) the selection."""
        self._filling = True
        try:
            self._refill_choices()
            keep = select or self.current_uid()
            self.list.clear()
            entries = self.controller.entries(self.current_filter())
            for rec in entries:
                item = QListWidgetItem(self._item_text(rec))
                item.setData(UidRole, rec["uid"])
                item.setToolTip(qt_text(rec.get("title") or "Untitled reflection"))  # text, not markup
                self.list.addItem(item)
                if rec["uid"] == keep:
                    self.list.setCurrentItem(item)
            n = len(entries)
            where = "in the bin" if self.in_bin() else "shown"
            self.count_label.setText(f"{n} reflection{'s' if n != 1 else ''} {where}")
            none = not n and not self.in_bin() and not self.controller.entries()  # the empty state instead
            for widget, shown in ((self.list, not none), (self.count_label, not none), (self.no_reflections, none)):
                widget.setVisible(shown)
        finally:
            self._filling = False
        self._show_current()

    def _refill_choices(self) -> None:
        for combo, choices, any_text in (
            (
                self.link_filter,
                [(self.controller.describe_link(link), link_key(link)) for link in self.controller.journal.links()],
                ANY_LINK,
            ),
            (self.tag_filter, [(t, t) for t in self.controller.journal.tags()], "Any tag"),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(any_text, None)
            for text, value in choices:
                combo.addItem(text, value)
            index = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)
            show_full_text(combo)

    def _item_text(self, rec: dict) -> str:
        template = self.controller.template(rec.get("template", ""))
        parts = [
            nice_date(rec.get("date", "")),
            template.label if template else rec.get("template", ""),
            "Finished" if rec.get("status") == FINISHED else "Draft",
            f"{self.controller.journal.words(rec)} words",
        ]
        title = rec.get("title") or "Untitled reflection"
        return title + "\n" + " \u00b7 ".join(parts)

    def current_uid(self) -> str | None:
        item = self.list.currentItem()
        return item.data(UidRole) if item is not None else None

    def select(self, uid: str) -> bool:
        for i in range(self.list.count()):
            if self.list.item(i).data(UidRole) == uid:
                self.list.setCurrentRow(i)
                return True
        return False

    def on_list_current_changed(self, _current, _previous) -> None:
        if not self._filling:
            self._show_current()

    def _show_current(self) -> None:
        uid = self.current_uid()
        if self.editor.uid is not None and uid != self.editor.uid and self.editor.dirty and not self.editor.flush():
            # Unsaved words stay on screen until they can be saved.
            self.pages.setCurrentWidget(self.editor)
            self._filling = True
            if not self.select(self.editor.uid):
                self.list.setCurrentRow(-1)
            self._filling = False
            self.status_message.emit("Your last changes are not saved yet, so this reflection stays open.")
            return
        if uid is None:
            if self.editor.uid is not None:
                self.editor.close_reflection()
            self.pages.setCurrentWidget(self.empty_page)
            return
        if self.in_bin():
            self.editor.close_reflection()
            rec = self.controller.get(uid)
            self.bin_preview.setHtml(markdown_to_html(self._as_markdown(rec))[0] if rec else "")
            self.pages.setCurrentWidget(self.bin_page)
            return
        if self.editor.uid != uid:
            self.editor.open(uid)
        self.pages.setCurrentWidget(self.editor)

    def _as_markdown(self, rec: dict) -> str:
        template = self.controller.template(rec.get("template", ""))
        lines = [f"## {rec.get('title') or 'Untitled reflection'}", ""]
        sections = rec.get("sections", {}) or {}
        for section in template.text_sections if template else []:
            lines += [f"#### {section.title}", "", sections.get(section.id, "") or "*(empty)*", ""]
        return "\n".join(lines)

    def open_reflection(self, uid: str) -> None:
        """Show ``uid`` in the editor, clearing filters that would hide it."""
        if self.in_bin():
            self.show_combo.setCurrentIndex(0)
        if not self.select(uid):
            self._filling = True
            for combo in (self.template_filter, self.link_filter, self.tag_filter, self.status_filter):
                combo.setCurrentIndex(0)
            self.search_edit.clear()
            self._filling = False
            self.refresh(select=uid)

    # -- slots -------------------------------------------------------------------------
    def on_new_action_triggered(self) -> None:
        self.new_menu.popup(self.new_button.mapToGlobal(self.new_button.rect().bottomLeft()))

    def on_controller_reflection_started(self, uid: str) -> None:
        self.open_reflection(uid)
        self.editor.focus_first_section()

    def on_controller_reflection_saved(self, uid: str) -> None:
        self._refill_choices()  # new tags or links become filter choices
        rec = self.controller.get(uid)
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(UidRole) == uid and rec is not None:
                item.setText(self._item_text(rec))
                return

    def on_controller_reflection_binned(self, uid: str) -> None:
        rec = self.controller.get(uid)
        title = (rec or {}).get("title") or "Untitled reflection"
        if self.editor.uid == uid:
            self.editor.close_reflection()
        self._undo_uid = uid
        self.undo_label.setText(f"\u201c{title}\u201d was moved to the bin.")
        self.undo_bar.show()
        self._undo_timer.start()
        self.status_message.emit(f"Moved \u201c{title}\u201d to the bin. Press Ctrl+Z to undo.")
        self.refresh()
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_controller_reflection_restored(self, uid: str) -> None:
        self.undo_bar.hide()
        self._undo_uid = None
        self.open_reflection(uid)

    def undo_delete(self) -> bool:
        uid, self._undo_uid = self._undo_uid, None
        if uid is None:
            return False
        return self.controller.restore(uid)

    def on_restore_clicked(self) -> None:
        uid = self.current_uid()
        if uid is not None:
            self.controller.restore(uid)

    def on_purge_clicked(self) -> None:
        uid = self.current_uid()
        if uid is None:
            return
        answer = QMessageBox.question(
            self,
            "Delete for good?",
            "Delete this reflection for good? This cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.controller.purge(uid)

    # -- goals -------------------------------------------------------------------------
    def refresh_goals(self) -> None:
        goals = self.controller.goals.goals()
        due = self.controller.goals.due()
        self.nudge_label.setText(self.controller.goals.nudge())
        self.nudge_label.setVisible(bool(due))
        self.checkin_button.setVisible(bool(due))
        self.goal_label.setVisible(not due)  # the nudge says it all when a check-in is due
        if goals:
            g = goals[0]
            more = f" (and {len(goals) - 1} more)" if len(goals) > 1 else ""
            self.goal_label.setText(
                f"Your goal: {g['goal']}{more} \u00b7 confidence {g['confidence']}/10 "
                f"\u00b7 next check-in {nice_date(g.get('next_checkin', ''))}"
            )
        else:
            self.goal_label.setText("Practise what you teach: set a small change goal of your own.")
        self.goals_menu.clear()
        for g in goals:
            self.goals_menu.addAction(f"Check in on \u201c{g['goal']}\u201d\u2026", partial(self.open_checkin, g))
            self.goals_menu.addAction(f"Edit \u201c{g['goal']}\u201d\u2026", partial(self.open_goal, g))
        if goals:
            self.goals_menu.addSeparator()
        self.goals_menu.addAction("&New goal\u2026", lambda: self.open_goal(None))

    def open_goal(self, goal: dict | None) -> None:
        GoalDialog(self.controller, goal, self).exec()

    def open_checkin(self, goal: dict) -> None:
        CheckInDialog(self.controller, goal, self).exec()

    def on_checkin_clicked(self) -> None:
        due = self.controller.goals.due()
        if due:
            self.open_checkin(due[0])

    def save_state(self) -> None:
        self.editor.flush()
        if self.settings is not None:
            remember(self.settings, "journal/splitter", self.splitter.saveState())

    def showEvent(self, event) -> None:
        self.refresh_goals()  # a check-in may have fallen due since the last look
        super().showEvent(event)

    def hideEvent(self, event) -> None:
        self.save_state()
        super().hideEvent(event)
