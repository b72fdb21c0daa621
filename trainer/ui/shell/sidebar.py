"""The left sidebar: the sections with an icon and a name, in place of the tab bar.

``install_sidebar(window)`` runs once every feature has added its sections. The
window's ``tabs`` (a ``QTabWidget``) stays the owner of the pages, so its API,
``show_section``, the Sections menu and Alt+1... work as before; only its tab bar
is hidden, and this list follows and drives it.

Below ``COMPACT_BELOW`` pixels of window width, the sidebar shows icons only
(names in tooltips and for screen readers); View > Compact sidebar (Ctrl+Shift+S)
chooses for good, "auto" by width is the default.

Start-up note: this is built at start-up, so nothing here touches PySide's ``Qt``
namespace or ``QStyle`` (see ``main_window``): roles and flags are plain ints, and
the delegate paints with the painter alone. Nor does it ask for the list's
``viewport()``: an object of a class private to Qt makes PySide look through, and
build, every widget class it knows (tests/e2e/test_cli.py sees ``QWizard`` built).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QStyledItemDelegate, QWidget

from trainer.domain import tokens
from trainer.ui.common.style import tint, token

if TYPE_CHECKING:
    from trainer.ui.shell.main_window import MainWindow

COMPACT_BELOW = 1000  # window width (px) under which the sidebar shows icons only
KEY_ROLE = 0x0100  # Qt.ItemDataRole.UserRole
ACCESSIBLE_TEXT_ROLE = 11  # Qt.ItemDataRole.AccessibleTextRole
TOOLTIP_ROLE = 3  # Qt.ItemDataRole.ToolTipRole
ALIGN_CENTER = 0x84
SETTING = "appearance/sidebar"  # "auto", "compact" or "wide"
ROW_HEIGHT = 5 * tokens.SPACE_1  # 40 px at 100%
ICON_BOX = 3 * tokens.SPACE_1  # the glyph's square


class SidebarDelegate(QStyledItemDelegate):
    """Paints a row: a rounded selection, the section's glyph, and its name unless compact."""

    def __init__(self, bar: QListWidget):
        super().__init__(bar)
        self.bar = bar
        self.compact = False

    def paint(self, painter, option, index) -> None:
        from PySide6.QtCore import QPointF, QRectF
        from PySide6.QtGui import QFontMetrics, QPainter

        from trainer.ui.common.icons import GLYPHS, icon_font  # the font loads at the first paint

        bar = self.bar
        selected = bar.currentRow() == index.row()
        rect = QRectF(option.rect).adjusted(tokens.SPACE_1, 2, -tokens.SPACE_1, -2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if selected:
            painter.setPen(token("sidebar_selected"))
            painter.setBrush(token("sidebar_selected"))
            painter.drawRoundedRect(rect, tokens.RADIUS, tokens.RADIUS)
            # a short accent bar at the left edge: the current section, not by colour alone
            painter.setBrush(token("accent"))
            painter.setPen(token("accent"))
            bar_rect = QRectF(rect.left(), rect.top() + rect.height() / 4, 3, rect.height() / 2)
            painter.drawRoundedRect(bar_rect, 1.5, 1.5)
        text_colour = bar.palette().color(QPalette.ColorRole.Text)
        key = str(index.data(KEY_ROLE) or "")
        title = str(index.data(ACCESSIBLE_TEXT_ROLE) or "")
        font = icon_font(max(12, int(QFontMetrics(option.font).height() * 0.95)))
        icon_rect = QRectF(rect.left() + tokens.SPACE_1, rect.top(), ICON_BOX, rect.height())
        if self.compact:
            icon_rect.moveLeft(rect.left() + (rect.width() - ICON_BOX) / 2)
        painter.setPen(text_colour)
        if font is not None and key in GLYPHS:
            painter.setFont(font)
            painter.drawText(icon_rect, ALIGN_CENTER, GLYPHS[key])
        else:  # no icon font: the first letter in its place
            painter.setFont(option.font)
            painter.drawText(icon_rect, ALIGN_CENTER, title[:1])
        if not self.compact:
            name_font = QFont(option.font)
            name_font.setBold(selected)
            metrics = QFontMetrics(name_font)
            painter.setFont(name_font)
            left = icon_rect.right() + tokens.SPACE_1 + tokens.SPACE_HALF
            baseline = rect.top() + (rect.height() + metrics.ascent() - metrics.descent()) / 2
            painter.drawText(QPointF(left, baseline), title)
        painter.restore()


def make_list() -> QListWidget:
    """The sections as a vertical list (a plain QListWidget: a Python subclass would make
    PySide build its enums at start-up); arrow keys move, the row chosen is shown."""
    bar = QListWidget()
    bar.setObjectName("sidebar")
    bar.setAccessibleName("Sections")
    bar.setAccessibleDescription("Use the arrow keys to choose a section; Alt and a number jump to one")
    bar.setProperty("frameShape", 0)  # QFrame.Shape.NoFrame
    bar.setProperty("horizontalScrollBarPolicy", 1)  # Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    bar.setAutoFillBackground(True)
    bar.setUniformItemSizes(True)  # rows of one height (set on the items: no sizeHint in Python)
    tint(bar, Base="sidebar", Window="sidebar")
    return bar


class SidebarFrame(QWidget):
    """The window's central widget: the sidebar (``list``) beside the pages. Its width
    decides whether the sidebar is compact (in "auto")."""

    def __init__(self, pages: QWidget, mode: str = "auto"):
        super().__init__()
        self.list = make_list()
        self.delegate = SidebarDelegate(self.list)
        self.list.setItemDelegate(self.delegate)
        self.pages, self.mode = pages, mode
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.list)
        layout.addWidget(pages, 1)

    @property
    def compact(self) -> bool:
        return self.delegate.compact

    def wide_width(self) -> int:
        from PySide6.QtGui import QFontMetrics

        bold = QFont(self.list.font())
        bold.setBold(True)  # the current section's name is bold
        metrics = QFontMetrics(bold)
        names = [str(self.list.item(i).data(ACCESSIBLE_TEXT_ROLE)) for i in range(self.list.count())]
        longest = max((metrics.horizontalAdvance(n) for n in names), default=10 * tokens.SPACE_1)
        return longest + ICON_BOX + 6 * tokens.SPACE_1

    def compact_width(self) -> int:
        return ICON_BOX + 4 * tokens.SPACE_1

    def set_compact(self, compact: bool) -> None:
        self.delegate.compact = compact
        self.list.setFixedWidth(self.compact_width() if compact else self.wide_width())  # repaints it all

    def set_mode(self, mode: str) -> None:
        self.mode = mode if mode in ("auto", "compact", "wide") else "auto"
        self.fit()

    def fit(self) -> None:
        window = self.window()
        width = window.width() if window is not None else self.width()
        compact = self.mode == "compact" or (self.mode == "auto" and width < COMPACT_BELOW)
        if compact != self.compact or self.list.width() not in (self.compact_width(), self.wide_width()):
            self.set_compact(compact)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit()


