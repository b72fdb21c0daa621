"""The trend chart, drawn with QPainter: where its points go, what it paints in either theme,
what it says in words, and that it fits when narrow and zoomed (issue 20)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF

from tests.probe import run_python
from trainer.competencies.dashboard import OBSERVER, SELF, Point, SkillSummary
from trainer.domain import tokens
from trainer.domain.contrast import contrast_ratio
from trainer.ui.common.appearance import apply_theme
from trainer.ui.skills.chart import (
    COLOUR_ROLES,
    DAY,
    Y_LABELS,
    TrendChart,
    _day_label,
    _timestamp,
    day_range,
    scale,
)

SELF_POINTS = [("2026-03-01", 0), ("2026-03-08", 1), ("2026-03-15", 2)]
OBSERVER_POINTS = [("2026-03-04", 2), ("2026-03-11", 0)]


def summary(self_points=SELF_POINTS, observer_points=OBSERVER_POINTS) -> SkillSummary:
    history = [Point(d, SELF, v) for d, v in self_points] + [Point(d, OBSERVER, v) for d, v in observer_points]
    return SkillSummary("s1", "Sets the agenda together", "Structuring", history=history)


@pytest.fixture
def themed(qapp):
    apply_theme(qapp, "light")
    yield qapp
    apply_theme(qapp, "light")


@pytest.fixture
def chart(qtbot, themed):
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.resize(640, 320)
    chart.show_summary(summary())
    return chart


def near(a: QColor, b: QColor, tolerance: int = 8) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3]))


def test_a_value_maps_linearly_to_a_pixel_either_way_round():
    assert scale(0, 0, 2, 100, 20) == 100  # 0 at the bottom of the plot
    assert scale(2, 0, 2, 100, 20) == 20  # 2 at its top
    assert scale(1, 0, 2, 100, 20) == 60
    assert scale(15, 10, 20, 0, 200) == 100


def test_the_x_axis_spans_the_rated_days_with_room_either_side():
    one = _timestamp("2026-03-01")
    assert day_range(["2026-03-01"]) == (one - DAY, one + DAY)  # a day at least
    lo, hi = day_range(["2026-03-01", "2026-06-09"])  # 100 days: 8% either side
    assert (lo, hi) == (one - 8 * DAY, _timestamp("2026-06-09") + 8 * DAY)


def test_dates_read_like_a_day_and_month_with_the_year_in_january():
    assert _day_label("2026-11-18T10:00:00+00:00") == "18 Nov"
    assert _day_label("2027-01-03") == "3 Jan 2027"


def test_each_series_has_a_point_a_rating_where_its_date_and_value_say(chart):
    frame = chart.frame()
    lo, hi = day_range([d for d, _ in SELF_POINTS + OBSERVER_POINTS])
    for source, points in ((SELF, SELF_POINTS), (OBSERVER, OBSERVER_POINTS)):
        drawn = chart.point_positions(source)
        assert len(drawn) == len(points)
        for p, (day, value) in zip(drawn, points):
            assert p.x() == pytest.approx(scale(_timestamp(day), lo, hi, frame.plot.left(), frame.plot.right()))
            assert p.y() == pytest.approx(
                scale(value, 0, 2, frame.plot.bottom() - frame.inset, frame.plot.top() + frame.inset)
            )
    ys = {v: p.y() for p, (_, v) in zip(chart.point_positions(SELF), SELF_POINTS)}
    assert ys[2] < ys[1] < ys[0]  # "done well" at the top
    assert all(frame.plot.contains(p) for s in (SELF, OBSERVER) for p in chart.point_positions(s))


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_it_paints_its_points_in_token_colours_on_the_surface(chart, themed, theme):
    apply_theme(themed, theme)
    chart.apply_palette()
    image = chart.grab().toImage()
    background = QColor(tokens.colour(theme, "surface"))
    assert near(image.pixelColor(1, chart.height() - 2), background)
    for source, role in COLOUR_ROLES.items():
        colour = QColor(tokens.colour(theme, role))
        for p in chart.point_positions(source):
            assert near(image.pixelColor(int(p.x()), int(p.y())), colour), (theme, source, p)
    # Not only the points: text, grid and axes are drawn too.
    others = {
        image.pixelColor(x, y).rgb()
        for x in range(0, chart.width(), 3)
        for y in range(0, chart.height(), 3)
        if not near(image.pixelColor(x, y), background)
    }
    assert len(others) > 20


def test_the_two_series_differ_in_colour_and_each_reads_on_the_background():
    for theme in ("light", "dark"):
        c = tokens.colours(theme)
        self_colour, observer_colour = (c[COLOUR_ROLES[s]] for s in (SELF, OBSERVER))
        assert self_colour != observer_colour
        assert contrast_ratio(self_colour, c["surface"]) >= 3 and contrast_ratio(observer_colour, c["surface"]) >= 3


def test_self_is_a_round_marker_and_observer_a_triangle(chart):
    """Shape as well as colour: from its centre, a circle reaches as far up as down; a triangle,
    point up, about twice as far up."""
    image = chart.grab().toImage()
    r = chart.marker_radius

    def reach(p, step: int, colour: QColor) -> int:
        n = 0
        while n < 3 * r and near(image.pixelColor(int(p.x()), int(p.y()) + step * (n + 1)), colour, 40):
            n += 1
        return n

    for source in (SELF, OBSERVER):
        colour = QColor(tokens.colour("light", COLOUR_ROLES[source]))
        p = chart.point_positions(source)[-1]
        up, down = reach(p, -1, colour), reach(p, 1, colour)
        if source == SELF:
            assert abs(up - down) <= 1 and up >= r - 2, (up, down)
        else:
            assert up - down >= r / 2, (up, down)


def test_it_says_the_same_in_words_and_is_a_picture_not_a_control(chart):
    text = (
        "Self: 2026-03-01 rated 0, 2026-03-08 rated 1, 2026-03-15 rated 2; "
        "Observer: 2026-03-04 rated 2, 2026-03-11 rated 0"
    )
    assert chart.describe() == text
    assert chart.accessibleDescription() == text
    assert chart.accessibleName() == "Trend chart"
    assert chart.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert chart.title == "Sets the agenda together"
    assert [label for label, _ in chart.date_labels()] == ["1 Mar", "4 Mar", "8 Mar", "11 Mar", "15 Mar"]


def test_without_ratings_it_says_so_and_draws_no_point(chart):
    chart.show_summary(summary([], []))
    assert chart.title == "Sets the agenda together \u2014 no ratings yet"
    assert chart.describe() == "No ratings yet."
    assert chart.point_positions(SELF) == chart.point_positions(OBSERVER) == [] and chart.date_labels() == []
    background = QColor(tokens.colour("light", "surface"))

    def words_in_the_plot() -> int:  # "No ratings yet" there too: the title may be cut short
        image, plot = chart.grab().toImage(), chart.frame().plot.adjusted(2, 2, -2, -2)
        return sum(
            not near(image.pixelColor(x, int(plot.center().y()) + 3), background)  # off the "1 partly" line
            for x in range(int(plot.left()), int(plot.right()))
        )

    assert words_in_the_plot() > 10
    chart.show_summary(None)
    assert chart.title == "Choose a skill"
    assert words_in_the_plot() == 0


def test_narrow_and_zoomed_nothing_is_clipped_and_the_legend_hides_no_point(chart, themed):
    font = QFont(themed.font())
    font.setPointSizeF(font.pointSizeF() * 1.75)
    themed.setFont(font)  # the conftest puts the application font back
    before = chart.minimumSize()
    chart.apply_fonts()
    assert chart.text_font.pointSizeF() == font.pointSizeF()
    assert chart.minimumWidth() >= before.width() and chart.minimumHeight() >= before.height()
    metrics = QFontMetricsF(font)
    for width in (chart.minimumWidth(), 420):
        chart.resize(width, chart.minimumHeight())
        frame = chart.frame()
        inside = QRectF(chart.rect())
        assert frame.plot.left() - frame.title.left() >= max(metrics.horizontalAdvance(t) for t in Y_LABELS)
        boxes = [box for _, box in frame.legend] + [box for _, box in chart.date_labels(frame)]
        assert all(inside.contains(box) for box in [frame.title, *boxes]), width
        assert chart.date_labels(frame), width
        points = [p for s in (SELF, OBSERVER) for p in chart.point_positions(s, frame)]
        for _, box in frame.legend:
            assert not box.intersects(frame.plot)
            assert not any(box.contains(p) for p in points)
        # The three levels at least a line apart, so "0 not done", "1 partly", "2 done well" never overlap.
        assert frame.y(0) - frame.y(1) >= metrics.height() - 1


def test_opening_skills_with_ratings_loads_no_plotting_library(tmp_path, sample_course):
    """pyqtgraph (and numpy) took about 0.4 s to import once the dashboard was painted."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from trainer.app import build, ensure_app\n"
        "from trainer.tools.demo_ratings import add_demo_ratings\n"
        "app = ensure_app(['trainer'])\n"
        f"parts = build(Path({str(sample_course)!r}), Path({str(tmp_path / 'data')!r}))\n"
        "parts.window.start(); parts.window.show()\n"
        "view = parts.window.section('skills')\n"
        "add_demo_ratings(parts.store, parts.profile_id, view.controller.framework, parts.store.now)\n"
        "view.reload_all()\n"
        "parts.window.show_section('skills')\n"
        "for _ in range(20): app.processEvents()\n"
        "chart = view.dashboard.chart\n"
        "print(chart.isVisible(), len(chart.point_positions('self')) > 0,\n"
        "      sorted(m for m in ('pyqtgraph', 'numpy') if m in sys.modules))\n"
        "parts.store.close()\n"
    )
    result = run_python(script)
    assert result.stdout.strip().splitlines()[-1:] == ["True True []"], result.stderr
