"""Self-assessments and observer checklists as plain data, and comparing them.

A rating of an item is 0 (not done), 1 (partly), 2 (done well), ``NA`` (not
applicable) or ``None`` (not rated yet). Globals are whole numbers within
the framework's ``min``..``max`` (1 to 5), or ``None``.

Records are dicts (as kept in the RecordStore):

- self-assessment: ``date``, ``items`` {skill id: {rating, note, link}},
  ``globals`` {global id: value}, ``comment``;
- observation: the same plus ``observer``, ``learner``, ``session_id``,
  ``round_id``, per item notes ``said``/``response``/``alternative``, and
  the behaviour ``counts`` and ``events`` of the live counter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date
from typing import Any

from trainer.competencies.model import OBSERVATION, SELF_ASSESSMENT, Framework  # noqa: F401 (re-exported)

NA = "na"
ITEM_VALUES = (0, 1, 2, NA)
SELF_NOTES = ("note", "link")
OBSERVER_NOTES = ("said", "response", "alternative")
OBSERVER_NOTE_LABELS = {
    "said": "What was said",
    "response": "How the person responded",
    "alternative": "An alternative to try",
}


class RatingError(ValueError):
    """Input that cannot be saved; the message is for the person."""


def rating_text(value: Any) -> str:
    if value is None:
        return "not rated"
    if value == NA:
        return "n/a"
    return str(value)


def is_score(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value in (0, 1, 2)


def _clean_date(value: Any) -> str:
    if isinstance(value, Date):
        return value.isoformat()
    text = str(value or "").strip()
    try:
        return Date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        raise RatingError(f"The date '{text}' is not a date like 2026-03-14.") from None


def _clean_rating(framework: Framework, skill_id: str, value: Any) -> Any:
    if value is None or value == "":
        return None
    if isinstance(value, str) and value.lower() in (NA, "n/a", "not applicable"):
        return NA
    if isinstance(value, str) and value.isdigit():
        value = int(value)
    if is_score(value):
        return value
    skill = framework.skill(skill_id)
    name = skill.name if skill is not None else skill_id
    raise RatingError(f"'{name}' has the rating {value!r}; expected 0, 1, 2 or not applicable.")


def clean_record(framework: Framework, data: dict, notes: tuple[str, ...]) -> dict:
    """Check and normalise an assessment or observation before it is stored."""
    out = {k: v for k, v in data.items() if k not in ("items", "globals")}
    out["date"] = _clean_date(data.get("date"))
    items: dict[str, dict] = {}
    for skill_id, item in (data.get("items") or {}).items():
        if framework.skill(skill_id) is None:
            raise RatingError(f"'{skill_id}' is not a skill in the framework.")
        item = item if isinstance(item, dict) else {"rating": item}
        clean = {"rating": _clean_rating(framework, skill_id, item.get("rating"))}
        for key in notes:
            text = str(item.get(key) or "").strip()
            if text:
                clean[key] = text
        items[skill_id] = clean
    out["items"] = items
    globals_: dict[str, int | None] = {}
    for global_id, value in (data.get("globals") or {}).items():
        spec = framework.global_rating(global_id)
        if spec is None:
            raise RatingError(f"'{global_id}' is not a global rating in the framework.")
        if value in (None, "", 0):
            globals_[global_id] = None
            continue
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = None
        if number is None or not spec.min <= number <= spec.max:
            raise RatingError(f"'{spec.name}' is {value!r}; expected a whole number from {spec.min} to {spec.max}.")
        globals_[global_id] = number
    out["globals"] = globals_
    return out


def item_rating(record: dict | None, skill_id: str) -> Any:
    if not record:
        return None
    item = (record.get("items") or {}).get(skill_id) or {}
    return item.get("rating")


def rated_count(record: dict, framework: Framework) -> int:
    return sum(1 for s in framework.skills if item_rating(record, s.id) is not None)


def nice_date(iso: str | None, year: bool = True) -> str:
    """'2026-03-14' -> '14 Mar 2026' (or '14 Mar'); anything else is returned as it is."""
    try:
        day = Date.fromisoformat(str(iso)[:10])
    except ValueError:
        return str(iso or "?")
    months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    return f"{day.day} {months[day.month - 1]}" + (f" {day.year}" if year else "")


def record_title(record: dict) -> str:
    """A short name for a list or a combo box."""
    when = nice_date(record.get("date"))
    if "observer" in record:
        return f"{when} \u2014 {record.get('observer') or 'observer'} observed {record.get('learner') or 'learner'}"
    return f"{when} \u2014 self-assessment"


def sort_key(record: dict) -> tuple:
    return (record.get("date") or "", record.get("created") or "")


# -- comparing two self-assessments ------------------------------------------------
@dataclass(frozen=True)
class Change:
    item_id: str
    name: str
    before: Any
    after: Any
    delta: int | None  # after - before when both are numbers
    text: str  # the change in words (with a symbol), never colour alone
    is_global: bool = False


def _change_text(before: Any, after: Any) -> tuple[int | None, str]:
    if before is None and after is None:
        return None, "not rated"
    if before == after:
        return (0 if isinstance(before, int) else None), "= no change"
    numbers = all(isinstance(v, int) and v != NA for v in (before, after))
    if numbers:
        delta = after - before
        arrow = "\u2191 up" if delta > 0 else "\u2193 down"
        return delta, f"{arrow} {abs(delta)}"
    if before is None:
        return None, "+ newly rated"
    if after is None:
        return None, "\u2212 not rated this time"
    return None, "\u2260 now " + ("not applicable" if after == NA else "rated")


def compare(framework: Framework, earlier: dict, later: dict) -> list[Change]:
    rows = []
    for skill in framework.skills:
        a, b = item_rating(earlier, skill.id), item_rating(later, skill.id)
        delta, text = _change_text(a, b)
        rows.append(Change(skill.id, skill.name, a, b, delta, text))
    for spec in framework.globals:
        a = (earlier.get("globals") or {}).get(spec.id)
        b = (later.get("globals") or {}).get(spec.id)
        delta, text = _change_text(a, b)
        rows.append(Change(spec.id, f"{spec.name} (1\u20135)", a, b, delta, text, True))
    return rows


# -- self next to an observer --------------------------------------------------------
@dataclass(frozen=True)
class Agreement:
    item_id: str
    name: str
    self_rating: Any
    observer_rating: Any
    agrees: bool | None  # None when one side has not rated it
    marker: str  # a symbol that does not rely on colour
    text: str
    notes: dict  # the observer's notes for this item
    is_global: bool = False


def _agreement(mine: Any, theirs: Any) -> tuple[bool | None, str, str]:
    if mine is None or theirs is None:
        who = "you" if theirs is None else "the observer"
        return None, "", f"only {who} rated this" if (mine, theirs) != (None, None) else "not rated"
    if mine == theirs:
        return True, "\u2713", "agree"
    if NA in (mine, theirs):
        who = "you" if mine == NA else "the observer"
        return False, "\u2260", f"differ: {who} marked it not applicable"
    gap = mine - theirs
    who = "you" if gap > 0 else "the observer"
    return False, "\u2260", f"differ: {who} rated it {abs(gap)} higher"


def side_by_side(framework: Framework, self_rec: dict | None, observation: dict | None) -> list[Agreement]:
    rows = []
    for skill in framework.skills:
        mine, theirs = item_rating(self_rec, skill.id), item_rating(observation, skill.id)
        agrees, marker, text = _agreement(mine, theirs)
        notes = dict(((observation or {}).get("items") or {}).get(skill.id) or {})
        notes.pop("rating", None)
        rows.append(Agreement(skill.id, skill.name, mine, theirs, agrees, marker, text, notes))
    for spec in framework.globals:
        mine = ((self_rec or {}).get("globals") or {}).get(spec.id)
        theirs = ((observation or {}).get("globals") or {}).get(spec.id)
        agrees, marker, text = _agreement(mine, theirs)
        rows.append(Agreement(spec.id, f"{spec.name} (1\u20135)", mine, theirs, agrees, marker, text, {}, True))
    return rows
