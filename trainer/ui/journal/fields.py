"""The writing fields of the reflection editor: light Markdown, growing height."""

from __future__ import annotations

import re

from PySide6.QtGui import QFont, QPalette, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QSizePolicy, QWidget

from trainer.journal.template_model import Section

MIN_LINES, MAX_LINES = 4, 24


class MarkdownHighlighter(QSyntaxHighlighter):
    """Light Markdown: headings, **bold**, *italic* and list markers."""

    _bold = re.compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__")
    _italic = re.compile(r"(?<![*\w])\*[^*\n]+\*(?!\*)|(?<![_\w])_[^_\n]+_(?!_)")
    _bullet = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")

    def highlightBlock(self, text: str) -> None:
        if text.startswith("#"):
            fmt = QTextCharFormat()
            fmt.setFontWeight(QFont.Weight.Bold)
            self.setFormat(0, len(text), fmt)
            return
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        italic = QTextCharFormat()
        italic.setFontItalic(True)
        muted = QTextCharFormat()
        muted.setForeground(QApplication.palette().color(QPalette.ColorRole.PlaceholderText))  # AA in both themes
        for m in self._bullet.finditer(text):
            self.setFormat(m.start(), m.end() - m.start(), muted)
        for m in self._bold.finditer(text):
            self.setFormat(m.start(), m.end() - m.start(), bold)
        for m in self._italic.finditer(text):
            self.setFormat(m.start(), m.end() - m.start(), italic)


class SectionEdit(QPlainTextEdit):
    """One section's text. Grows with what is written; Tab moves to the next field."""

    def __init__(self, section: Section, parent: QWidget | None = None):
        super().__init__(parent)
        self.section = section
        self.setTabChangesFocus(True)
        self.setObjectName(f"section-{section.id}")
        self.setAccessibleName(section.title)
        self.setAccessibleDescription(section.prompt)
        if section.example:
            self.setPlaceholderText(f"For example: {section.example}")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.highlighter = MarkdownHighlighter(self.document())
        self.document().contentsChanged.connect(self._fit)
        self._fit()

    def _fit(self) -> None:
        lines = max(MIN_LINES, min(MAX_LINES, int(self.document().documentLayout().documentSize().height()) + 1))
        margins = self.contentsMargins()
        height = (
            lines * self.fontMetrics().lineSpacing()
            + 2 * self.document().documentMargin()
            + margins.top()
            + margins.bottom()
        )
        self.setFixedHeight(int(height))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()
