"""The Scenarios section: a list of scenarios, then one scenario to study.

``ScenarioView`` is the section widget added by ``app.py``. It emits
``reflection_requested(dict)`` with a link such as
``{"kind": "scenario", "scenario": "diabetes-review", "moment": "agenda"}``
when the learner asks to reflect; the integrator connects it to the journal
in ``wiring.py``.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QListWidgetItem, QStackedWidget, QVBoxLayout, QWidget

from trainer.modules.themes import Theme
from trainer.scenarios.align import places, skill_counts
from trainer.scenarios.model import Scenario
from trainer.scenarios.render import SIDE, SINGLE, RenderOptions, anchor, render_scenario, turn_anchor
from trainer.services.coding_practice import CodingPracticeService
from trainer.services.scenario_practice import ScenarioPracticeService
from trainer.ui.common.theme import base_point_size, page_theme
from trainer.ui.scenarios.coding_practice import CodingPracticeDialog
from trainer.ui.scenarios.controller import ScenarioController
from trainer.ui.scenarios.list_view import ScenarioListPage
from trainer.ui.scenarios.marks import ScenarioMarks
from trainer.ui.scenarios.page import AUTO, SINGLE_COLUMN, ScenarioPageLayout

SINGLE_BELOW = 1000  # page width (px) under which "Automatic" shows one column
NARROW_BELOW = 1000  # page width under which the practice panel goes below the text
LARGE_TEXT = 1.3  # single-column text is this much larger, for reading aloud
MIN_POINT, MAX_POINT = 8, 30
MomentRole = Qt.ItemDataRole.UserRole


def anchor_tops(document) -> dict[str, float]:
    """Top (document y) of every named anchor in a QTextDocument."""
    layout = document.documentLayout()
    out: dict[str, float] = {}
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isAnchor():
                for name in fmt.anchorNames():
                    out.setdefault(name, layout.blockBoundingRect(block).top())
            it += 1
        block = block.next()
    return out


class ScenarioPage(ScenarioMarks, ScenarioPageLayout):
    back_requested = Signal()
    reflection_requested = Signal(dict)
    status_message = Signal(str)

    def __init__(self, controller: ScenarioController, theme: Theme, base_point: int, parent=None):
        super().__init__(controller, parent)
        self.controller = controller
        self.theme = theme
        self.scenario: Scenario | None = None
        self.moment_id: str | None = None
        self.mode = SIDE
        self.spot_checked: set[str] = set()
        self._tops: dict[str, float] = {}
        self._place = -1
        self._rendering = False
        self._jumping = False
        self._default_point = base_point
        self._point = base_point
        self.coding_dialog: CodingPracticeDialog | None = None
        self._init_marks()
        self._connect()

    def _connect(self) -> None:
        c = self.controller
        self.back_button.clicked.connect(self.back_requested)
        self.reflect_button.clicked.connect(self.request_reflection)
        self.coding_button.clicked.connect(self.open_coding_practice)
        self.layout_combo.currentIndexChanged.connect(lambda _i: self._update_mode(force=True))
        self.skill_combo.currentIndexChanged.connect(self.on_skill_combo_changed)
        self.next_place_button.clicked.connect(self.next_place)
        for keys, step in (("Alt+Down", +1), ("Alt+Up", -1)):
            shortcut = QShortcut(QKeySequence(keys), self, lambda step=step: self.step_moment(step))
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.practise_box.toggled.connect(self.on_practise_box_toggled)
        self.smaller_button.clicked.connect(lambda: self.change_text_size(-1))
        self.larger_button.clicked.connect(lambda: self.change_text_size(+1))
        self.moment_list.currentRowChanged.connect(self.on_moment_list_row_changed)
        self.browser.verticalScrollBar().valueChanged.connect(self.on_browser_scrolled)
        self.practice.currentChanged.connect(lambda _i: self.render_page())
        self.practice.spot.checked_changed.connect(self.on_spot_checked_changed)
        c.moment_revealed.connect(self.on_controller_moment_changed)
        c.moment_hidden.connect(self.on_controller_moment_changed)
        c.attempt_saved.connect(lambda _s, _m: self.practice.predict.refresh())

    # -- showing a scenario -------------------------------------------------------------
    def show_scenario(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.spot_checked = set()
        self._match_terms, self._match_moment = (), None
        self.clear_matches(quiet=True)
        self.title_label.setText(scenario.title)
        self.title_label.setToolTip(scenario.title)
        self.coding_button.setVisible(bool(scenario.coded_turns()))
        names = self.controller.skill_names()
        counts = skill_counts(scenario)
        self.skill_combo.blockSignals(True)
        self.skill_combo.clear()
        self.skill_combo.addItem("None", "")
        for skill in self.controller.skill_order() or sorted(counts):
            if counts.get(skill):
                self.skill_combo.addItem(f"{names.get(skill, skill)} ({counts[skill]})", skill)
        self.skill_combo.blockSignals(False)
        self.moment_list.blockSignals(True)
        self.moment_list.clear()
        for n, m in enumerate(scenario.moments, 1):
            item = QListWidgetItem(f"{n}. {m.title}")
            item.setData(MomentRole, m.id)
            self.moment_list.addItem(item)
        self.moment_list.blockSignals(False)
        self.moment_id = scenario.moments[0].id if scenario.moments else None
        self._update_mode()
        self.render_page()
        self.browser.verticalScrollBar().setValue(0)
        self._sync_moment(self.moment_id)

    @property
    def highlight(self) -> str | None:
        return self.skill_combo.currentData() or None

    def render_options(self) -> RenderOptions:
        s = self.scenario
        ids = {m.id for m in s.moments} if s else set()
        hidden = ids - self.controller.revealed(s.id) if s and self.practise_box.isChecked() else set()
        untagged = ids - self.spot_checked if self.practice.spotting else set()
        return RenderOptions(
            mode=self.mode,
            hidden=hidden,
            untagged=untagged,
            highlight=self.highlight,
            skill_names=self.controller.skill_names(),
        )

    def render_page(self) -> None:
        if self.scenario is None:
            return
        # Keep the current moment where it was on screen, whatever changed above it.
        bar = self.browser.verticalScrollBar()
        here = anchor(self.moment_id) if self.moment_id else ""
        offset = bar.value() - self._tops[here] if here in self._tops else None
        keep = bar.value()
        self._rendering = True
        try:
            self.browser.setHtml(render_scenario(self.scenario, self.render_options(), self.theme))
            self._apply_font()
            self._tops = anchor_tops(self.browser.document())
            self._mark_matches()  # the page is new: mark the search words again
            bar.setValue(int(self._tops[here] + offset) if offset is not None and here in self._tops else keep)
        finally:
            self._rendering = False
        self._update_places()
        self._sync_moment(self.moment_id)

    # -- layout modes -------------------------------------------------------------------
    def effective_mode(self) -> str:
        choice = self.layout_combo.currentData()
        if choice == AUTO:
            return SINGLE if self.width() < SINGLE_BELOW else SIDE
        return SINGLE if choice == SINGLE_COLUMN else SIDE

    def _update_mode(self, force: bool = False) -> None:
        narrow = self.width() < NARROW_BELOW
        orientation = Qt.Orientation.Vertical if narrow else Qt.Orientation.Horizontal
        if self.inner.orientation() != orientation:
            self.inner.setOrientation(orientation)
            self.outer.setSizes([150 if narrow else 190, max(1, self.width() - (150 if narrow else 190))])
            total = self.inner.height() if narrow else self.inner.width()
            # Narrow: the conversation keeps about two thirds of the height;
            # the practice panel below scrolls and its splitter can be dragged.
            self.inner.setSizes([max(1, total * 2 // 3), max(1, total // 3)] if narrow else [max(1, total - 340), 340])
        mode = self.effective_mode()
        if mode != self.mode or force:
            self.mode = mode
            if self.scenario is not None:
                self.render_page()
                if self.moment_id:
                    self.jump_to_moment(self.moment_id)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_mode()

    # -- text size -----------------------------------------------------------------------
    text_size_changed = Signal(int)

    def change_text_size(self, step: int) -> None:
        self.set_point_size(self._point + step if step else self._default_point)
        self.text_size_changed.emit(self._point)

    def set_point_size(self, point: int) -> None:
        self._point = max(MIN_POINT, min(MAX_POINT, int(point)))
        self._apply_font()
        self._tops = anchor_tops(self.browser.document())

    def _apply_font(self) -> None:
        font = QFont(self.browser.font())
        size = self._point * (LARGE_TEXT if self.mode == SINGLE else 1.0)
        font.setPointSizeF(min(MAX_POINT * LARGE_TEXT, size))
        self.browser.document().setDefaultFont(font)
        self.smaller_button.setEnabled(self._point > MIN_POINT)
        self.larger_button.setEnabled(self._point < MAX_POINT)

    # -- moments ------------------------------------------------------------------------
    def step_moment(self, step: int) -> None:
        """Go to the next (+1) or previous (-1) moment."""
        if self.scenario is None or not self.scenario.moments:
            return
        ids = [m.id for m in self.scenario.moments]
        i = ids.index(self.moment_id) if self.moment_id in ids else 0
        self.jump_to_moment(ids[max(0, min(len(ids) - 1, i + step))])

    def jump_to_moment(self, moment_id: str) -> None:
        if self.scenario is None or self.scenario.moment(moment_id) is None:
            return
        self.moment_id = moment_id
        self._sync_moment(moment_id)
        self._scroll_to(anchor(moment_id))

    def _scroll_to(self, name: str, context: bool = False) -> None:
        """Scroll so ``name`` is near the top (a quarter down with ``context``),
        without the scroll changing the current moment."""
        top = self._tops.get(name)
        self._jumping = True
        try:
            if top is None:
                self.browser.scrollToAnchor(name)
            else:
                margin = self.browser.viewport().height() // 4 if context else 8
                self.browser.verticalScrollBar().setValue(int(top) - margin)
        finally:
            self._jumping = False

    def _sync_moment(self, moment_id: str | None) -> None:
        """Select the moment in the list and show it in the practice panel."""
        if self.scenario is None or moment_id is None:
            return
        moment = self.scenario.moment(moment_id)
        if moment is None:
            return
        self.moment_id = moment_id
        row = [m.id for m in self.scenario.moments].index(moment_id)
        if self.moment_list.currentRow() != row:
            self.moment_list.blockSignals(True)
            self.moment_list.setCurrentRow(row)
            self.moment_list.blockSignals(False)
        revealed = moment_id in self.controller.revealed(self.scenario.id) or not self.practise_box.isChecked()
        self.practice.predict.set_moment(self.scenario, moment, revealed, self.practise_box.isChecked())
        self.practice.spot.set_moment(self.scenario, moment)
        self.practice.spot.set_hidden(not revealed)
        self.reflect_button.setToolTip(f"Start a reflection on \u201c{moment.title}\u201d")

    def moment_at_top(self) -> str | None:
        if self.scenario is None:
            return None
        y = self.browser.verticalScrollBar().value() + self.browser.viewport().height() // 3
        current = self.scenario.moments[0].id if self.scenario.moments else None
        for m in self.scenario.moments:
            top = self._tops.get(anchor(m.id))
            if top is not None and top <= y:
                current = m.id
        return current

    def visible_anchors(self) -> set[str]:
        """Anchors whose top is inside the visible part of the page."""
        top = self.browser.verticalScrollBar().value()
        bottom = top + self.browser.viewport().height()
        return {name for name, y in self._tops.items() if top <= y < bottom}

    # -- skill filter ------------------------------------------------------------------
    def set_skill_filter(self, skill_id: str | None) -> None:
        index = self.skill_combo.findData(skill_id or "")
        self.skill_combo.setCurrentIndex(max(0, index))

    def _update_places(self) -> None:
        skill = self.highlight
        found = places(self.scenario, skill) if skill and self.scenario else []
        per_moment: dict[str, int] = {}
        for p in found:
            per_moment[p.moment.id] = per_moment.get(p.moment.id, 0) + 1
        for row in range(self.moment_list.count()):
            item = self.moment_list.item(row)
            assert self.scenario is not None  # the list holds the moments of the scenario shown
            m = self.scenario.moments[row]
            suffix = ""
            if skill:
                n = per_moment.get(m.id, 0)
                suffix = f"  \u25c6 {n} use{'s' if n != 1 else ''}" if n else "  (not used)"
            item.setText(f"{row + 1}. {m.title}{suffix}")
            font = item.font()
            font.setBold(bool(skill and per_moment.get(m.id)))
            item.setFont(font)
        self.places_label.setText(
            f"{len(found)} place{'s' if len(found) != 1 else ''} in {len(per_moment)} "
            f"moment{'s' if len(per_moment) != 1 else ''}"
            if skill
            else ""
        )
        self.places_label.setVisible(bool(skill))
        self.next_place_button.setEnabled(bool(found))
        self.next_place_button.setVisible(bool(skill))

    def on_skill_combo_changed(self, _index: int) -> None:
        self._place = -1
        self.render_page()
        if self.highlight:
            self.next_place()

    def next_place(self) -> None:
        if self.scenario is None or not self.highlight:
            return
        found = places(self.scenario, self.highlight)
        if not found:
            return
        self._place = (self._place + 1) % len(found)
        p = found[self._place]
        self.moment_id = p.moment.id
        name = turn_anchor(p.moment.id, p.index)
        if name in self._tops:
            self._scroll_to(name, context=True)
        else:
            self._scroll_to(anchor(p.moment.id))
        self._sync_moment(p.moment.id)

    # -- slots ------------------------------------------------------------------------
    def on_moment_list_row_changed(self, row: int) -> None:
        if self.scenario is not None and 0 <= row < len(self.scenario.moments):
            self.jump_to_moment(self.scenario.moments[row].id)

    def on_browser_scrolled(self, _value: int) -> None:
        if self._rendering or self._jumping:
            return
        current = self.moment_at_top()
        if current and current != self.moment_id:
            self._sync_moment(current)

    def on_controller_moment_changed(self, scenario_id: str, moment_id: str) -> None:
        if self.scenario is not None and scenario_id == self.scenario.id:
            self.render_page()
            self._sync_moment(moment_id)
            if moment_id in self.render_options().hidden:
                return
            self._scroll_to(anchor(moment_id))

    def on_practise_box_toggled(self, _on: bool) -> None:
        self.render_page()
        if self.moment_id:
            self._scroll_to(anchor(self.moment_id))

    def on_spot_checked_changed(self) -> None:
        if self.moment_id is None:
            return
        if self.practice.spot.is_checked:
            self.spot_checked.add(self.moment_id)
        else:
            self.spot_checked.discard(self.moment_id)
        self.render_page()

    def open_coding_practice(self) -> CodingPracticeDialog:
        self.coding_dialog = CodingPracticeDialog(self.controller.scenarios, self.controller.save_coding, parent=self)
        if self.scenario is not None:
            self.coding_dialog.select(self.scenario.id)
        self.coding_dialog.open()
        return self.coding_dialog

    def request_reflection(self) -> None:
        if self.scenario is not None:
            self.reflection_requested.emit({"kind": "scenario", "scenario": self.scenario.id, "moment": self.moment_id})


class ScenarioView(QWidget):
    """The section: the scenario list, and the open scenario."""

    reflection_requested = Signal(dict)
    status_message = Signal(str)

    def __init__(self, controller: ScenarioController, settings: QSettings, theme: Theme, base_point: int, parent=None):
        super().__init__(parent)
        self.controller = controller
        self.settings = settings
        self.list_page = ScenarioListPage(controller.scenarios, controller.skill_names(), self.progress_text)
        self.page = ScenarioPage(controller, theme, base_point)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list_page)
        self.stack.addWidget(self.page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.list_page.open_requested.connect(controller.open_scenario)
        self.page.back_requested.connect(self.show_list)
        self.page.reflection_requested.connect(self.reflection_requested)
        self.page.status_message.connect(self.status_message)
        controller.scenario_opened.connect(self.on_controller_scenario_opened)
        controller.save_failed.connect(self.status_message)
        controller.attempt_saved.connect(lambda _s, _m: self.status_message.emit("Your words were saved."))
        layout_choice = settings.value("scenarios/layout")
        index = self.page.layout_combo.findData(layout_choice) if layout_choice else -1
        if index >= 0:
            self.page.layout_combo.setCurrentIndex(index)
        self.page.layout_combo.currentIndexChanged.connect(
            lambda _i: settings.setValue("scenarios/layout", self.page.layout_combo.currentData())
        )
        try:
            self.page.set_point_size(int(str(settings.value("scenarios/point_size", base_point))))
        except (TypeError, ValueError):
            pass
        self.page.text_size_changed.connect(lambda point: settings.setValue("scenarios/point_size", point))

    def progress_text(self, scenario_id: str) -> str:
        attempts = len(self.controller.attempts(scenario_id))
        summary = self.controller.spot_summary(scenario_id)
        parts = [f"{attempts} attempt{'s' if attempts != 1 else ''} written"]
        if summary["rounds"]:
            parts.append(
                f"{summary['rounds']} spot-the-skill round{'s' if summary['rounds'] != 1 else ''}, "
                f"{round(100 * summary['agreement'])}% agreement overall"
            )
        else:
            parts.append("no spot-the-skill rounds yet")
        return "; ".join(parts) + "."

    def show_list(self) -> None:
        if self.controller.current_id:
            self.list_page.select(self.controller.current_id)
        self.list_page.refresh()
        self.stack.setCurrentWidget(self.list_page)
        self.list_page.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_scenario(self, scenario_id: str, moment_id: str | None = None) -> None:
        """Open a scenario (and optionally jump to a moment): for links from modules."""
        self.controller.open_scenario(scenario_id)
        if moment_id:
            self.page.jump_to_moment(moment_id)

    def on_controller_scenario_opened(self, scenario_id: str) -> None:
        scenario = self.controller.scenario(scenario_id)
        if scenario is None:
            return
        self.stack.setCurrentWidget(self.page)
        self.page.show_scenario(scenario)
        self.page.browser.setFocus(Qt.FocusReason.OtherFocusReason)


def build_scenario_section(content, store, profile_id: str, settings: QSettings, parent=None) -> ScenarioView:
    """Service, controller and view for the Scenarios section (called by ``app.build``)."""
    order = [s.id for s in content.framework.skills] if content.framework else []
    practice = ScenarioPracticeService(store, profile_id, order)
    coding = CodingPracticeService(store, profile_id)
    controller = ScenarioController(content.scenarios, content.framework, practice, parent, coding)
    return ScenarioView(controller, settings, page_theme(), base_point_size())
