"""Tab titles that fit: short ones when the full ones would not.

A QTabWidget whose tabs are wider than the window scrolls its tab bar and cuts
the last title ("Compare over…" at 175% in 800x600). ``fit_tab_titles`` keeps
a short title beside each full one and shows the short ones whenever the full
ones would not fit, the full ones again when they do; the full title is always
the tab's tooltip, and screen readers read the title shown.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTabWidget

_WATCHED = (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.Show)


class TabTitles(QObject):
    """Chooses full or short titles for ``tabs`` (see the module's note)."""

    def __init__(self, tabs: QTabWidget, titles: list[tuple[str, str]]):
        super().__init__(tabs)
        self.tabs, self.titles = tabs, titles  # (full, short) for each tab, in order
        tabs.installEventFilter(self)
        self.fit()

    def eventFilter(self, watched, event) -> bool:
        if event.type() in _WATCHED:
            self.fit()
        return False

    def full_width(self) -> int:
        """How wide the tab bar would be with every full title."""
        bar = self.tabs.tabBar()
        metrics = bar.fontMetrics()
        total = 0
        for index, (full, _short) in enumerate(self.titles[: bar.count()]):
            shown = bar.tabText(index)
            padding = bar.tabSizeHint(index).width() - metrics.horizontalAdvance(shown.replace("&", ""))
            total += padding + metrics.horizontalAdvance(full.replace("&", ""))
        return total

    def fit(self) -> None:
        """Show the full titles if they fit the tab widget's width, else the short ones."""
        bar = self.tabs.tabBar()
        short = self.full_width() > self.tabs.width()
        for index, (full, brief) in enumerate(self.titles[: bar.count()]):
            wanted = brief if short else full
            if bar.tabText(index) != wanted:
                bar.setTabText(index, wanted)
            bar.setTabToolTip(index, full.replace("&", ""))

    def uses_short_titles(self) -> bool:
        return any(
            self.tabs.tabText(i) != full and self.tabs.tabText(i) == short
            for i, (full, short) in enumerate(self.titles[: self.tabs.count()])
        )


def fit_tab_titles(tabs: QTabWidget, titles: list[tuple[str, str]]) -> TabTitles:
    """Keep ``tabs``' titles fitting; ``titles`` are (full, short) pairs in tab order.
    Call ``fit()`` on the result after replacing a tab."""
    return TabTitles(tabs, titles)
