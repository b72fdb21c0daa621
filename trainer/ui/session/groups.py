"""Groups panel: make and reshuffle groups, see roles per round, swap people, observe."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trainer.services.team_session import TRAINER
from trainer.sessions.grouping import ROLES, group_noun, group_shape
from trainer.ui.common.fit import let_combo_shrink
from trainer.ui.common.flow_layout import FlowLayout
from trainer.ui.session.controller import TeamSessionController
from trainer.ui.session.observation_files import ask_import_forms
from trainer.ui.session.phase_rows import fit_height
from trainer.ui.session.role_chips import RoleChipDelegate, chip_row_height
from trainer.ui.session.run import LIST_SCALE, scaled_font

PID = Qt.ItemDataRole.UserRole


class GroupsTree(QTreeWidget):
    """Groups of a round; drop one person on another to swap them."""

    swap_requested = Signal(str, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)

    def dropEvent(self, event) -> None:
        target = self.itemAt(event.position().toPoint())
        source = self.currentItem()
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()  # the tree is rebuilt from the stored groups; never move items here
        if source is not None and target is not None:
            self.drop_on(source.data(0, PID), target.data(0, PID))

    def drop_on(self, source: str | None, target: str | None) -> None:
        if source and target and source != target:
            self.swap_requested.emit(source, target)


class GroupsPanel(QWidget):
    status_message = Signal(str)

    def __init__(self, controller: TeamSessionController, parent=None):
        super().__init__(parent)
        self.controller = controller
        self._loading = False
        box = QGroupBox("Groups and observers")
        self.make_button = QPushButton("Ma&ke groups")
        self.make_button.setAccessibleName("Make groups for every round")
        self.reshuffle_button = QPushButton("Res&huffle")
        self.reshuffle_button.setAccessibleName("Reshuffle the groups with a new seed")
        self.seed_label = QLabel()
        self.seed_label.setAccessibleName("Seed")
        self.seed_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.shape_label = QLabel()  # the groups of the round shown: "1 triad and 2 pairs"
        self.shape_label.setAccessibleName("Groups in this round")
        self.round_combo = let_combo_shrink(QComboBox())
        self.round_combo.setAccessibleName("Practice round")
        round_label = QLabel("Ro&und:")
        round_label.setBuddy(self.round_combo)
        self.tree = GroupsTree()
        self.tree.setAccessibleName("Groups in this round")
        self.tree.setHeaderLabels(["Who", "Role", "Notes"])
        self.tree.setToolTip("Drag a person onto another to swap them, or right-click for more")
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(self.tree.fontMetrics().averageCharWidth() * 2)
        # as tall as its rows (the debrief below takes the rest), in the lists' larger text
        self.tree.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        scaled_font(self.tree, LIST_SCALE)
        self.tree.installEventFilter(self)  # measured again when its text grows or shrinks
        self.tree.setItemDelegateForColumn(1, RoleChipDelegate(self.tree))
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.timeout.connect(self.fit_tree)
        # Who and Role follow their text (and the zoom); Notes takes the rest of the width.
        for col in (0, 1):
            self.tree.header().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.swap_button = QPushButton("Swap two selecte&d")
        self.swap_button.setAccessibleName("Swap the two selected people")
        self.observe_button = QPushButton("&Observer notes\u2026")
        self.observe_button.setAccessibleName("Observer notes for the selected practitioner")
        self.import_forms_button = QPushButton("Import observer forms\u2026")
        self.import_forms_button.setAccessibleName("Import observer forms saved on observers' computers")
        self.import_forms_button.setToolTip(
            "Add the files observers saved with File \u203a Observe a team session round\u2026 on their own computers"
        )

        top = QWidget()  # rows of buttons wrap when narrow or zoomed
        top_layout = FlowLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.make_button, self.reshuffle_button, self.seed_label, self.shape_label):
            top_layout.addWidget(widget)
        round_row = QHBoxLayout()
        round_row.addWidget(round_label)
        round_row.addWidget(self.round_combo, 1)
        foot = QWidget()
        foot_layout = FlowLayout(foot)
        foot_layout.setContentsMargins(0, 0, 0, 0)
        foot_layout.addWidget(self.swap_button)
        foot_layout.addWidget(self.observe_button)
        foot_layout.addWidget(self.import_forms_button)
        layout = QVBoxLayout(box)
        layout.addWidget(top)
        layout.addLayout(round_row)
        layout.addWidget(self.tree)
        layout.addWidget(foot)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(box)

        self.make_button.clicked.connect(lambda: controller.make_groups())
        self.reshuffle_button.clicked.connect(lambda: controller.make_groups())
        self.swap_button.clicked.connect(self.swap_selected)
        self.tree.swap_requested.connect(self.swap)
        self.observe_button.clicked.connect(self.observe_selected)
        self.import_forms_button.clicked.connect(self.on_import_forms_clicked)
        self.tree.itemActivated.connect(lambda *_: self.observe_selected())
        self.tree.customContextMenuRequested.connect(self.on_tree_context_menu)
        self.round_combo.currentIndexChanged.connect(lambda _i: None if self._loading else self.fill_tree())
        for signal in (controller.session_opened, controller.groups_made, controller.session_changed):
            signal.connect(lambda _uid: self.refresh())
        controller.phase_changed.connect(self.on_controller_phase_changed)
        controller.observation_saved.connect(lambda _uid: self.fill_tree())
        self.refresh()

    # -- queries -------------------------------------------------------------------
    def round_index(self) -> int | None:
        data = self.round_combo.currentData()
        return data if isinstance(data, int) else None

    def selected_people(self) -> list[str]:
        return [item.data(0, PID) for item in self.tree.selectedItems() if item.data(0, PID)]

    def person_item(self, pid: str) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            assert group is not None  # i < topLevelItemCount()
            for j in range(group.childCount()):
                child = group.child(j)
                assert child is not None  # j < childCount()
                if child.data(0, PID) == pid:
                    return child
        return None

    # -- showing -------------------------------------------------------------------
    def refresh(self) -> None:
        c = self.controller
        session, plan = c.session, c.plan
        self._loading = True
        keep = self.round_index()
        self.round_combo.clear()
        rounds = session["rounds"] if session else []
        for i, rnd in enumerate(rounds):
            title = plan.phases[rnd["phase"]].title if plan and rnd["phase"] < len(plan.phases) else ""
            # the round's name in the combo (short enough to read whole); its groups beside the seed
            shape = group_shape(rnd["groups"]) or rnd["format"]
            self.round_combo.addItem(f"{i + 1}. {title}", i)
            self.round_combo.setItemData(i, f"{i + 1}. {title} ({shape})", Qt.ItemDataRole.ToolTipRole)
        if rounds:
            self.round_combo.setCurrentIndex(keep if keep is not None and keep < len(rounds) else 0)
        self._loading = False
        has = bool(rounds)
        self.make_button.setEnabled(session is not None and not has)
        self.reshuffle_button.setEnabled(has)
        for widget in (self.round_combo, self.tree, self.swap_button, self.observe_button, self.import_forms_button):
            widget.setEnabled(has)
        self.seed_label.setText(
            f"Seed: {session['seed']}" if has and session and session.get("seed") is not None else "No groups yet"
        )
        self.on_controller_phase_changed(c.phase_index)

    def on_controller_phase_changed(self, phase_index: int) -> None:
        rnd = self.controller.round_index_for_phase(phase_index)
        if rnd is not None and rnd != self.round_index():
            self.round_combo.setCurrentIndex(rnd)  # fills the tree
        else:
            self.fill_tree()

    def fill_tree(self) -> None:
        self.tree.clear()
        rnd = self.round_index()
        session = self.controller.session
        rounds = session["rounds"] if session else []
        self.shape_label.setText(
            f"This round: {group_shape(rounds[rnd]['groups'])}" if rnd is not None and rnd < len(rounds) else ""
        )
        if rnd is None:
            return
        names = self.controller.names()
        uid = self.controller.uid
        observed = self._observed(self.controller.service.observations(uid, rnd) if uid else [])
        for i, group in enumerate(self.controller.round_roles(rnd)):
            top = QTreeWidgetItem([f"Group {i + 1} \u00b7 {group_noun(len(group))}"])
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            top.setToolTip(
                0,
                f"Group {i + 1}: a {group_noun(len(group))} of "
                + ", ".join(names.get(pid, "?") for pid, _role in group),
            )
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for pid, role in sorted(group, key=lambda pr: ROLES.index(pr[1]) if pr[1] in ROLES else 9):
                note = observed.get(pid, "")
                child = QTreeWidgetItem([names.get(pid, "?"), role.capitalize(), note])
                child.setData(0, PID, pid)
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)  # the group's name is never cut by the Who column
            top.setExpanded(True)
        self.fit_tree()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.FontChange and watched is self.tree:
            self._fit_timer.start(0)
        return super().eventFilter(watched, event)

    def fit_tree(self) -> None:
        """Every row in sight when there is room, at least six when not; never a tall empty box."""
        rows = sum(1 + g.childCount() for i in range(self.tree.topLevelItemCount()) if (g := self.tree.topLevelItem(i)))
        line = max(self.tree.sizeHintForRow(0), chip_row_height(self.tree.fontMetrics()))
        low, high = fit_height(self.tree, min_rows=4, rows=rows, line=line)
        self.tree.setMinimumHeight(min(high, low + line * 2))  # all rows when there is room (its size hint)
        self.tree.setMaximumHeight(high)

    @staticmethod
    def _observed(observations: list[dict]) -> dict[str, str]:
        """{practitioner id: what the Notes column says}: observed, how many behaviours were counted
        (they climb live as an observer's phone sends them) and whether notes were written."""
        counted: dict[str, int] = {}
        noted: set[str] = set()
        for o in observations:
            learner = o["learner"]
            counted[learner] = counted.get(learner, 0) + sum(int(n or 0) for n in (o.get("counts") or {}).values())
            parts = [v for item in (o.get("items") or {}).values() for k, v in item.items() if k != "rating" and v]
            if o.get("note") or parts:
                noted.add(learner)
        return {
            pid: f"observed \u2713 \u00b7 {n} counted" + (", notes" if pid in noted else "")
            for pid, n in counted.items()
        }

    # -- actions -------------------------------------------------------------------
    def swap_selected(self) -> None:
        people = self.selected_people()
        if len(people) != 2:
            self.status_message.emit("Select exactly two people (Ctrl+click) to swap them.")
            return
        self.swap(*people)

    def swap(self, a: str, b: str) -> None:
        rnd = self.round_index()
        if rnd is not None:
            self.controller.swap(rnd, a, b)
            names = self.controller.names()
            self.status_message.emit(f"Swapped {names.get(a)} and {names.get(b)} from this round on.")

    def observe_selected(self) -> None:
        rnd = self.round_index()
        people = self.selected_people()
        if rnd is None or not people:
            self.status_message.emit("Select the practitioner you observed.")
            return
        learner = people[0]
        group = next(g for g in self.controller.round_roles(rnd) if learner in dict(g))
        observer = next((pid for pid, role in group if role == "observer" and pid != learner), TRAINER)
        self.controller.request_observation(rnd, observer, learner)

    def on_import_forms_clicked(self) -> None:
        summary = ask_import_forms(self, self.controller)
        if summary is not None:
            self.status_message.emit(summary.message() + ".")

    def on_tree_context_menu(self, pos) -> None:
        item = self.tree.itemAt(pos)
        if item is None or not item.data(0, PID):
            return
        pid = item.data(0, PID)
        names = self.controller.names()
        menu = QMenu(self)

        def observe() -> None:
            self.tree.setCurrentItem(item)
            self.observe_selected()

        menu.addAction("Observer notes\u2026", observe)
        swap_menu = menu.addMenu(f"Swap {names.get(pid)} with")
        rnd = self.round_index()
        assert rnd is not None  # the tree shows the people of a round
        for group in self.controller.round_roles(rnd):
            for other, _role in group:
                if other != pid:
                    swap_menu.addAction(names.get(other, "?"), partial(self.swap, pid, other))
        menu.exec(self.tree.viewport().mapToGlobal(pos))
