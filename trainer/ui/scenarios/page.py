"""Layout of one open scenario: toolbar, moment list, the page, the practice panel.

This file only builds widgets; ``scenario_view.ScenarioPage`` adds the
behaviour.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from trainer.domain import tokens
from trainer.ui.common.check_box import CheckBox
from trainer.ui.scenarios.controller import ScenarioController
from trainer.ui.scenarios.practice import PracticePanel

AUTO, SIDE_BY_SIDE, SINGLE_COLUMN = "auto", "side", "single"
LAYOUTS = [(AUTO, "Automatic"), (SIDE_BY_SIDE, "Side by side"), (SINGLE_COLUMN, "Single column, large text")]


class ScenarioPageLayout(QWidget):
    """Every widget of the open-scenario page, laid out; no behaviour."""

    def __init__(self, controller: ScenarioController, parent=None):
        super().__init__(parent)
        self.back_button = QPushButton("\u2190 &All scenarios")
        self.back_button.setAccessibleName("Back to all scenarios")
        self.title_label = QLabel()
        self.title_label.setObjectName("scenarioTitle")
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title_label.setFont(font)
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.coding_button = QPushButton("Co&ding practice\u2026")
        self.coding_button.setAccessibleName("Coding practice: code each turn, then compare with the expert")
        self.coding_button.setToolTip("Code each practitioner turn with the counter keys, then compare with an expert")
        self.reflect_button = QPushButton("Re&flect on this moment\u2026")
        self.reflect_button.setAccessibleName("Start a reflection on this moment")
        self.reflect_button.setToolTip("Start a reflection linked to this scenario and moment")

        self.layout_combo = QComboBox()
        self.layout_combo.setAccessibleName("Layout")
        for key, text in LAYOUTS:
            self.layout_combo.addItem(text, key)
        layout_label = QLabel("&Layout:")
        layout_label.setBuddy(self.layout_combo)
        self.skill_combo = QComboBox()
        self.skill_combo.setAccessibleName("Show every place that uses a skill")
        self.skill_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.skill_combo.setMinimumContentsLength(14)
        skill_label = QLabel("Show s&kill:")
        skill_label.setBuddy(self.skill_combo)
        self.places_label = QLabel()
        self.places_label.setAccessibleName("Places found")
        self.next_place_button = QToolButton()
        self.next_place_button.setText("Next \u25b8")
        self.next_place_button.setAccessibleName("Next place that uses this skill")
        self.next_place_button.setToolTip("Next place that uses this skill (F3, unless search words are marked)")
        self.practise_box = CheckBox("&Practise mode")
        self.practise_box.setToolTip(
            "Hide the self-management version of each moment until you have written what you would say"
        )
        self.practise_box.setAccessibleName("Practise: hide the self-management version until you have tried")
        self.smaller_button = QToolButton()
        self.smaller_button.setText("A\u2212")
        self.smaller_button.setAccessibleName("Smaller text")
        self.larger_button = QToolButton()
        self.larger_button.setText("A+")
        self.larger_button.setAccessibleName("Larger text")

        row1 = QHBoxLayout()
        row1.setContentsMargins(tokens.SPACE_1, tokens.SPACE_1, tokens.SPACE_1, 0)
        row1.addWidget(self.back_button)
        row1.addWidget(self.title_label, 1)
        row1.addWidget(self.coding_button)
        row1.addWidget(self.reflect_button)
        row2 = QHBoxLayout()
        row2.setContentsMargins(tokens.SPACE_1, tokens.SPACE_HALF, tokens.SPACE_1, tokens.SPACE_1)
        row2.addWidget(layout_label)
        row2.addWidget(self.layout_combo)
        row2.addSpacing(tokens.SPACE_1)
        row2.addWidget(skill_label)
        row2.addWidget(self.skill_combo, 1)
        row2.addWidget(self.places_label)
        row2.addWidget(self.next_place_button)
        row2.addSpacing(tokens.SPACE_1)
        row2.addWidget(self.practise_box)
        row2.addSpacing(tokens.SPACE_1)
        row2.addWidget(self.smaller_button)
        row2.addWidget(self.larger_button)

        self.moment_list = QListWidget()
        self.moment_list.setObjectName("momentList")
        self.moment_list.setAccessibleName("Moments")
        self.moment_list.setWordWrap(True)
        self.moment_list.setSpacing(tokens.SPACE_HALF)
        self.moment_list.setToolTip("Jump to a moment (Alt+Down and Alt+Up step through them)")
        moments_label = QLabel("&Moments")
        moments_label.setBuddy(self.moment_list)
        bold = moments_label.font()
        bold.setBold(True)
        moments_label.setFont(bold)
        side = QWidget()
        side_box = QVBoxLayout(side)
        side_box.setContentsMargins(tokens.SPACE_1, tokens.SPACE_HALF, tokens.SPACE_HALF, tokens.SPACE_1)
        side_box.addWidget(moments_label)
        side_box.addWidget(self.moment_list, 1)
        side.setMinimumWidth(130)

        self.browser = QTextBrowser()
        self.browser.setObjectName("scenarioPage")
        self.browser.setAccessibleName("The two consultations")
        self.browser.setOpenLinks(False)
        self.browser.document().setDocumentMargin(16)
        self.practice = PracticePanel(controller)

        self.inner = QSplitter(Qt.Orientation.Horizontal)
        self.inner.addWidget(self.browser)
        self.inner.addWidget(self.practice)
        self.inner.setStretchFactor(0, 1)
        self.inner.setStretchFactor(1, 0)
        self.inner.setChildrenCollapsible(False)
        self.outer = QSplitter(Qt.Orientation.Horizontal)
        self.outer.addWidget(side)
        self.outer.addWidget(self.inner)
        self.outer.setStretchFactor(0, 0)
        self.outer.setStretchFactor(1, 1)
        self.outer.setChildrenCollapsible(False)
        self.outer.setSizes([190, 1000])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(row1)
        layout.addLayout(row2)
        layout.addWidget(self.outer, 1)
