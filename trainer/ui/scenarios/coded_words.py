"""Your own words, coded: each sentence the learner typed, its behaviour code and why.

The code comes from the transparent rules of ``competencies/utterance_coder.py``;
the learner can correct it with the combo box beside the sentence, and the
code they leave is the one stored with their words.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from trainer.competencies.coding import CODE_IDS
from trainer.competencies.utterance_coder import EXPLANATIONS, LABELS, OTHER, CodedSentence, code_text
from trainer.services.scenario_practice import AttemptCode

CHOICES = (*CODE_IDS, OTHER)


def _wrapped(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class CodedWords(QWidget):
    """A "Code my words" button and, once pressed, one row per sentence."""

    coded = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.code_button = QPushButton("C&ode my words")
        self.code_button.setAccessibleName("Code each sentence of your words with the behaviour codes")
        self.note = _wrapped()
        self.note.setAccessibleName("About the codes")
        self.rows = QWidget()
        self.grid = QGridLayout(self.rows)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(0, 1)
        self.combos: list[QComboBox] = []
        self.explanations: list[QLabel] = []
        self._sentences: list[CodedSentence] = []
        self._text = ""

        top = QHBoxLayout()
        top.addWidget(self.code_button)
        top.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(top)
        box.addWidget(self.note)
        box.addWidget(self.rows)
        self.clear()

    def clear(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.combos, self.explanations, self._sentences, self._text = [], [], [], ""
        self.note.setVisible(False)
        self.rows.setVisible(False)

    def code(self, text: str) -> None:
        """Code ``text`` afresh (the learner's corrections to an older text are dropped)."""
        self.clear()
        self._text = text.strip()
        self._sentences = code_text(self._text)
        if not self._sentences:
            self.note.setText("Write what you would say first; then each sentence is coded here.")
            self.note.setVisible(True)
            return
        self.note.setText(
            "Each sentence, coded by simple rules that can be wrong: if you meant something else, "
            "choose the right code. The code you leave is saved with your words."
        )
        self.note.setVisible(True)
        for row, sentence in enumerate(self._sentences):
            quote = _wrapped(f"{row + 1}. \u201c{sentence.text}\u201d")
            bold = quote.font()
            bold.setBold(True)
            quote.setFont(bold)
            combo = QComboBox()
            for code in CHOICES:
                combo.addItem(LABELS[code], code)
            combo.setCurrentIndex(CHOICES.index(sentence.code))
            combo.setAccessibleName(f"Code of sentence {row + 1}: {sentence.text}")
            why = _wrapped(sentence.explanation)
            why.setAccessibleName(f"Why sentence {row + 1} has this code")
            combo.currentIndexChanged.connect(lambda _i, n=row: self._explain(n))
            self.grid.addWidget(quote, row * 3, 0, 1, 2)
            self.grid.addWidget(combo, row * 3 + 1, 0, Qt.AlignmentFlag.AlignLeft)
            self.grid.addWidget(why, row * 3 + 2, 0, 1, 2)
            self.combos.append(combo)
            self.explanations.append(why)
        self.rows.setVisible(True)
        self.coded.emit()

    def _explain(self, row: int) -> None:
        sentence = self._sentences[row]
        chosen = self.combos[row].currentData()
        if chosen == sentence.code:
            self.explanations[row].setText(sentence.explanation)
        else:
            self.explanations[row].setText(
                f"{EXPLANATIONS[chosen]} (You chose this; the rules said {LABELS[sentence.code].lower()}.)"
            )

    def codes_for(self, text: str) -> list[AttemptCode]:
        """The codes to keep with ``text``: as shown and corrected here, or the rules' own
        when the words changed after they were coded."""
        text = text.strip()
        if text != self._text or not self._sentences:
            return [AttemptCode(sentence=s.text, code=s.code, corrected=False) for s in code_text(text)]
        out = []
        for sentence, combo in zip(self._sentences, self.combos, strict=True):
            chosen = str(combo.currentData())
            out.append(AttemptCode(sentence=sentence.text, code=chosen, corrected=chosen != sentence.code))
        return out