def _row_size(bar: QListWidget) -> QSize:
    metrics = bar.fontMetrics()
    return QSize(0, max(ROW_HEIGHT, metrics.height() + 2 * tokens.SPACE_1 + tokens.SPACE_HALF))


def sidebar_of(window: QWidget) -> SidebarFrame | None:
    """The window's sidebar frame (its ``list`` is the sidebar), once installed."""
    return window.findChild(SidebarFrame)


def section_keys(window: MainWindow) -> list[str]:
    """The sections' keys in tab order."""
    return sorted(window.sections, key=lambda k: window.tabs.indexOf(window.sections[k]))


def install_sidebar(window: MainWindow) -> SidebarFrame:
    """Put the sidebar beside the window's pages; the tab bar is hidden, the tabs stay."""
    tabs = window.tabs
    window.takeCentralWidget()  # the tabs stay alive: they move into the frame
    frame = SidebarFrame(tabs, str(window.settings.value(SETTING, "auto")))
    sidebar = frame.list
    row_size = _row_size(sidebar)
    for n, key in enumerate(section_keys(window)):
        title = tabs.tabText(tabs.indexOf(window.sections[key])).replace("&", "")
        item = QListWidgetItem(title)
        item.setData(KEY_ROLE, key)
        item.setData(ACCESSIBLE_TEXT_ROLE, title)
        item.setData(TOOLTIP_ROLE, f"{title} (Alt+{n + 1})" if n < 9 else title)
        item.setSizeHint(row_size)
        sidebar.addItem(item)
    tabs.tabBar().setVisible(False)
    window.setCentralWidget(frame)

    def on_tabs_current_changed(_index: int = -1) -> None:
        key = window.current_section()
        for row in range(sidebar.count()):
            if sidebar.item(row).data(KEY_ROLE) == key and sidebar.currentRow() != row:
                sidebar.blockSignals(True)
                sidebar.setCurrentRow(row)
                sidebar.blockSignals(False)

    def on_sidebar_current_row_changed(row: int) -> None:
        if row >= 0:
            key = str(sidebar.item(row).data(KEY_ROLE))
            if key != window.current_section():
                tabs.setCurrentWidget(window.section(key) or tabs.currentWidget())

    def resize_rows() -> None:
        size = _row_size(sidebar)
        for row in range(sidebar.count()):
            sidebar.item(row).setSizeHint(size)
        frame.set_compact(frame.compact)  # the names' width changed with the font

    def on_window_zoom_changed(_percent: int) -> None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, resize_rows)  # once the list has its new font

    window.zoom_changed.connect(on_window_zoom_changed)
    tabs.currentChanged.connect(on_tabs_current_changed)
    sidebar.currentRowChanged.connect(on_sidebar_current_row_changed)
    sidebar.itemActivated.connect(lambda item: window.show_section(str(item.data(KEY_ROLE))))
    on_tabs_current_changed()
    frame.fit()
    _add_compact_action(window, frame)
    return frame


def _add_compact_action(window: MainWindow, frame: SidebarFrame) -> None:
    """View > Compact sidebar: icons only, or names too; unchecked by hand keeps names."""
    action = QAction("Compact &sidebar", window, checkable=True)
    action.setShortcuts([QKeySequence("Ctrl+Shift+S")])
    action.setStatusTip("Show the sections as icons only, or with their names")
    action.setChecked(frame.compact)

    def on_toggled(on: bool) -> None:
        mode = "compact" if on else "wide"
        window.settings.setValue(SETTING, mode)
        frame.set_mode(mode)

    action.toggled.connect(on_toggled)
    window.view_menu.addAction(action)
    window.addAction(action)
