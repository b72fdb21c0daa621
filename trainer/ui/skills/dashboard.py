"""The skills dashboard: per skill, latest ratings, trend, evidence and next steps.

The trend chart is drawn with QPainter (``chart.py``), so it is made with the rest.
It used to be a pyqtgraph plot, made just after the first paint because importing
pyqtgraph stalled the window for about 0.4 s (issue 20).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from trainer.competencies.coding import level
from trainer.competencies.model import Threshold
from trainer.competencies.ratings import rating_text
from trainer.domain import tokens
from trainer.ui.common.empty_state import EmptyState
from trainer.ui.skills.chart import TrendChart
from trainer.ui.skills.controller import SkillsController
from trainer.ui.skills.counter import LEVEL_MARK
from trainer.ui.skills.models import RowsModel
from trainer.ui.skills.pictures import SkillPictures

if TYPE_CHECKING:
    from trainer.competencies.dashboard import SkillSummary

HEADERS = ("Skill", "Self (0\u20132)", "Observer", "Trend", "Evidence", "Modules done")
HEADER_TIPS = (
    "",
    "Your latest self-assessment rating: 0 not done, 1 partly, 2 done well",
    "The latest observer checklist rating",
    "How your ratings changed from the first to the latest",
    "Self-assessment items with a note or a link, plus observer checklists that rated the skill",
    "Modules you have marked done, of those that teach this skill",
)
TargetRole = Qt.ItemDataRole.UserRole + 10
DASH = "\u2014"


class DashboardView(QWidget):
    refreshed = Signal()
    module_requested = Signal(str)
    scenario_requested = Signal(str)

    def __init__(self, controller: SkillsController, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.summaries: list[SkillSummary] = []
        self._rated = True  # any self-assessment or observer checklist yet (else the empty state)
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.headline.setAccessibleName("Dashboard summary")
        self.globals_label = QLabel()
        self.globals_label.setWordWrap(True)
        self.globals_label.setAccessibleName("Overall ratings")
        self.model = RowsModel(HEADERS, self, HEADER_TIPS)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Skills: latest ratings, trend, evidence and modules done")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.chart = TrendChart()
        self.next_title = QLabel("Suggested &next steps")
        font = self.next_title.font()
        font.setBold(True)
        self.next_title.setFont(font)
        self.next_list = QListWidget()
        self.next_list.setAccessibleName("Suggested next steps for your weakest skills")
        self.next_list.setWordWrap(True)
        self.next_list.setSpacing(tokens.SPACE_HALF)
        self.next_list.setResizeMode(QListView.ResizeMode.Adjust)  # re-wrap items on resize
        self.next_title.setBuddy(self.next_list)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.next_title)
        side_layout.addWidget(self.next_list, 1)
        hint = QLabel("Press Enter on a step to open it.")
        hint.setWordWrap(True)
        side_layout.addWidget(hint)

        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self.chart)
        bottom.addWidget(side)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 2)
        bottom.setChildrenCollapsible(False)
        self.pictures = SkillPictures()
        self.stack = QStackedWidget()  # pictures first; the table one click away
        self.stack.addWidget(self.pictures)
        self.stack.addWidget(self.table)
        self.table_button = QPushButton("Show as &table")
        self.table_button.setCheckable(True)
        self.table_button.setAccessibleName("Show the skills as a table")
        self.table_button.toggled.connect(self.show_table)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(self.stack)
        self.split.addWidget(bottom)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(tokens.SPACE_1, tokens.SPACE_1, tokens.SPACE_1, tokens.SPACE_1)
        top = QHBoxLayout()
        top.addWidget(self.headline, 1)
        top.addWidget(self.table_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        layout.addWidget(self.globals_label)
        layout.addWidget(self.split, 1)
        # No rating at all: a sentence and the one action, not a table of "not rated" cells.
        self.empty = EmptyState(
            "No ratings yet",
            "Start by rating your own skills: about ten minutes with the self-assessment. After a "
            "practice round, ask a colleague to fill in the observer checklist.",
            "&Rate my skills",
        )
        layout.addWidget(self.empty, 1)

        self.table.selectionModel().currentRowChanged.connect(self.on_table_current_changed)
        self.pictures.selectionModel().currentRowChanged.connect(self.on_pictures_current_changed)
        self.next_list.itemActivated.connect(self.on_next_list_item_activated)
        controller.self_assessment_saved.connect(self.refresh)
        controller.observation_saved.connect(self.refresh)
        controller.record_deleted.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args) -> None:
        current = self.model.row_id(self.table.currentIndex().row())
        c = self.controller
        self.summaries = c.summaries()
        selfs, obs = c.self_assessments(), c.observations()
        rows, tips = [], []
        for s in self.summaries:
            done = f"{len(s.modules_done)} of {len(s.modules)}" if s.modules else "\u2014 none teach it"
            rows.append(
                (s.name, rating_text(s.latest_self), rating_text(s.latest_observer), s.trend, str(s.evidence), done)
            )
            taught = ", ".join(m.title for m in s.modules) or "No module lists this skill yet."
            tips.append(f"{s.name}\nTaught in: {taught}")
        suggestions = c.suggestions(self.summaries)
        weak = {x.skill_id for x in suggestions}
        self.model.set_rows(
            rows,
            ids=[s.skill_id for s in self.summaries],
            tips=tips,
            marked=[s.skill_id in weak for s in self.summaries],
        )
        self.pictures.set_summaries(self.summaries, weak)
        self._rated = bool(selfs or obs)
        self.show_table(self.table_button.isChecked())
        self.headline.setText(self._headline(selfs, obs, weak))
        none = not selfs and not obs
        for widget, shown in ((self.split, not none), (self.headline, not none), (self.empty, none)):
            widget.setVisible(shown)
        self.globals_label.setText(self._globals(selfs, obs))
        self._fill_next_steps(suggestions)
        ids = [s.skill_id for s in self.summaries]
        row = ids.index(current) if current in ids else (ids.index(sorted(weak, key=ids.index)[0]) if weak else 0)
        if self.summaries:
            self.table.selectRow(row)
            self.pictures.setCurrentIndex(self.pictures.model().index(row, 0))
            self._show_in_chart(self.summaries[row])
        self.refreshed.emit()

    # -- the chart ---------------------------------------------------------------------------
    def _show_in_chart(self, summary) -> None:
        self.chart.show_summary(summary)

    def apply_chart_palette(self) -> None:
        """Follow a new theme."""
        self.chart.apply_palette()

    def apply_chart_fonts(self) -> None:
        """Follow a new zoom."""
        self.chart.apply_fonts()

    def _headline(self, selfs: list, obs: list, weak: set) -> str:
        if not selfs and not obs:
            return (
                "No ratings yet. Start with a self-assessment; after a practice round, ask your "
                "observer to fill in the observer checklist."
            )
        text = (
            f"{len(selfs)} self-assessment{'s' if len(selfs) != 1 else ''} and {len(obs)} observer "
            f"checklist{'s' if len(obs) != 1 else ''}."
        )
        if weak:
            text += " \u25b6 Skills to work on next are marked."
        return text

    def _globals(self, selfs: list, obs: list) -> str:
        fw = self.controller.framework
        parts = []
        used: dict[str, Threshold] = {}  # the thresholds of the groups shown, in order
        for spec in fw.globals:
            pair = fw.threshold(spec.threshold_key)
            mine = next(
                (r["globals"].get(spec.id) for r in reversed(selfs) if (r.get("globals") or {}).get(spec.id)), None
            )
            theirs = next(
                (r["globals"].get(spec.id) for r in reversed(obs) if (r.get("globals") or {}).get(spec.id)), None
            )
            if mine is None and theirs is None:
                continue
            text = f"{spec.name}: you {mine if mine is not None else DASH}"
            if theirs is not None:
                text += f", observer {theirs} ({LEVEL_MARK[level(theirs, pair.fair, pair.good)]})"
            parts.append(text)
            used.setdefault(spec.group, pair)
        if not parts:
            return ""
        bounds = [
            (f"{group}: " if len(used) > 1 else "") + f"fair \u2265 {pair.fair:g}, good \u2265 {pair.good:g}"
            for group, pair in used.items()
        ]
        return "Overall (1\u20135): " + " \u00b7 ".join(parts) + f"  [{'; '.join(bounds)}]"

    def _fill_next_steps(self, suggestions: list) -> None:
        self.next_list.clear()
        if not suggestions:
            item = QListWidgetItem("Rate your skills to get suggestions for what to work on next.")
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.next_list.addItem(item)
            return
        for s in suggestions:
            item = QListWidgetItem(f"\u25b6 {s.skill_name}: {s.text}")
            target = (
                ("module", s.module_id) if s.module_id else (("scenario", s.scenario_id) if s.scenario_id else None)
            )
            item.setData(TargetRole, target)
            self.next_list.addItem(item)

    # -- slots ---------------------------------------------------------------------------
    def show_table(self, on: bool) -> None:
        """The table (``on``) or the pictures (with no rating yet, the empty state shows instead)."""
        self.table_button.setVisible(self._rated)
        self.stack.setCurrentWidget(self.table if on else self.pictures)

    def on_pictures_current_changed(self, current, _previous) -> None:
        if current.isValid() and current.row() != self.table.currentIndex().row():
            self.table.selectRow(current.row())

    def on_table_current_changed(self, current, _previous) -> None:
        if current.isValid() and 0 <= current.row() < len(self.summaries):
            self._show_in_chart(self.summaries[current.row()])
            if self.pictures.currentIndex().row() != current.row():
                self.pictures.setCurrentIndex(self.pictures.model().index(current.row(), 0))

    def on_next_list_item_activated(self, item: QListWidgetItem) -> None:
        target = item.data(TargetRole)
        if not target:
            return
        kind, target_id = target
        (self.module_requested if kind == "module" else self.scenario_requested).emit(target_id)
