"""The trend chart of one skill over time, drawn with QPainter (as the rows' sparklines are).

Self ratings are a solid line with round markers; observer ratings are triangles on
a dashed line, so the two series differ by shape as well as by colour (the tokens
``accent`` and ``warning``: each meets 3:1 on ``surface``, the chart's background, in
both themes). The y axis reads in words (0 not done, 1 partly, 2 done well), with
light grid lines; the x axis has one label a rated day ("18 Nov"). The legend has a
row of its own above the plot, so it never hides a point. All text takes its size
from the application font: call ``apply_fonts`` after a zoom.

It was a pyqtgraph plot: importing pyqtgraph (and numpy) stalled the window about
0.4 s right after Skills first opened (issue 20), and its colours were not tokens.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetricsF, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QApplication, QWidget

from trainer.competencies.dashboard import OBSERVER, SELF, SkillSummary
from trainer.domain import tokens
from trainer.ui.common.style import token
from trainer.ui.skills.pictures import WORDS

DAY = 86400
LEVELS = (0, 1, 2)
Y_LABELS = tuple(f"{v} {WORDS[v]}" for v in LEVELS)  # "0 not done", "1 partly", "2 done well"
NAMES = {SELF: "Self", OBSERVER: "Observer"}
COLOUR_ROLES = {SELF: "accent", OBSERVER: "warning"}  # tokens; contrast checked in tests/unit/domain
BACKGROUND_ROLE = "surface"
PAD = tokens.SPACE_1  # around the whole chart
GAP = tokens.SPACE_HALF  # between its parts
LINE_WIDTH = tokens.SPACE_HALF / 2
MIN_WIDTH, MIN_HEIGHT = 260, 180  # at 100%; more when the text is larger (see apply_fonts)


def _timestamp(iso: str) -> float:
    return datetime.fromisoformat(iso[:10]).replace(tzinfo=UTC).timestamp()


def _day_label(iso: str) -> str:
    day = datetime.fromisoformat(iso[:10])
    return f"{day.day} {day.strftime('%b')}" + (f" {day.year}" if day.month == 1 else "")


def day_range(days: list[str]) -> tuple[float, float]:
    """The x axis in seconds: the rated days, with room either side (a day at least)."""
    stamps = [_timestamp(d) for d in days]
    if not stamps:
        now = datetime.now(UTC).timestamp()
        return now - 14 * DAY, now
    lo, hi = min(stamps), max(stamps)
    pad = max(DAY, (hi - lo) * 0.08)
    return lo - pad, hi + pad


def scale(value: float, lo: float, hi: float, start: float, end: float) -> float:
    """``value`` between ``lo`` and ``hi`` as a pixel between ``start`` and ``end`` (either way round)."""
    return start + (value - lo) / (hi - lo) * (end - start)


@dataclass(frozen=True)
class Frame:
    """Where the parts of the chart go, for a size and the fonts in use."""

    title: QRectF
    legend: list[tuple[str, QRectF]]  # a source and the box of its sample and name
    plot: QRectF  # the grid's box: "2 done well" ``inset`` below its top, "0 not done" above its bottom
    inset: float
    dates: QRectF  # the row of date labels under the plot

    def y(self, value: float) -> float:
        return scale(value, LEVELS[0], LEVELS[-1], self.plot.bottom() - self.inset, self.plot.top() + self.inset)


class TrendChart(QWidget):
    """The ratings of one skill over time (``show_summary``), and the same in words (``describe``)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Trend chart")
        # A picture, not a control: the table beside it is the keyboard way in, and
        # describe() gives the same data in words.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.series: dict[str, list[tuple[str, int]]] = {SELF: [], OBSERVER: []}
        self.title = ""
        self._empty = False  # a skill with no rating: the plot says so too (the title may be cut short)
        self._range = day_range([])
        self.apply_fonts()
        self.show_summary(None)

    # -- following the theme and the zoom ----------------------------------------------------
    def apply_palette(self) -> None:
        """Follow the theme: the colours are read from the tokens at each paint."""
        self.update()

    def apply_fonts(self) -> None:
        """Text at the application font's size (which follows the zoom); the minimum size grows
        with it, so "2 done well", the legend and the dates always fit."""
        self.text_font = QFont(QApplication.font())
        self._title_font = QFont(self.text_font)
        if self.text_font.pointSizeF() > 0:
            self._title_font.setPointSizeF(tokens.type_size(self.text_font.pointSizeF(), "subtitle"))
        self._title_font.setBold(True)
        body = QFontMetricsF(self.text_font)
        title = QFontMetricsF(self._title_font)
        self.marker_radius = min(max(float(GAP), round(body.height() * 0.33)), float(tokens.SPACE_1))
        self._axis_width = max(body.horizontalAdvance(t) for t in Y_LABELS) + GAP
        legend = max(self._legend_width(s) for s in NAMES)  # a line each, when narrow
        # The title, the legend and the dates a line each, the three levels a line apart.
        rows = title.height() + 2 * body.height() + 2.2 * body.height() + 2 * self._inset() + 2 * PAD + 3 * GAP
        self.setMinimumSize(
            max(MIN_WIDTH, round(2 * PAD + self._axis_width + GAP + legend)),
            max(MIN_HEIGHT, round(rows)),
        )
        self.updateGeometry()
        self.update()

    def _inset(self) -> float:
        return max(self.marker_radius, QFontMetricsF(self.text_font).height() / 2) + GAP

    def _legend_width(self, source: str) -> float:
        body = QFontMetricsF(self.text_font)
        return self._sample_width() + GAP + body.horizontalAdvance(NAMES[source]) + PAD

    def _sample_width(self) -> float:
        return 2 * QFontMetricsF(self.text_font).height()

    def sizeHint(self) -> QSize:
        """As small as it may be: the dashboard's splitter shares the rest out (3 to 2)."""
        return self.minimumSize()

    # -- data ----------------------------------------------------------------------------------
    def show_summary(self, summary: SkillSummary | None) -> None:
        title = summary.name if summary is not None else "Choose a skill"
        self.series = {SELF: [], OBSERVER: []}
        if summary is not None:
            for source in (SELF, OBSERVER):
                self.series[source] = [(p.date, p.value) for p in summary.series(source)]
            if not any(self.series.values()):
                title += " \u2014 no ratings yet"
        self.title = title
        self._empty = summary is not None and not any(self.series.values())
        self._range = day_range(self.days())
        self.setAccessibleDescription(self.describe())
        self.update()

    def days(self) -> list[str]:
        """The rated days, in order: one label each on the x axis."""
        return sorted({d for pts in self.series.values() for d, _ in pts})

    def describe(self) -> str:
        parts = []
        for source, name in NAMES.items():
            pts = self.series[source]
            if pts:
                parts.append(f"{name}: " + ", ".join(f"{d} rated {v}" for d, v in pts))
        return "; ".join(parts) if parts else "No ratings yet."

    # -- geometry ------------------------------------------------------------------------------
    def frame(self) -> Frame:
        """The layout at the widget's size: the title, and the legend beside it if both fit on a
        line (else on lines of their own), the y labels, the plot and the dates under it."""
        body = QFontMetricsF(self.text_font)
        title_h = QFontMetricsF(self._title_font).height()
        title_w = QFontMetricsF(self._title_font).horizontalAdvance(self.title)
        left, right, top = PAD, self.width() - PAD, float(PAD)
        width = right - left
        widths = {s: self._legend_width(s) for s in NAMES}
        legend: list[tuple[str, QRectF]] = []
        if title_w + PAD + sum(widths.values()) <= width:  # beside the title, on the right
            x = right - sum(widths.values())
            for source, w in widths.items():
                legend.append((source, QRectF(x, top, w, title_h)))
                x += w
            below = top + title_h
        else:  # under it, wrapped at the right edge
            x, y = left, top + title_h + GAP
            for source, w in widths.items():
                if x > left and x + w > right:
                    x, y = left, y + body.height()
                legend.append((source, QRectF(x, y, w, body.height())))
                x += w
            below = y + body.height()
        title = QRectF(left, top, width, title_h)
        dates = QRectF(left, self.height() - PAD - body.height(), width, body.height())
        plot_left = left + self._axis_width + GAP
        plot = QRectF(plot_left, below + GAP, right - plot_left, dates.top() - GAP - (below + GAP))
        return Frame(title, legend, plot, self._inset(), dates)

    def point_positions(self, source: str, frame: Frame | None = None) -> list[QPointF]:
        """Where the points of a series are drawn, in the widget's pixels."""
        frame = frame or self.frame()
        lo, hi = self._range
        return [
            QPointF(scale(_timestamp(d), lo, hi, frame.plot.left(), frame.plot.right()), frame.y(v))
            for d, v in self.series[source]
        ]

    def date_labels(self, frame: Frame | None = None) -> list[tuple[str, QRectF]]:
        """Each rated day's label under its point, kept inside the chart; one that would touch the
        label before it is left out (describe() still has every date)."""
        frame = frame or self.frame()
        metrics = QFontMetricsF(self.text_font)
        lo, hi = self._range
        out: list[tuple[str, QRectF]] = []
        for day in self.days():
            text = _day_label(day)
            w = metrics.horizontalAdvance(text)
            centre = scale(_timestamp(day), lo, hi, frame.plot.left(), frame.plot.right())
            x = min(max(centre - w / 2, float(PAD)), self.width() - PAD - w)
            box = QRectF(x, frame.dates.top(), w, frame.dates.height())
            if out and box.left() < out[-1][1].right() + PAD:
                continue
            out.append((text, box))
        return out

    # -- painting ------------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), token(BACKGROUND_ROLE))
        frame = self.frame()
        text, muted = token("text"), token("text_muted")
        plot = frame.plot
        # Title, elided to its line.
        painter.setFont(self._title_font)
        painter.setPen(text)
        title_room = frame.title.width()
        if frame.legend[0][1].top() == frame.title.top():  # the legend beside it
            title_room = frame.legend[0][1].left() - frame.title.left() - PAD
        elided = QFontMetricsF(self._title_font).elidedText(self.title, Qt.TextElideMode.ElideRight, title_room)
        painter.drawText(frame.title, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)
        # Legend.
        painter.setFont(self.text_font)
        for source, box in frame.legend:
            sample = self._sample_width()
            mid = box.center().y()
            self._line(painter, source, [QPointF(box.left(), mid), QPointF(box.left() + sample, mid)])
            self._marker_at(painter, source, QPointF(box.left() + sample / 2, mid))
            painter.setPen(text)
            name_box = QRectF(box.left() + sample + GAP, box.top(), box.width() - sample - GAP, box.height())
            painter.drawText(name_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, NAMES[source])
        # Grid and y labels.
        line_h = QFontMetricsF(self.text_font).height()
        for value, label in zip(LEVELS, Y_LABELS):
            y = frame.y(value)
            painter.setPen(QPen(token("divider"), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(muted)
            box = QRectF(PAD, y - line_h / 2, self._axis_width - GAP, line_h)
            painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
        # Axes, ticks and dates.
        painter.setPen(QPen(token("border"), 1))
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        lo, hi = self._range
        for day in self.days():
            x = scale(_timestamp(day), lo, hi, plot.left(), plot.right())
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + GAP))
        painter.setPen(muted)
        for label, box in self.date_labels(frame):
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
        if self._empty:  # over the grid, on the background
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            note = painter.boundingRect(plot, flags, "No ratings yet").adjusted(-GAP, 0, GAP, 0)
            painter.fillRect(note, token(BACKGROUND_ROLE))
            painter.drawText(plot, flags, "No ratings yet")
        # The series: lines first, then the markers over them.
        for source in NAMES:
            points = self.point_positions(source, frame)
            self._line(painter, source, points)
            for point in points:
                self._marker_at(painter, source, point)
        painter.end()

    def _line(self, painter: QPainter, source: str, points: list[QPointF]) -> None:
        pen = QPen(token(COLOUR_ROLES[source]), LINE_WIDTH)
        pen.setStyle(Qt.PenStyle.SolidLine if source == SELF else Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolyline(QPolygonF(points))

    def _marker_at(self, painter: QPainter, source: str, centre: QPointF) -> None:
        """A filled circle (self) or triangle (observer), ringed in the background colour so
        two markers on one day stay apart."""
        colour = token(COLOUR_ROLES[source])
        painter.setPen(QPen(token(BACKGROUND_ROLE), 1))
        painter.setBrush(QBrush(colour))
        r = self.marker_radius
        if source == SELF:
            painter.drawEllipse(centre, r, r)
            return
        t = r * 1.35
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(centre.x(), centre.y() - t),
                    QPointF(centre.x() + t * 0.87, centre.y() + t / 2),
                    QPointF(centre.x() - t * 0.87, centre.y() + t / 2),
                ]
            )
        )
