"""The Skills dashboard as pictures: a row a skill, its name, two dots each for the latest self
and observer ratings (0 to 2 filled; n/a written), and a sparkline of the ratings over time.
Each row's text says the same for a screen reader; the table stays one click away."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPalette, QPen, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate

from trainer.competencies.dashboard import OBSERVER, SELF, SkillSummary
from trainer.competencies.ratings import NA, is_score

SummaryRole = Qt.ItemDataRole.UserRole
NextRole = Qt.ItemDataRole.UserRole + 1  # a skill to work on next
WORDS = {0: "not done", 1: "partly", 2: "done well"}


def rating_words(value) -> str:
    if value is None:
        return "not rated"
    if value == NA:
        return "not applicable"
    return f"{value} {WORDS.get(value, '')}".strip()


def spoken(s: SkillSummary, next_: bool = False) -> str:
    """What the row says to a screen reader (and in its tooltip)."""
    return ("Work on next. " if next_ else "") + (
        f"{s.name}: you {rating_words(s.latest_self)}, observer {rating_words(s.latest_observer)}; "
        f"{s.trend}; {s.evidence} pieces of evidence"
    )


class SkillRowDelegate(QStyledItemDelegate):
    """Paints a skill: bold name and muted group on the left, the dots and the sparkline on the right."""

    def sizeHint(self, option, index) -> QSize:
        line = option.fontMetrics.lineSpacing()
        return QSize(option.rect.width() or 600, int(line * 2.9))

    def paint(self, painter, option, index) -> None:
        s: SkillSummary = index.data(SummaryRole)
        if s is None:
            return super().paint(painter, option, index)
        pal = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = QColor(text)
        muted.setAlphaF(0.7)
        accent = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if selected:
            painter.fillRect(option.rect, pal.color(QPalette.ColorRole.Highlight))
        r = option.rect.adjusted(12, 6, -12, -6)
        fm = option.fontMetrics
        line = fm.lineSpacing()
        right = 3 * line * 4  # the space for dots and sparkline
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text)
        name_rect = QRectF(r.left(), r.top(), r.width() - right - line, line)
        painter.drawText(
            name_rect,
            Qt.AlignmentFlag.AlignLeft,
            fm.elidedText(s.name, Qt.TextElideMode.ElideRight, int(name_rect.width())),
        )
        painter.setFont(option.font)
        painter.setPen(muted)
        sub = f"{s.group} \u00b7 {s.trend}" if s.group else s.trend
        if index.data(NextRole):
            sub = "\u25b6 work on next \u00b7 " + sub
        painter.drawText(
            QRectF(r.left(), r.top() + line, name_rect.width(), line),
            Qt.AlignmentFlag.AlignLeft,
            fm.elidedText(sub, Qt.TextElideMode.ElideRight, int(name_rect.width())),
        )
        x = r.right() - right
        for label, value in (("You", s.latest_self), ("Observer", s.latest_observer)):
            painter.setPen(muted)
            painter.drawText(QRectF(x, r.top(), line * 4, line), Qt.AlignmentFlag.AlignLeft, label)
            self._dots(painter, QPointF(x + line * 0.5, r.top() + line * 1.6), value, line * 0.32, accent, muted, fm)
            x += line * 4
        self._sparkline(painter, QRectF(x, r.top() + 2, line * 3.6, line * 1.9), s, accent, muted)
        painter.restore()

    @staticmethod
    def _dots(painter, centre: QPointF, value, radius: float, accent: QColor, muted: QColor, fm) -> None:
        if value == NA:
            painter.setPen(muted)
            painter.drawText(QRectF(centre.x() - radius, centre.y() - fm.height() / 2, 60, fm.height()), 0, "n/a")
            return
        filled = value if is_score(value) else 0
        for i in range(2):
            painter.setPen(QPen(accent if value is not None else muted, 1.5))
            painter.setBrush(QBrush(accent) if i < filled else QBrush(QColor(0, 0, 0, 0)))
            painter.drawEllipse(QPointF(centre.x() + i * radius * 3, centre.y()), radius, radius)

    @staticmethod
    def _sparkline(painter, box: QRectF, s: SkillSummary, accent: QColor, muted: QColor) -> None:
        points = [p for p in s.series(SELF) if is_score(p.value)] or [
            p for p in s.series(OBSERVER) if is_score(p.value)
        ]
        painter.setPen(QPen(muted, 1))
        painter.drawLine(QPointF(box.left(), box.bottom()), QPointF(box.right(), box.bottom()))
        if not points:
            return
        step = box.width() / max(1, len(points) - 1)
        xy = [QPointF(box.left() + i * step, box.bottom() - p.value / 2 * box.height()) for i, p in enumerate(points)]
        painter.setPen(QPen(accent, 2))
        for a, b in zip(xy, xy[1:]):
            painter.drawLine(a, b)
        painter.setBrush(QBrush(accent))
        painter.drawEllipse(xy[-1], 2.5, 2.5)


class SkillPictures(QListView):
    """The rows; ``set_summaries`` fills them. Its current row follows and leads the table's."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName("Skills as pictures: your latest rating, your observer's and the trend")
        self.source = QStandardItemModel(self)
        self.setModel(self.source)
        self.setItemDelegate(SkillRowDelegate(self))
        self.setUniformItemSizes(True)
        self.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QListView.SelectionMode.SingleSelection)

    def set_summaries(self, summaries: list[SkillSummary], next_ids: set[str] | None = None) -> None:
        self.source.clear()
        for s in summaries:
            marked = s.skill_id in (next_ids or set())
            item = QStandardItem(spoken(s, marked))
            item.setData(s, SummaryRole)
            item.setData(marked, NextRole)
            item.setToolTip(spoken(s, marked))
            item.setAccessibleText(spoken(s, marked))
            self.source.appendRow(item)
