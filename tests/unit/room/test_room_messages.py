"""Whatever a phone sends as a tap, checking it gives an answer and never raises."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from trainer.room.messages import NotesError, read_notes
from trainer.room.server import Room
from trainer.room.state import RoomState, Seat

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
STATE = RoomState(
    session_uid="s1",
    code="ABCDEF",
    title="t",
    people={"a": "A", "b": "B", "c": "C"},
    phase_index=0,
    phase_count=1,
    phase={},
    round_index=0,
    skill="",
    seats={
        0: {
            "a": Seat(0, "practitioner", ("a", "b", "c"), None),
            "b": Seat(0, "person", ("a", "b", "c"), None),
            "c": Seat(0, "observer", ("a", "b", "c"), "a"),
        }
    },
)
TAP = st.fixed_dictionaries(
    {"id": JSON | st.from_regex(r"\A[A-Za-z0-9_-]{8,64}\Z"), "round": JSON, "code": JSON, "delta": JSON}
)


@given(tap=JSON | TAP, person=st.sampled_from(["a", "b", "c", "nobody"]))
def test_any_tap_gets_a_verdict(tap, person):
    problem = Room._tap_problem(STATE, person, tap)
    assert isinstance(problem, str)
    if not problem:  # accepted only in the observer's own round, in the shape the service expects
        assert person == "c" and tap["round"] == 0 and tap["delta"] in (1, -1)


def test_the_observer_s_well_formed_tap_is_accepted_and_no_one_else_s():
    tap = {"id": "abcdefgh", "round": 0, "code": "summary", "delta": -1}
    assert Room._tap_problem(STATE, "c", tap) == ""
    assert "only the observer" in Room._tap_problem(STATE, "a", tap)
    assert "only the observer" in Room._tap_problem(STATE, "c", {**tap, "round": 1})
    assert "delta" in Room._tap_problem(STATE, "c", {**tap, "delta": True})


NOTES = st.fixed_dictionaries(
    {"type": st.just("notes"), "round": JSON},
    optional={
        "note": JSON | st.text(max_size=30),
        "said": JSON,
        "globals": st.dictionaries(st.sampled_from(["partnership", "empathy", "x"]), JSON, max_size=3),
        "extra": JSON,
    },
)
GLOBALS = ({"id": "partnership", "name": "Partnership", "min": 1, "max": 5},)


@given(msg=JSON | NOTES)
def test_any_notes_message_gets_a_verdict(msg):
    """Checked notes, or a NotesError for the phone: never another exception."""
    try:
        notes = read_notes(msg, GLOBALS)
    except NotesError as exc:
        assert str(exc).startswith("the notes were not saved: field '")
    else:  # accepted: the shape the service expects, nothing more
        assert isinstance(msg, dict) and set(msg) <= {"type", "round", "note", "said", "globals"}
        assert set(notes.globals) <= {"partnership"}
        assert all(v is None or 1 <= v <= 5 for v in notes.globals.values())
