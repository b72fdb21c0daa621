"""The list of scenarios: what each one is about, before opening it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem,
    QVBoxLayout, QWidget,
)

from trainer.scenarios.model import Scenario

IdRole = Qt.ItemDataRole.UserRole


class ScenarioListPage(QWidget):
    open_requested = Signal(str)

    def __init__(self, scenarios: list[Scenario], parent=None):
        super().__init__(parent)
        title = QLabel("Practice scenarios")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel("Each scenario plays the same consultation twice: a traditional one, and one "
                       "using self-management support skills. Open one to compare them moment by "
                       "moment, predict what you would say, and spot the skills.")
        intro.setWordWrap(True)

        self.tree = QTreeWidget()
        self.tree.setObjectName("scenarioList")
        self.tree.setAccessibleName("Scenarios")
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels(["Scenario", "Setting", "Practitioner", "Activation"])
        self.tree.setWordWrap(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        for s in scenarios:
            item = QTreeWidgetItem([s.title, s.setting, s.practitioner, f"Level {s.person.activation}"])
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
        self.empty_label = QLabel("No scenarios in this course yet. Add Markdown files to the "
                                  "'scenarios' folder (see docs/SCENARIOS.md).")
        self.empty_label.setWordWrap(True)
        self.empty_label.setVisible(not scenarios)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addWidget(list_label)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)

        self.tree.itemActivated.connect(lambda item, _col: self._open(item))
        self.open_button.clicked.connect(lambda: self._open(self.tree.currentItem()))
        self.tree.currentItemChanged.connect(lambda cur, _prev: self.open_button.setEnabled(cur is not None))
        if scenarios:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        else:
            self.open_button.setEnabled(False)

    def select(self, scenario_id: str) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, IdRole) == scenario_id:
                self.tree.setCurrentItem(item)

    def _open(self, item: QTreeWidgetItem | None) -> None:
        if item is not None:
            self.open_requested.emit(item.data(0, IdRole))
