"""Whatever an attendance file holds, reading it gives an Attendance or one plain line, and
importing it adds a record the store's schema accepts, or nothing."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trainer.records.schemas import problem
from trainer.records.store import memory_store
from trainer.services.attendance import AttendanceService
from trainer.sessions.attendance import KIND, AttendanceError, read_attendance

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
FIELD = JSON | st.integers(min_value=-5, max_value=2000) | st.sampled_from(["2026-11-20", "2026-02-30", "", "x"])
FILE = st.fixed_dictionaries(
    {
        "format": st.sampled_from(["practitioner-trainer/attendance", "other"]),
        "version": st.sampled_from([1, 2, 0, "1", True]),
        "session": st.fixed_dictionaries(
            {"uid": st.text(max_size=5) | JSON, "date": FIELD, "minutes": FIELD}, optional={"title": FIELD}
        ),
        "attendee": st.fixed_dictionaries({"id": st.text(max_size=5) | JSON, "name": st.text(max_size=5) | JSON}),
    },
    optional={
        "rounds": st.lists(
            st.fixed_dictionaries(
                {"round": FIELD, "role": st.sampled_from(["practitioner", "person", "observer", "boss"]) | JSON}
            ),
            max_size=3,
        )
        | JSON,
        "feedback": FIELD,
    },
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=JSON | FILE)
def test_any_file_is_read_or_refused_in_one_line(tmp_path, data):
    path = tmp_path / "att.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    store = memory_store()
    try:
        result = AttendanceService(store, "me").import_file(path)
    except AttendanceError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("att.json")
        assert store.all(KIND) == []
        return
    read_attendance(path)  # what was imported also reads on its own
    [rec] = store.all(KIND)
    assert result.added and problem(KIND, rec) is None
