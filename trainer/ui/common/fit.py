"""Small helpers that keep controls readable in a narrow window or at a large zoom."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from trainer.domain.safe_text import qt_text


def show_full_text(combo: QComboBox) -> None:
    """Put the combo's whole current choice (or its placeholder) in its tooltip, for when it is cut short."""
    text = combo.currentText() if combo.currentIndex() >= 0 else combo.placeholderText()
    combo.setToolTip(qt_text(text))  # the choice may quote a record: never markup


def let_combo_shrink(combo: QComboBox, chars: int = 14) -> QComboBox:
    """Let a combo of long choices shrink to about ``chars`` characters rather than widen its form;
    its tooltip always holds the full current text."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    combo.currentIndexChanged.connect(lambda _i: show_full_text(combo))
    model = combo.model()
    for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.dataChanged):
        signal.connect(lambda *_: show_full_text(combo))
    show_full_text(combo)
    return combo
