"""Search marks on the scenario page: the words of a search hit, marked in the moment it
opened at (both versions and the commentary), stepped through with F3 / Shift+F3 and
cleared with Esc, as in the module reader.

``ScenarioPage`` mixes this in before its QWidget base and provides ``browser``,
``scenario``, ``status_message``, ``next_place()`` and the ``_jumping`` flag that keeps
the current moment while the page scrolls on its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut

from trainer.scenarios.render import anchor
from trainer.ui.common.find_marks import FindMarks, anchor_positions, step_message

if TYPE_CHECKING:
    from PySide6.QtCore import Signal
    from PySide6.QtWidgets import QTextBrowser, QWidget

    from trainer.scenarios.model import Scenario

    _MarksBase = QWidget  # mixed in before a QWidget base: the shortcuts are its children
else:
    _MarksBase = object


class ScenarioMarks(_MarksBase):
    # What ScenarioPage provides (see above); declared here for the type checker only.
    browser: QTextBrowser
    scenario: Scenario | None
    status_message: ClassVar[Signal]
    _jumping: bool

    if TYPE_CHECKING:

        def next_place(self) -> None: ...

    def _init_marks(self) -> None:
        self.marks = FindMarks(self.browser)
        self._match_terms: tuple[str, ...] = ()
        self._match_moment: str | None = None
        QShortcut(QKeySequence("F3"), self, lambda: self.find_next(+1))
        QShortcut(QKeySequence("Shift+F3"), self, lambda: self.find_next(-1))
        self.clear_marks_shortcut = QShortcut(QKeySequence("Esc"), self.browser, self.clear_matches)
        self.clear_marks_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.clear_marks_shortcut.setEnabled(False)  # Esc is only taken while there are marks

    def show_matches(self, terms, moment_id: str | None) -> int:
        """Mark the search words in one moment (both versions and the commentary), or in the
        introduction when ``moment_id`` is None, and scroll the first into view if it is not."""
        self._match_terms, self._match_moment = tuple(t for t in terms if t), moment_id
        count = self._mark_matches()
        if count:
            rect = self.browser.cursorRect(self.marks.cursor_at(0))
            height = self.browser.viewport().height()
            if rect.top() < 0 or rect.bottom() > height:
                self._jumping = True  # the moment stays the one opened
                try:
                    bar = self.browser.verticalScrollBar()
                    bar.setValue(bar.value() + rect.top() - height // 3)
                finally:
                    self._jumping = False
            where = "this moment" if moment_id else "the introduction"
            keys = "F3 and Shift+F3 step through them, " if count > 1 else ""
            self.status_message.emit(
                f"The words searched for are marked in {where} "
                f"({count} place{'s' if count != 1 else ''}). {keys}Esc clears the marks."
            )
        return count

    def _mark_matches(self) -> int:
        if not self._match_terms or self.scenario is None:
            return 0
        positions = anchor_positions(self.browser.document())
        ids = [m.id for m in self.scenario.moments]
        moment = self._match_moment
        if moment is not None and moment in ids:
            i = ids.index(moment)
            start = positions.get(anchor(moment), 0)
            end = positions.get(anchor(ids[i + 1])) if i + 1 < len(ids) else None
        else:
            start, end = 0, positions.get(anchor(ids[0])) if ids else None
        count = self.marks.mark(self._match_terms, start, end)
        self.clear_marks_shortcut.setEnabled(bool(count))
        return count

    def clear_matches(self, quiet: bool = False) -> None:
        self._match_terms, self._match_moment = (), None
        self.clear_marks_shortcut.setEnabled(False)
        if self.marks.clear() and not quiet:
            self.status_message.emit("Search marks cleared.")

    def find_next(self, step: int) -> None:
        """F3 / Shift+F3: the next or previous search mark while words are marked (as in the
        reader), else the next place that uses the chosen skill."""
        count = len(self.marks)
        if not count:
            if step > 0:
                self.next_place()
            return
        self._jumping = True  # the moment stays the one the search opened
        try:
            index, wrapped = self.marks.step(step)
        finally:
            self._jumping = False
        self.status_message.emit(step_message(index, count, wrapped, step))
