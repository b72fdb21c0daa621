"""What a record of each kind must look like for the app to use it (pydantic v2).

Checked when records come in from outside (``restore``, ``import-bundle``)
and when a data folder is opened, so that a record the app cannot show
(a reflection dated ``123``, progress on the module ``["x"]``, a position of
NaN) goes to the quarantine (``quarantine.py``), never into the store.

The models check only what the app relies on: types of known fields, dates
that parse, numbers that are finite. Unknown fields are kept as they are, and
a kind with no model of its own is checked as a plain record.

The models themselves are in ``record_models.py``, loaded at the first check:
callers import this module at their top, and pay for pydantic only when a record
is checked.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from trainer.records.record_models import Record


@cache
def _model(kind: str) -> type[Record]:
    from trainer.records import record_models  # lazy: pydantic and the models (~100 ms), at the first check

    model = record_models.MODELS.get(kind, record_models.Record)
    model.model_rebuild()
    return model


def problem(kind: str, record: Any) -> str | None:
    """None when ``record`` is a usable ``kind`` record, else one plain line saying why not."""
    if not isinstance(record, dict):
        return "it is not a record (a set of named fields)"
    try:
        _model(kind).model_validate(record)
    except RecursionError:
        return "it is nested too deeply"
    except ValueError as exc:  # pydantic's ValidationError is a ValueError
        errors = getattr(exc, "errors", None)
        if errors is None:
            raise
        err = errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "record"
        return f"field '{where}': {err['msg']}"
    return None


def split_valid(kind: str, records: list) -> tuple[list[dict], list[tuple[Any, str]]]:
    """(the usable records, [(record, why not)...])."""
    good: list[dict] = []
    bad: list[tuple[Any, str]] = []
    for rec in records:
        why = problem(kind, rec)
        if why is None:
            good.append(rec)
        else:
            bad.append((rec, why))
    return good, bad
