"""Qt models for the Skills section.

``RatingItemsModel`` is the editable draft of a checklist (one row per
skill). ``RowsModel`` is a small read-only table used for comparisons and
the dashboard; rows flagged as "marked" get a background tint, but the
meaning is always also in the text (a symbol and words).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from trainer.competencies.model import Framework
from trainer.competencies.ratings import NA
from trainer.ui.common.style import token

ItemIdRole = Qt.ItemDataRole.UserRole + 1
RatingRole = Qt.ItemDataRole.UserRole + 2
MarkedRole = Qt.ItemDataRole.UserRole + 3

SKILL, RATING, NOTES = 0, 1, 2
_Index = QModelIndex | QPersistentModelIndex


def rating_words(framework: Framework, value: Any) -> str:
    if value is None:
        return "\u2014 not rated"
    if value == NA:
        return "N/A \u00b7 " + framework.scale_label(None).lower()
    return f"{value} \u00b7 {framework.scale_label(value).lower()}"


class RatingItemsModel(QAbstractTableModel):
    """Draft ratings and notes for every skill; ``items()`` gives what the service stores."""

    HEADERS = ("Skill", "Rating", "Notes")

    def __init__(self, framework: Framework, note_keys: tuple[str, ...], parent=None):
        super().__init__(parent)
        self.framework = framework
        self.note_keys = note_keys
        self._skills = list(framework.skills)
        self._items: dict[str, dict] = {}

    # -- Qt API ----------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._skills)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
                return self.HEADERS[section]
            if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._skills):
                return str(section + 1)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._skills)):
            return None
        skill = self._skills[index.row()]
        item = self._items.get(skill.id, {})
        rating = item.get("rating")
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == SKILL:
                return skill.name
            if col == RATING:
                return rating_words(self.framework, rating)
            if col == NOTES:
                return "\u270e yes" if self.has_notes(index.row()) else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{skill.name}\nDone well: {skill.done_well}"
            return tip + (f"\nFor example: {skill.example}" if skill.example else "")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            notes = ", has notes" if self.has_notes(index.row()) else ""
            return f"{skill.name}: {rating_words(self.framework, rating)}{notes}"
        if role == Qt.ItemDataRole.FontRole and col == RATING and rating is None:
            font = QFont()
            font.setItalic(True)
            return font
        if role == ItemIdRole:
            return skill.id
        if role == RatingRole:
            return rating
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != RatingRole or not index.isValid() or not (0 <= index.row() < len(self._skills)):
            return False
        return self.set_rating(index.row(), value)

    def flags(self, index: _Index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- the draft -------------------------------------------------------------------
    def skill_id(self, row: int) -> str | None:
        return self._skills[row].id if 0 <= row < len(self._skills) else None

    def skill_at(self, row: int):
        return self._skills[row] if 0 <= row < len(self._skills) else None

    def rating(self, row: int) -> Any:
        return self._items.get(self.skill_id(row) or "", {}).get("rating")

    def set_rating(self, row: int, value: Any) -> bool:
        if value not in (0, 1, 2, NA, None) or isinstance(value, bool):
            return False
        skill_id = self.skill_id(row)
        if skill_id is None:
            return False
        self._items.setdefault(skill_id, {})["rating"] = value
        self._row_changed(row)
        return True

    def note(self, row: int, key: str) -> str:
        return str(self._items.get(self.skill_id(row) or "", {}).get(key) or "")

    def set_note(self, row: int, key: str, text: str) -> None:
        skill_id = self.skill_id(row)
        if skill_id is None or key not in self.note_keys or self.note(row, key) == text:
            return
        self._items.setdefault(skill_id, {})[key] = text
        self._row_changed(row)

    def has_notes(self, row: int) -> bool:
        return any(self.note(row, key).strip() for key in self.note_keys)

    def rated_count(self) -> int:
        return sum(1 for r in range(len(self._skills)) if self.rating(r) is not None)

    def items(self) -> dict[str, dict]:
        out = {}
        for skill in self._skills:
            item = self._items.get(skill.id)
            if item and (item.get("rating") is not None or any(str(item.get(k) or "").strip() for k in self.note_keys)):
                out[skill.id] = {k: v for k, v in item.items() if v not in ("", None) or k == "rating"}
        return out

    def load(self, items: dict | None) -> None:
        self.beginResetModel()
        self._items = {k: dict(v) for k, v in (items or {}).items() if isinstance(v, dict)}
        self.endResetModel()

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))


class RowsModel(QAbstractTableModel):
    """A read-only table of text rows; ``marked`` rows are tinted and bold."""

    def __init__(self, headers: tuple[str, ...], parent=None, header_tips: tuple[str, ...] = ()):
        super().__init__(parent)
        self.headers = headers
        self.header_tips = header_tips
        self._rows: list[tuple[str, ...]] = []
        self._tips: list[str] = []
        self._marked: list[bool] = []
        self._ids: list[str] = []

    def set_rows(
        self,
        rows: list[tuple],
        ids: list[str] | None = None,
        tips: list[str] | None = None,
        marked: list[bool] | None = None,
    ) -> None:
        self.beginResetModel()
        self._rows = [tuple("" if v is None else str(v) for v in row) for row in rows]
        n = len(self._rows)
        self._ids = list(ids or [""] * n)
        self._tips = list(tips or [""] * n)
        self._marked = list(marked or [False] * n)
        self.endResetModel()

    def row_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def cell(self, row: int, col: int) -> str:
        return self._rows[row][col]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section < len(self.header_tips):
            return self.header_tips[section] or None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row, col = index.row(), index.column()
        if not 0 <= col < len(self.headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[row][col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tips[row] or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.headers[col]}: {self._rows[row][col] or 'none'}"
        if role == Qt.ItemDataRole.BackgroundRole and self._marked[row]:
            return QBrush(token("chip_warning"))  # a skill to work on next
        if role == Qt.ItemDataRole.FontRole and self._marked[row]:
            font = QFont()
            font.setBold(True)
            return font
        if role == ItemIdRole:
            return self._ids[row]
        if role == MarkedRole:
            return self._marked[row]
        return None

    def flags(self, index: _Index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
