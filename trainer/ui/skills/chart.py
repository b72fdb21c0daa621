"""The trend chart of one skill over time (pyqtgraph).

Self ratings are a solid line with round markers; observer ratings are
triangles on a dashed line, so the two series differ by shape as well as
by colour. The y axis reads in words (0 not done, 1 partly, 2 done well).
All its text takes its size from the application font: call ``apply_fonts`` after a zoom.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pyqtgraph as pg

# PySide6 first: pyqtgraph uses whichever Qt binding is already imported.
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication

from trainer.competencies.dashboard import OBSERVER, SELF, SkillSummary
from trainer.ui.common.application import qapp, qapp_or_none

SELF_COLOUR = (31, 119, 180)
OBSERVER_COLOUR = (214, 95, 0)
DAY = 86400


def _timestamp(iso: str) -> float:
    return datetime.fromisoformat(iso[:10]).replace(tzinfo=UTC).timestamp()


def _day_label(iso: str) -> str:
    day = datetime.fromisoformat(iso[:10])
    return f"{day.day} {day.strftime('%b')}" + (f" {day.year}" if day.month == 1 else "")


class TrendChart(pg.PlotWidget):
    def __init__(self, parent=None) -> None:
        palette = qapp().palette() if QApplication.instance() else QPalette()
        super().__init__(
            parent,
            background=palette.color(QPalette.ColorRole.Base),
            axisItems={"bottom": pg.AxisItem(orientation="bottom")},
        )
        self.setAccessibleName("Trend chart")
        # A picture, not a control: the table beside it is the keyboard way in, and
        # describe() gives the same data in words.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumSize(260, 180)
        item = self.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        self.setMouseEnabled(x=False, y=False)
        item.getAxis("left").setTicks([[(0, "0 not done"), (1, "1 partly"), (2, "2 done well")]])
        item.showGrid(x=False, y=True, alpha=0.25)
        # Across the top, in the head room above "2 done well", so it never hides a point.
        self.legend = item.addLegend(offset=(-10, 2), colCount=2)
        self.series: dict[str, list[tuple[str, int]]] = {SELF: [], OBSERVER: []}
        self.curves = {}
        for source, name, colour, symbol, style in (
            (SELF, "Self", SELF_COLOUR, "o", Qt.PenStyle.SolidLine),
            (OBSERVER, "Observer", OBSERVER_COLOUR, "t", Qt.PenStyle.DashLine),
        ):
            self.curves[source] = item.plot(
                [],
                [],
                name=name,
                pen=pg.mkPen(colour, width=2, style=style),
                symbol=symbol,
                symbolSize=11,
                symbolBrush=pg.mkBrush(*colour),
                symbolPen=pg.mkPen(colour),
            )
        self._title = ""
        self.apply_palette()
        self.apply_fonts()
        self.show_summary(None)

    def apply_palette(self) -> None:
        """Follow the application palette (light or dark theme)."""
        app = qapp_or_none()
        palette = app.palette() if app is not None else QPalette()
        self._foreground = palette.color(QPalette.ColorRole.Text)
        self.setBackground(palette.color(QPalette.ColorRole.Base))
        item = self.getPlotItem()
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(self._foreground))
            axis.setTextPen(pg.mkPen(self._foreground))
        self.legend.setLabelTextColor(self._foreground)
        for _sample, label in self.legend.items:
            label.setText(label.text)  # pyqtgraph only re-renders a label's colour on setText

    def apply_fonts(self) -> None:
        """Axis, title and legend text at the application font's size (which follows the zoom).
        The left axis is made wide enough for "2 done well": pyqtgraph drops a tick label
        that does not fit."""
        font = QApplication.font()
        metrics = QFontMetrics(font)
        item = self.getPlotItem()
        for name in ("left", "bottom"):
            item.getAxis(name).setTickFont(font)
        item.getAxis("left").setWidth(metrics.horizontalAdvance("2 done well") + 18)
        item.getAxis("bottom").setHeight(metrics.height() + 14)
        self._text_px = max(8, metrics.height() - metrics.descent())
        self.legend.setLabelTextSize(f"{self._text_px}px")
        for _sample, label in self.legend.items:
            label.setText(label.text)
        if self._title:
            self._set_title(self._title)

    def _set_title(self, title: str) -> None:
        self._title = title
        self.getPlotItem().setTitle(title, color=self._foreground, size=f"{round(self._text_px * 1.1)}px")

    def show_summary(self, summary: SkillSummary | None) -> None:
        item = self.getPlotItem()
        title = summary.name if summary is not None else "Choose a skill"
        self.series = {SELF: [], OBSERVER: []}
        if summary is not None:
            for source in (SELF, OBSERVER):
                self.series[source] = [(p.date, p.value) for p in summary.series(source)]
            if not any(self.series.values()):
                title += " \u2014 no ratings yet"
        self._set_title(title)
        # The two curves are made once and only given new data: removing and
        # re-adding plot items crashed PySide6 6.12 at interpreter exit.
        for source, curve in self.curves.items():
            pts = self.series[source]
            curve.setData([_timestamp(d) for d, _ in pts], [v for _, v in pts])
        # One labelled tick per rated day ("18 Nov"), clearer than automatic date ticks.
        days = sorted({d for pts in self.series.values() for d, _ in pts})
        item.getAxis("bottom").setTicks([[(_timestamp(d), _day_label(d)) for d in days]])
        stamps = [_timestamp(d) for d in days]
        if stamps:
            lo, hi = min(stamps), max(stamps)
            pad = max(DAY, (hi - lo) * 0.08)
            item.setXRange(lo - pad, hi + pad, padding=0)
        else:
            now = datetime.now(UTC).timestamp()
            item.setXRange(now - 14 * DAY, now, padding=0)
        item.setYRange(-0.25, 2.7, padding=0)
        self.setAccessibleDescription(self.describe())

    def describe(self) -> str:
        parts = []
        for source, name in ((SELF, "Self"), (OBSERVER, "Observer")):
            pts = self.series[source]
            if pts:
                parts.append(f"{name}: " + ", ".join(f"{d} rated {v}" for d, v in pts))
        return "; ".join(parts) if parts else "No ratings yet."
