"""Checking records at open without slowing start-up.

The schemas are the pydantic models in ``schemas.py``; loading pydantic and
building them costs about a third of a second, more than the whole start-up.
So a record is first given a quick look here, in plain Python: one that
clearly fits its kind (nearly every one) passes at once; anything else goes to
the pydantic model, which has the last word. A property test checks that
the quick look never lets through what the model refuses.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from trainer.records.safe_json import depth_within

MAX_DEPTH = 32  # lists and objects in a record: the app's own nest 4 deep at most


def _text(v: Any) -> bool:
    return isinstance(v, str)


def _id(v: Any) -> bool:
    return isinstance(v, str) and bool(v)


def _when(v: Any) -> bool:
    if not isinstance(v, str):
        return False
    try:
        datetime.fromisoformat(v)
    except ValueError:
        return False
    return True


def _day(v: Any) -> bool:
    if not isinstance(v, str):
        return False
    try:
        date.fromisoformat(v[:10])
    except ValueError:
        return False
    return True


def _bool(v: Any) -> bool:
    return type(v) is bool


def _int(v: Any) -> bool:
    return type(v) is int


def _position(v: Any) -> bool:
    return type(v) in (int, float) and math.isfinite(v) and 0 <= v <= 1


def _between(low: float, high: float) -> Callable[[Any], bool]:
    return lambda v: type(v) in (int, float) and math.isfinite(v) and low <= v <= high


def _rating(v: Any) -> bool:
    return type(v) is int and 1 <= v <= 4


def _seconds(v: Any) -> bool:
    return type(v) in (int, float) and math.isfinite(v) and v >= 0


def _or_none(check: Callable[[Any], bool]) -> Callable[[Any], bool]:
    return lambda v: v is None or check(v)


def _dict_of(check: Callable[[Any], bool]) -> Callable[[Any], bool]:
    return lambda v: isinstance(v, dict) and all(isinstance(k, str) and check(x) for k, x in v.items())


def _list_of(check: Callable[[Any], bool]) -> Callable[[Any], bool]:
    return lambda v: isinstance(v, list) and all(check(x) for x in v)


def _any(_v: Any) -> bool:
    return True


_COMMON = {"uid": _id, "created": _or_none(_when), "updated": _or_none(_when), "profile": _or_none(_text)}
_RATED = {
    "date": _or_none(_day),
    "items": _dict_of(_dict_of(_any)),
    "globals": _dict_of(_or_none(_int)),
    "counts": _dict_of(_int),
}
# Per kind: the fields the model knows (a required one is marked by being in REQUIRED).
FIELDS: dict[str, dict[str, Callable[[Any], bool]]] = {
    "reflection": {
        "date": _or_none(_day),
        "title": _text,
        "template": _text,
        "status": _text,
        "tags": _list_of(_text),
        "sections": _dict_of(_or_none(_text)),
        "ticks": _dict_of(_any),
        "link": _or_none(_dict_of(_any)),
        "finished_at": _or_none(_when),
        "binned_at": _or_none(_when),
    },
    "progress": {"module": _id, "done": _bool, "done_at": _or_none(_when), "position": _position},
    "profile_state": {"last_module": _or_none(_text)},
    "profiles": {"name": _text},
    "goal": {
        "goal": _text,
        "importance": _or_none(_int),
        "confidence": _or_none(_int),
        "plan": _dict_of(_text),
        "every_days": _int,
        "next_checkin": _or_none(_day),
        "status": _text,
    },
    "goal_checkin": {
        "goal": _or_none(_id),
        "date": _or_none(_day),
        "progress": _text,
        "note": _text,
        "confidence": _or_none(_int),
    },
    "bookmark": {"module": _id, "anchor": _text, "heading": _text, "text": _text, "note": _text},
    "self_assessment": _RATED,
    "observation": _RATED,
    "review_card": {"card": _id, "module": _id, "question": _id, "fsrs": _dict_of(_any), "due": _when},
    "review_log": {
        "card": _id,
        "module": _text,
        "question": _text,
        "kind": _text,
        "rating": _rating,
        "reviewed_at": _when,
        "answer": _text,
        "correct": _or_none(_bool),
        "seconds": _seconds,
        "next_due": _or_none(_when),
    },
}
REQUIRED = {
    "progress": ("module",),
    "bookmark": ("module",),
    "review_card": ("card", "module", "question", "due"),
    "review_log": ("card", "rating", "reviewed_at"),
    "coding_practice": ("scenario",),
}
FIELDS["coding_practice"] = {
    "scenario": _id,
    "scenario_title": _text,
    "date": _or_none(_day),
    "codes": _list_of(_text),
    "expert": _list_of(_text),
    "items": _int,
    "agreement": _or_none(_between(0, 1)),
    "kappa": _or_none(_between(-1, 1)),
    "per_code": _dict_of(_dict_of(_int)),
    "session": _text,
    "observer": _text,
    "observer_name": _text,
}


def _count(v: Any) -> bool:
    return type(v) is int and v >= 0


def _step_part(v: Any) -> bool:
    return isinstance(v, str) or _count(v)


REQUIRED["consultation_attempt"] = ("consultation",)
FIELDS["consultation_attempt"] = {  # a branching consultation held (issue 22)
    "consultation": _id,
    "consultation_title": _text,
    "profession": _text,
    "date": _or_none(_day),
    "path": _list_of(_dict_of(_step_part)),
    "counts": _dict_of(_count),
    "figures": _dict_of(_or_none(_seconds)),
    "levels": _dict_of(_or_none(_text)),
    "expert_matches": _count,
    "decisions": _count,
    "end": _text,
    "seconds": _seconds,
    "skills": _list_of(_text),
    "finished_at": _or_none(_when),
}


def clearly_usable(kind: str, record: Any) -> bool:
    """True when ``record`` plainly fits ``kind``; False means "ask the model"."""
    if not isinstance(record, dict) or "uid" not in record or not depth_within(record, MAX_DEPTH):
        return False
    if any(name not in record for name in REQUIRED.get(kind, ())):
        return False
    for fields in (_COMMON, FIELDS.get(kind, {})):
        for name, check in fields.items():
            if name in record and not check(record[name]):
                return False
    return True


def problem(kind: str, record: Any) -> str | None:
    """None when the record is usable, else why not (see ``schemas.problem``)."""
    if clearly_usable(kind, record):
        return None
    from trainer.records.schemas import problem as model_problem

    return model_problem(kind, record)
