"""The list of scenarios: what each one is about, before opening it."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trainer.domain import tokens
from trainer.scenarios.model import Scenario
from trainer.ui.common.rows import use_rows

IdRole = Qt.ItemDataRole.UserRole


class ScenarioListPage(QWidget):
    open_requested = Signal(str)

    def __init__(
        self,
        scenarios: list[Scenario],
        skill_names: dict[str, str] | None = None,
        progress: Callable[[str], str] | None = None,
        parent=None,
    ):
        super().__init__(parent)
        self.scenarios = {s.id: s for s in scenarios}
        self.skill_names = skill_names or {}
        self.progress = progress
        title = QLabel("Practice scenarios")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            "Each scenario plays the same consultation twice: a traditional one, and one "
            "using self-management support skills. Open one to compare them moment by "
            "moment, predict what you would say, and spot the skills."
        )
        intro.setWordWrap(True)

        self.tree = QTreeWidget()
        self.tree.setObjectName("scenarioList")
        self.tree.setAccessibleName("Scenarios")
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels(["Scenario", "Setting", "Practitioner", "Activation"])
        # One column of two-line rows (title; setting, practitioner, level): a table of four
        # columns cut every one of them at a large zoom. The other columns keep the facts.
        self.tree.setHeaderHidden(True)
        self.tree.setAlternatingRowColors(False)
        for col in (1, 2, 3):
            self.tree.setColumnHidden(col, True)
        use_rows(self.tree)
        for s in scenarios:
            level = f"Level {s.person.activation}"
            facts = f"{s.setting} \u00b7 {s.practitioner} \u00b7 {level}"
            item = QTreeWidgetItem([f"{s.title}\n{facts}", s.setting, s.practitioner, level])
            item.setData(
                0, Qt.ItemDataRole.AccessibleTextRole, f"{s.title}: {s.setting}, {s.practitioner}, activation {level}"
            )
            item.setData(0, IdRole, s.id)
            tip = f"{s.summary}\n\n{s.person.activation_text}" if s.summary else s.person.activation_text
            for col in range(4):
                item.setToolTip(col, tip)
            self.tree.addTopLevelItem(item)
        list_label = QLabel("&Scenarios:")
        list_label.setBuddy(self.tree)

        self.open_button = QPushButton("&Open scenario")
        self.open_button.setAccessibleName("Open the selected scenario")
        self.open_button.setDefault(True)
        self.empty_label = QLabel(
            "No scenarios in this course yet. Add Markdown files to the 'scenarios' folder (see docs/SCENARIOS.md)."
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setVisible(not scenarios)

        self.details = QTextBrowser()
        self.details.setObjectName("scenarioDetails")
        self.details.setAccessibleName("About the selected scenario")
        self.details.document().setDocumentMargin(12)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(tokens.SPACE_2, tokens.SPACE_2, tokens.SPACE_2, tokens.SPACE_2)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(tokens.SPACE_1)
        layout.addWidget(list_label)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.details, 2)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)

        self.tree.itemActivated.connect(lambda item, _col: self._open(item))
        self.open_button.clicked.connect(lambda: self._open(self.tree.currentItem()))
        self.tree.currentItemChanged.connect(self.on_tree_current_changed)
        if scenarios:
            first = self.tree.topLevelItem(0)
            assert first is not None  # one item per scenario
            self.tree.setCurrentItem(first)
        else:
            self.open_button.setEnabled(False)

    def on_tree_current_changed(self, current: QTreeWidgetItem | None, _previous=None) -> None:
        self.open_button.setEnabled(current is not None)
        scenario = self.scenarios.get(current.data(0, IdRole)) if current is not None else None
        text = describe(scenario, self.skill_names) if scenario else ""
        if scenario and self.progress:
            text += f"<p><b>Your practice:</b> {html.escape(self.progress(scenario.id))}</p>"
        self.details.setHtml(text)

    def refresh(self) -> None:
        self.on_tree_current_changed(self.tree.currentItem())

    def select(self, scenario_id: str) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            assert item is not None  # i < topLevelItemCount()
            if item.data(0, IdRole) == scenario_id:
                self.tree.setCurrentItem(item)

    def _open(self, item: QTreeWidgetItem | None) -> None:
        if item is not None:
            self.open_requested.emit(item.data(0, IdRole))


def describe(s: Scenario, skill_names: dict[str, str]) -> str:
    """A short HTML card about a scenario, for the list page."""
    e = html.escape
    p = s.person
    matters = "".join(f"<li>{e(x)}</li>" for x in p.what_matters)
    objectives = "".join(f"<li>{e(x)}</li>" for x in s.objectives)
    skills = ", ".join(e(skill_names.get(x, x)) for x in s.skills)
    moments = " \u2192 ".join(e(m.title) for m in s.moments)
    return (
        f"<h2>{e(s.title)}</h2><p>{e(s.summary)}</p>"
        f"<p><b>The person:</b> {e(p.name)}, aged {e(p.age_range)}; {e('; '.join(p.conditions))}. "
        f"{e(p.activation_text)}.</p><p><b>What matters to them:</b></p><ul>{matters}</ul>"
        f"<p><b>You will practise:</b></p><ul>{objectives}</ul>"
        f"<p><b>Skills:</b> {skills}</p><p><b>Moments:</b> {moments}</p>"
    )
