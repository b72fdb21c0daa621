"""The module reader: a toolbar and a QTextBrowser showing rendered HTML."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from trainer.domain import tokens
from trainer.domain.course import Heading, Module
from trainer.modules.page_cache import render_page_for
from trainer.modules.themes import Theme
from trainer.services.progress import END
from trainer.ui.common.check_box import CheckBox
from trainer.ui.common.find_marks import FindMarks, step_message
from trainer.ui.common.flow_layout import FlowLayout
from trainer.ui.course.check_view import CheckPanel

MIN_POINT, MAX_POINT = 8, 28
MEASURE_CHARS = 90  # comfortable line length in average characters


class ReaderView(QWidget):
    """Shows one module. Emits requests; never writes records itself."""

    previous_requested = Signal()
    next_requested = Signal()
    done_toggled = Signal(str, bool)
    check_requested = Signal(str, bool)  # module id; True when asked from the end of the text
    end_reached = Signal(str)  # the module was scrolled to its end
    module_link_activated = Signal(str)  # a link to another module file or id
    scenario_link_activated = Signal(str)  # a scenario id from the "Practise it" box
    text_size_changed = Signal(int)
    status_message = Signal(str)

    def __init__(self, theme: Theme, base_point_size: int, parent=None):
        super().__init__(parent)
        self.theme = theme
        self.module: Module | None = None
        self.scenario_titles: dict[str, str] = {}
        # How pages are made: rendered now, or a trainer.modules.page_cache.PageCache's
        # ``render`` (app.py sets one) so the first page shown needs no renderer.
        self.render_page = render_page_for
        self._point = base_point_size
        self._default_point = base_point_size

        self.prev_button = QPushButton("\u2190 Previous")
        self.prev_button.setAccessibleName("Previous module")
        self.prev_button.setToolTip("Previous module (Ctrl+Page Up)")
        self.next_button = QPushButton("Next \u2192")
        self.next_button.setAccessibleName("Next module")
        self.next_button.setToolTip("Next module (Ctrl+Page Down)")
        self.done_box = CheckBox("&Mark as done")
        self.done_box.setAccessibleName("Mark this module as done by hand")
        self.done_box.setToolTip(
            "Mark this module as done by hand (Ctrl+D). It is recorded as marked by hand; "
            "passing the check at the end counts it as done."
        )
        self.check_button = QToolButton()
        self.check_button.setText("Check…")
        self.check_button.setAccessibleName("Check your understanding")
        self.check_button.setToolTip("The questions at the end of this module")
        self.reflect_button = QToolButton()
        self.reflect_button.setText("&Reflect\u2026")
        self.reflect_button.setAccessibleName("Reflect on this module")
        self.reflect_button.setToolTip("Write a reflection linked to this module (Ctrl+R)")
        self.bookmark_button = QToolButton()
        self.bookmark_button.setText("Bookmark\u2026")
        self.bookmark_button.setAccessibleName("Bookmark this passage")
        self.bookmark_button.setToolTip("Bookmark the selected text, or the paragraph at the top (Ctrl+B)")
        self.toc_combo = QComboBox()
        self.toc_combo.setAccessibleName("Jump to a section of this module")
        self.toc_combo.setToolTip("Sections of this module")
        self.toc_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.toc_combo.setMinimumContentsLength(16)
        self.smaller_button = QToolButton()
        self.smaller_button.setText("A\u2212")
        self.smaller_button.setAccessibleName("Smaller text")
        self.smaller_button.setToolTip("Smaller text (Ctrl+Minus)")
        self.larger_button = QToolButton()
        self.larger_button.setText("A+")
        self.larger_button.setAccessibleName("Larger text")
        self.larger_button.setToolTip("Larger text (Ctrl+Plus)")
        self.size_label = QLabel()
        self.size_label.setAccessibleName("Text size")

        # The toolbar wraps onto a second row when narrow or zoomed, never clipping a button.
        self.toolbar = QWidget()
        self.toolbar.setObjectName("readerToolbar")
        bar = FlowLayout(self.toolbar)
        bar.setContentsMargins(tokens.SPACE_1, tokens.SPACE_1, tokens.SPACE_1, tokens.SPACE_1)
        for group in (
            (self.prev_button, self.next_button),
            (self.check_button, self.done_box),
            (self.reflect_button, self.bookmark_button),  # two groups: at 175% one would be cut
            (self.toc_combo,),
            (self.smaller_button, self.size_label, self.larger_button),
        ):
            holder = QWidget()  # a group wraps as a whole
            row = QHBoxLayout(holder)
            row.setContentsMargins(0, 0, 0, 0)
            for widget in group:
                row.addWidget(widget)
            bar.addWidget(holder)

        self.browser = QTextBrowser()
        self.browser.setObjectName("reader")
        self.browser.setAccessibleName("Module text")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.document().setDocumentMargin(0)
        # The check is a page of its own, reached from the end of the text (or Check...).
        self.check_panel = CheckPanel(theme)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.browser)
        self.pages.addWidget(self.check_panel)
        self._end_told = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.pages, 1)

        self.prev_button.clicked.connect(self.previous_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.done_box.toggled.connect(self._on_done_toggled)
        self.check_button.clicked.connect(self._on_check_clicked)
        self.check_panel.back_requested.connect(self.show_text)
        self.browser.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.toc_combo.activated.connect(self._on_toc_activated)
        self.smaller_button.clicked.connect(lambda: self.change_text_size(-1))
        self.larger_button.clicked.connect(lambda: self.change_text_size(+1))
        self.browser.anchorClicked.connect(self._on_anchor_clicked)
        self._apply_font()

        # The words of a search, marked everywhere in the module (see show_matches).
        self.marks = FindMarks(self.browser)
        # F3 works wherever the focus is while the reader is on screen (a hidden reader's
        # shortcuts are off, so the Scenarios page has its own F3).
        QShortcut(QKeySequence("F3"), self, lambda: self.step_match(+1))
        QShortcut(QKeySequence("Shift+F3"), self, lambda: self.step_match(-1))
        self.clear_shortcut = QShortcut(QKeySequence("Esc"), self.browser, self.clear_matches)
        self.clear_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.clear_shortcut.setEnabled(False)  # Esc is only taken while there are marks

    # -- search matches ------------------------------------------------------------
    def show_matches(self, terms) -> int:
        """Mark every place the search words are found, select and show the first.
        Returns how many were found."""
        count = self.marks.mark(terms)
        self.clear_shortcut.setEnabled(bool(count))
        if count:
            self.marks.step(+1)
            more = " Press F3 for the next, Shift+F3 for the previous, Esc to clear." if count > 1 else ""
            self.status_message.emit(f"Match 1 of {count}.{more}")
        return count

    def step_match(self, step: int) -> None:
        """Go to the next (+1) or previous (-1) marked match, going round at the ends."""
        count = len(self.marks)
        if not count:
            self.status_message.emit("No search words are marked. Search with Ctrl+K.")
            return
        index, wrapped = self.marks.step(step)
        self.status_message.emit(step_message(index, count, wrapped, step))

    def clear_matches(self) -> None:
        self.clear_shortcut.setEnabled(False)
        if self.marks.clear():
            self.status_message.emit("Search marks cleared.")

    # -- showing -----------------------------------------------------------------
    def show_module(self, module: Module, done: bool, has_prev: bool, has_next: bool) -> None:
        self.module = module
        self._end_told = False
        self.pages.setCurrentWidget(self.browser)
        self.check_button.setEnabled(module.ok and any(q.in_check for q in module.questions))
        self.marks.clear()  # the marks of a search belong to the page they were made on
        self.clear_shortcut.setEnabled(False)
        self.browser.setSearchPaths([str(module.path.parent)])
        headings: list[Heading] = []
        if module.ok:
            rendered = self.render_page(module, self.theme, done, self.scenario_titles)
            self.browser.setHtml(rendered.html)
            headings = [h for h in rendered.headings if h.level in (2, 3)]
        else:
            from trainer.modules.render import render_error  # lazy: Markdown loads only when a page is not in the cache

            self.browser.setHtml(render_error(module.title, module.error or "", self.theme))
        self._fit_measure()
        self.done_box.blockSignals(True)
        self.done_box.setChecked(done)
        self.done_box.setEnabled(module.ok)
        self.reflect_button.setEnabled(module.ok)
        self.bookmark_button.setEnabled(module.ok)
        self.done_box.blockSignals(False)
        self.prev_button.setEnabled(has_prev)
        self.next_button.setEnabled(has_next)
        self.toc_combo.clear()
        self.toc_combo.addItem("Sections\u2026", "")
        for h in headings:
            self.toc_combo.addItem(("    " if h.level == 3 else "") + h.text, h.anchor)
        self.toc_combo.setEnabled(bool(headings))

    def set_caret_browsing(self, on: bool) -> None:
        """A text cursor in the page, moved with the arrow keys, so a passage can be selected
        from the keyboard (to copy or bookmark it). Off, the arrow keys scroll."""
        flags = Qt.TextInteractionFlag.TextBrowserInteraction
        if on:
            flags |= Qt.TextInteractionFlag.TextSelectableByKeyboard
        self.browser.setTextInteractionFlags(flags)
        self.browser.setCursorWidth(2 if on else 1)

    def caret_browsing(self) -> bool:
        return bool(self.browser.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard)

    def set_done(self, done: bool, done_by: str | None = None) -> None:
        """The box ticked when done; its words say how: by the check or by hand."""
        self.done_box.blockSignals(True)
        self.done_box.setChecked(done)
        self.done_box.blockSignals(False)
        if not done:
            text, name = "&Mark as done", "Mark this module as done by hand"
        elif done_by == "check":
            text, name = "Done: check &passed", "Done: the check was passed"
        else:
            text, name = "Done: &marked by hand", "Done: marked by hand"
        self.done_box.setText(text)
        self.done_box.setAccessibleName(name)

    # -- the check -------------------------------------------------------------
    def show_check(self, result_text: str) -> None:
        """The module's questions in place of its text."""
        if self.module is None:
            return
        self.check_panel.show_module(self.module, result_text)
        self.pages.setCurrentWidget(self.check_panel)
        if self.check_panel.cards:
            self.check_panel.cards[0].setFocus(Qt.FocusReason.OtherFocusReason)
            first = self.check_panel.cards[0]
            target = first.buttons[0] if first.buttons else (first.order_list or first.text_edit)
            if target is not None:
                target.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_text(self) -> None:
        self.pages.setCurrentWidget(self.browser)
        self.browser.setFocus(Qt.FocusReason.OtherFocusReason)

    def showing_check(self) -> bool:
        return self.pages.currentWidget() is self.check_panel

    def at_end(self) -> bool:
        """The end of the text is on screen (scrolled there, or the page needs no scrolling)."""
        bar = self.browser.verticalScrollBar()
        return bar.maximum() == 0 or bar.value() >= END * bar.maximum()

    def _on_check_clicked(self) -> None:
        if self.module is not None:
            self.check_requested.emit(self.module.id, False)

    def _on_scrolled(self, value: int) -> None:
        bar = self.browser.verticalScrollBar()
        if self.module is not None and not self._end_told and bar.maximum() > 0 and value >= END * bar.maximum():
            self._end_told = True
            self.end_reached.emit(self.module.id)

    def scroll_fraction(self) -> float:
        bar = self.browser.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0

    def set_scroll_fraction(self, fraction: float) -> None:
        bar = self.browser.verticalScrollBar()
        bar.setValue(round(fraction * bar.maximum()))

    # -- text size ---------------------------------------------------------------
    @property
    def point_size(self) -> int:
        return self._point

    def set_point_size(self, point: int) -> None:
        self._point = max(MIN_POINT, min(MAX_POINT, int(point)))
        self._apply_font()

    def change_text_size(self, step: int) -> None:
        before = self._point
        self.set_point_size(self._point + step if step else self._default_point)
        if self._point != before:
            self.text_size_changed.emit(self._point)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_measure()

    def _fit_measure(self) -> None:
        """Centre a readable column: wide windows get wide side margins."""
        doc = self.browser.document()
        measure = QFontMetrics(doc.defaultFont()).averageCharWidth() * MEASURE_CHARS
        width = self.browser.viewport().width()
        side = max(24, int((width - measure) / 2))
        root = doc.rootFrame()
        fmt = root.frameFormat()
        if abs(fmt.leftMargin() - side) >= 1 or fmt.topMargin() != 20:
            fraction = self.scroll_fraction()
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            fmt.setTopMargin(20)
            fmt.setBottomMargin(32)
            root.setFrameFormat(fmt)
            self.set_scroll_fraction(fraction)

    def _apply_font(self) -> None:
        font = QFont(self.browser.font())
        font.setPointSize(self._point)
        self.browser.document().setDefaultFont(font)
        percent = round(100 * self._point / self._default_point)
        self.size_label.setText(f"{percent}%")
        self.smaller_button.setEnabled(self._point > MIN_POINT)
        self.larger_button.setEnabled(self._point < MAX_POINT)
        self._fit_measure()

    # -- slots -------------------------------------------------------------------
    def _on_done_toggled(self, checked: bool) -> None:
        if self.module is not None:
            self.done_toggled.emit(self.module.id, checked)

    def _on_toc_activated(self, index: int) -> None:
        anchor = self.toc_combo.itemData(index)
        if anchor:
            self.browser.scrollToAnchor(anchor)
            self.browser.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        if url.scheme() == "scenario":
            self.scenario_link_activated.emit(url.path())
            return
        if url.scheme() == "check":
            if self.module is not None:
                self.check_requested.emit(self.module.id, True)
            return
        if not url.scheme() and not url.path() and url.fragment():
            self.browser.scrollToAnchor(url.fragment())
            return
        target = url.path()
        if target:
            self.module_link_activated.emit(target)
