"""Marking every place some search words are found in a text view, and stepping through them.

Used by the module reader and the Scenarios page (the words of a search hit marked in
the moment it opened at). In both, F3 / Shift+F3 step through the marks, Esc clears them. Matching is the search's own
(``trainer.services.search.find_spans``): capitals and accents do not matter.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from trainer.domain import tokens
from trainer.services.search import find_spans

MAX_MARKS = 2000  # a one-letter search in a long module must not stall the window
# A highlighter-pen yellow with black text, as web browsers mark "find in page":
# readable on a light page and on a dark one, and unlike the selection colour,
# so the current match (selected) stands out from the others.
MARK_BACKGROUND = QColor(tokens.LIGHT["mark"])
MARK_FOREGROUND = QColor(tokens.LIGHT["on_mark"])


class FindMarks:
    """The places found in one QTextEdit; one of them (``index``) is the current one."""

    def __init__(self, edit: QTextEdit):
        self.edit = edit
        self.spans: list[tuple[int, int]] = []
        self.index = -1

    def __len__(self) -> int:
        return len(self.spans)

    def mark(self, terms: Iterable[str], start: int = 0, end: int | None = None) -> int:
        """Mark every place ``terms`` are found between document positions ``start`` and ``end``;
        returns how many. Nothing is selected yet (see ``step``)."""
        # toPlainText has one character per document position (frame marks become newlines)
        text = self.edit.document().toPlainText()
        end = len(text) if end is None else max(start, min(end, len(text)))
        found = find_spans(text[start:end], [t for t in terms if t])
        self.spans = [(a + start, b + start) for a, b in found[:MAX_MARKS]]
        self.index = -1
        self._paint()
        return len(self.spans)

    def clear(self) -> bool:
        """Remove the marks (and the selection of the current one). True if there were any."""
        had = bool(self.spans)
        if had and self.index >= 0:
            cursor = self.edit.textCursor()
            cursor.clearSelection()
            self.edit.setTextCursor(cursor)
        self.spans, self.index = [], -1
        self.edit.setExtraSelections([])
        return had

    def step(self, step: int) -> tuple[int, bool]:
        """Select the next (+1) or previous (-1) place and scroll to it.
        Returns (index, wrapped): ``wrapped`` when it went round from the last to the first
        (or back from the first to the last). (-1, False) when nothing is marked."""
        if not self.spans:
            return -1, False
        if self.index < 0:
            index = 0 if step >= 0 else len(self.spans) - 1
            wrapped = False
        else:
            index = (self.index + step) % len(self.spans)
            wrapped = (step > 0 and index <= self.index) or (step < 0 and index >= self.index)
        self.select(index)
        return index, wrapped

    def select(self, index: int) -> None:
        self.index = index
        self.edit.setTextCursor(self.cursor_at(index))
        self.edit.ensureCursorVisible()

    def cursor_at(self, index: int) -> QTextCursor:
        start, end = self.spans[index]
        cursor = QTextCursor(self.edit.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _paint(self) -> None:
        fmt = QTextCharFormat()
        fmt.setBackground(MARK_BACKGROUND)
        fmt.setForeground(MARK_FOREGROUND)
        selections = []
        for index in range(len(self.spans)):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self.cursor_at(index)
            selection.format = fmt
            selections.append(selection)
        self.edit.setExtraSelections(selections)


def step_message(index: int, count: int, wrapped: bool, step: int) -> str:
    """What the status bar says after ``FindMarks.step``: "Match 2 of 5.", and whether it went round."""
    where = f"Match {index + 1} of {count}."
    if wrapped:
        where = (
            f"No more matches below: back to the first. {where}"
            if step > 0
            else f"No more matches above: on to the last. {where}"
        )
    return where


def anchor_positions(document) -> dict[str, int]:
    """Document position of every named anchor in a QTextDocument (the first, if repeated)."""
    out: dict[str, int] = {}
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.isAnchor():
                for name in fmt.anchorNames():
                    out.setdefault(name, fragment.position())
            it += 1
        block = block.next()
    return out
