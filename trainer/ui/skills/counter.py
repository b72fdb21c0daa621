"""Behaviour counter for an observer during a live round.

Large buttons and one-key shortcuts (O, C, S, X, A, U, P, W) while the
counter has the focus; Ctrl+Z or Backspace undoes the last tap. Below, the
three measures against the framework's fair/good thresholds, in words.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from trainer.competencies import coding
from trainer.domain import tokens

LEVEL_MARK = {
    coding.GOOD: "\u25cf good",
    coding.FAIR: "\u25d0 fair",
    coding.BELOW: "\u25cb below fair",
    None: "\u2013 not enough yet",
}


class CounterWidget(QWidget):
    counts_changed = Signal()

    def __init__(self, thresholds: Callable[[str], coding.FairGood], parent=None):
        super().__init__(parent)
        self.thresholds = thresholds
        self.tally = coding.Tally()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Behaviour counter")
        self.setAccessibleDescription(
            "Press a letter to count a behaviour: "
            + ", ".join(f"{c.key} {c.label}" for c in coding.CODES)
            + ". Control+Z or Backspace undoes the last one."
        )

        help_label = QLabel(
            "Tap a button or press its letter each time you hear the behaviour. "
            "Ctrl+Z or Backspace undoes the last tap."
        )
        help_label.setWordWrap(True)
        # The buttons' grid has a widget of its own, made before any button is added: the
        # grid is re-arranged as the width changes (see _arrange), and a layout's items that
        # were already there when it was added with addLayout() get PySide wrappers that
        # would outlive the items Qt deletes on re-arranging.
        self.buttons_box = QWidget()
        grid = self.grid = QGridLayout(self.buttons_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(tokens.SPACE_1)
        self._columns, self._wrap = 4, False  # see _arrange
        self.buttons: dict[str, QPushButton] = {}
        big = self.font()
        big.setPointSizeF(big.pointSizeF() * 1.25)
        for i, code in enumerate(coding.CODES):
            button = QPushButton()
            button.setFont(big)
            button.setMinimumHeight(56)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setToolTip(f"{code.label} (key {code.key})")
            button.clicked.connect(lambda _=False, c=code.id: self.count(c))
            grid.addWidget(button, i // self._columns, i % self._columns)
            self.buttons[code.id] = button
        self.undo_button = QPushButton("\u21b6 &Undo last")
        self.undo_button.setAccessibleName("Undo the last count")
        self.undo_button.setToolTip("Undo the last count (Ctrl+Z or Backspace)")
        self.undo_button.clicked.connect(self.undo)
        self.last_label = QLabel()
        self.last_label.setAccessibleName("Last counted")
        self.last_label.setWordWrap(True)
        bar_box = QWidget()  # a widget of its own too (see buttons_box)
        bar = QHBoxLayout(bar_box)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.undo_button)
        bar.addWidget(self.last_label, 1)

        self.measure_labels: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        results = QGridLayout()
        results.setHorizontalSpacing(tokens.SPACE_1 + tokens.SPACE_HALF)
        for col, text in enumerate(("Measure", "So far", "Level", "Thresholds")):
            head = QLabel(f"<b>{text}</b>")
            results.addWidget(head, 0, col)
        for row, spec in enumerate(coding.SPECS, start=1):
            name = QLabel(spec.label)
            value, verdict, limits = QLabel(), QLabel(), QLabel()
            for label in (value, verdict, limits):
                label.setWordWrap(True)
            results.addWidget(name, row, 0)
            results.addWidget(value, row, 1)
            results.addWidget(verdict, row, 2)
            results.addWidget(limits, row, 3)
            self.measure_labels[spec.key] = (value, verdict, limits)
        results.setColumnStretch(1, 2)
        results.setColumnStretch(3, 1)
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setLayout(results)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(help_label)
        layout.addWidget(self.buttons_box, 3)
        layout.addWidget(bar_box)
        layout.addWidget(frame)
        self.refresh()

    # -- behaviour ---------------------------------------------------------------------
    def count(self, code_id: str) -> None:
        self.tally.add(code_id)
        self.last_label.setText(f"Counted: {coding.BY_ID[code_id].label}. Total {len(self.tally)}.")
        self.refresh()
        self.counts_changed.emit()

    def undo(self) -> None:
        undone = self.tally.undo()
        text = f"Undone: {coding.BY_ID[undone].label}." if undone else "Nothing to undo."
        self.last_label.setText(f"{text} Total {len(self.tally)}.")
        self.refresh()
        if undone:
            self.counts_changed.emit()

    def set_events(self, events: list[str]) -> None:
        self.tally = coding.Tally(events)
        self.last_label.setText(f"Total {len(self.tally)}." if self.tally.events else "Nothing counted yet.")
        self.refresh()

    def events(self) -> list[str]:
        return self.tally.events

    def counts(self) -> dict[str, int]:
        return self.tally.counts()

    def refresh(self) -> None:
        counts = self.tally.counts()
        for code in coding.CODES:
            n = counts[code.id]
            label = _two_lines(code.label) if self._wrap else code.label
            self.buttons[code.id].setText(f"{code.key}  {label}\n{n}")
            self.buttons[code.id].setAccessibleName(f"{code.label}, key {code.key}, counted {n}")
        self.undo_button.setEnabled(len(self.tally) > 0)
        for m in coding.measures(counts, self.thresholds):
            value, verdict, limits = self.measure_labels[m.key]
            value.setText(m.text)
            verdict.setText(LEVEL_MARK[m.level])
            limits.setText(f"fair \u2265 {m.fair_text}, good \u2265 {m.good_text}")

    # -- fitting the width ------------------------------------------------------------------
    def _arrange(self) -> None:
        """Four buttons a row when their words fit on one line; else the words on two lines;
        else two buttons a row (then one). A button's words are never clipped."""
        width, spacing = self.contentsRect().width(), self.grid.horizontalSpacing()
        for wrap, columns in ((False, 4), (True, 4), (True, 2), (True, 1)):
            self._wrap = wrap
            self.refresh()
            need = max(b.sizeHint().width() for b in self.buttons.values())
            if columns * need + (columns - 1) * spacing <= width:
                break
        if columns == self._columns:
            return
        self._columns = columns
        for i, code in enumerate(coding.CODES):
            self.grid.addWidget(self.buttons[code.id], i // columns, i % columns)
        for col in range(4):  # columns no longer used take no space
            self.grid.setColumnStretch(col, 1 if col < columns else 0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the zoom changed: the words got wider
            self._arrange()

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Undo) or (
            event.key() == Qt.Key.Key_Backspace and not event.modifiers()
        ):
            self.undo()
            event.accept()
            return
        mods = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
        code = coding.BY_KEY.get(event.text().upper()) if event.text() else None
        if code is not None and mods == Qt.KeyboardModifier.NoModifier:
            self.count(code.id)
            event.accept()
            return
        super().keyPressEvent(event)


def _two_lines(label: str) -> str:
    """'Advice without permission' -> 'Advice without\npermission': split at the space nearest the middle."""
    spaces = [i for i, ch in enumerate(label) if ch == " "]
    if not spaces:
        return label
    cut = min(spaces, key=lambda i: abs(i - len(label) / 2))
    return f"{label[:cut]}\n{label[cut + 1 :]}"
