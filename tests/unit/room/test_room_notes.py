"""An observer's notes and global ratings from the phone: checked in full, saved in one step."""

from __future__ import annotations

import pytest

from room_support import Phones, observer_and_learner, run
from trainer.records.schemas import problem
from trainer.records.store import open_store
from trainer.room.messages import MAX_NOTE, NotesError, read_notes
from trainer.services.team_session import SessionError, TeamSessionService

GLOBALS = ({"id": "partnership", "name": "Partnership", "min": 1, "max": 5},)


def _notes(round_index, **fields):
    return {"type": "notes", "round": round_index, **fields}


def test_the_observer_s_notes_and_globals_are_saved_and_come_back_after_a_rejoin(room, service, events):
    state = room.room.state
    observer, learner, _ = observer_and_learner(state)
    r = state.round_index
    got = {}

    async def go():
        async with Phones(room.url) as phones:
            phone = phones()
            await phone.join(state.code, observer)
            await phone.connect()
            await phone.send({"type": "rate", "round": r, "rating": 2})
            await phone.next("rated")
            await phone.send(
                _notes(
                    r,
                    note="Kept to time",
                    said="What matters most this week?",
                    response="Talked about sleep",
                    alternative="Reflect before asking",
                    globals={"partnership": 4, "empathy": None},
                )
            )
            got["noted"] = await phone.next("noted")
            again = phones()  # the same person on a reloaded page
            await again.join(state.code, observer)
            await again.connect()
            got["counts"] = await again.next("counts")

    run(go())
    saved = service.find_observation(state.session_uid, r, observer, learner)
    assert saved["note"] == "Kept to time"
    item = saved["items"][state.skill_id]
    assert item == {
        "rating": 2,
        "said": "What matters most this week?",
        "response": "Talked about sleep",
        "alternative": "Reflect before asking",
    }
    assert saved["globals"] == {"partnership": 4, "empathy": None}
    assert problem("session_observation", saved) is None
    assert got["noted"]["notes"]["said"] == "What matters most this week?"
    assert got["counts"]["notes"] == {
        "note": "Kept to time",
        "said": "What matters most this week?",
        "response": "Talked about sleep",
        "alternative": "Reflect before asking",
        "globals": {"partnership": 4, "empathy": None},
    }
    assert ("saved", {"observation": saved["uid"], "round": r, "taps": 0}) in events  # the trainer hears of it


BAD = [
    ({"note": "x" * (MAX_NOTE + 1)}, "field 'note'"),
    ({"said": 12}, "field 'said'"),
    ({"globals": {"partnership": 9}}, "from 1 to 5"),
    ({"globals": {"charm": 3}}, "not a global rating"),
    ({"globals": {"partnership": True}}, "field 'globals.partnership'"),
    ({"patient": "Mrs X, 12 High St"}, "field 'patient'"),
    ({"note": "bell\x07"}, "control characters"),
    ({"round": "1"}, "field 'round'"),
]


@pytest.mark.parametrize(("change", "error"), BAD)
def test_bad_notes_get_a_clear_error_and_change_nothing(room, service, change, error):
    state = room.room.state
    observer, learner, _ = observer_and_learner(state)
    before = service.observations(state.session_uid)

    async def go():
        async with Phones(room.url) as phones:
            phone = phones()
            await phone.join(state.code, observer)
            await phone.connect()
            await phone.send({**_notes(state.round_index, note="fine"), **change})
            return await phone.next("error")

    answer = run(go())
    assert error in answer["error"] and answer["about"] == "notes" and not answer.get("retry")
    assert service.observations(state.session_uid) == before


def test_an_oversized_notes_message_is_refused_before_it_is_read(room, service):
    state = room.room.state
    observer, _, _ = observer_and_learner(state)

    async def go():
        async with Phones(room.url) as phones:
            phone = phones()
            await phone.join(state.code, observer)
            await phone.connect()
            await phone.send(_notes(state.round_index, note="y" * 9000))
            return await phone.next("error")

    assert "too large" in run(go())["error"]
    assert service.observations(state.session_uid) == []


def test_only_the_observer_writes_notes_and_only_for_their_own_round(room, service):
    state = room.room.state
    observer, learner, other = observer_and_learner(state)

    async def go():
        async with Phones(room.url) as phones:
            out = []
            for pid, rnd in ((learner, state.round_index), (other, state.round_index), (observer, 5)):
                phone = phones()
                await phone.join(state.code, pid)
                await phone.connect()
                await phone.send(_notes(rnd, note="not mine to write"))
                out.append((await phone.next("error"))["error"])
            return out

    assert all("only the observer" in e for e in run(go()))
    assert service.observations(state.session_uid) == []


def test_read_notes_names_the_field_and_what_was_expected():
    assert read_notes(_notes(0, globals={"partnership": None}), GLOBALS).globals == {"partnership": None}
    with pytest.raises(NotesError, match=r"field 'globals\.partnership': expected a whole number from 1 to 5"):
        read_notes(_notes(0, globals={"partnership": 0}), GLOBALS)
    with pytest.raises(NotesError, match="field 'type'"):
        read_notes({"type": "taps", "round": 0}, GLOBALS)


def test_set_live_notes_keeps_counts_and_rating_and_writes_in_one_step(taster, tmp_path, monkeypatch):
    store = open_store(tmp_path)
    service = TeamSessionService(store, "trainer-1", seed_source=lambda: 1234)
    uid = service.create(taster, title="t", date="2026-11-20")["uid"]
    a, b, c = (service.add_participant(uid, n)["id"] for n in ("Asha", "Ben", "Carys"))
    session = service.make_groups(uid, taster)
    service.add_live_taps(uid, 0, a, b, [{"id": "tap-notes-01", "code": "summary", "delta": 1}])
    service.set_live_rating(uid, 0, a, b, 1)
    writes: list[int] = []
    real = store._backend.append_many
    monkeypatch.setattr(store._backend, "append_many", lambda ops: writes.append(len(ops)) or real(ops))
    rec = service.set_live_notes(uid, 0, a, b, " A note ", {"said": "x", "response": ""}, {"empathy": 3})
    assert writes == [1]  # one durable step for the whole message
    assert rec["counts"]["summary"] == 1 and rec["note"] == "A note"
    skill = session["rounds"][0]["skill"]
    assert rec["items"][skill] == {"rating": 1, "said": "x"}
    assert rec["globals"] == {"empathy": 3}
    with pytest.raises(SessionError, match="unknown part"):
        service.set_live_notes(uid, 0, a, b, "", {"patient": "x"}, {})
    with pytest.raises(SessionError, match="not saved: field 'globals.empathy'"):
        service.set_live_notes(uid, 0, a, b, "", {}, {"empathy": "high"})  # type: ignore[dict-item]
    assert writes == [1]
    store.close()
    reopened = open_store(tmp_path)
    [saved] = reopened.all("session_observation")
    assert saved["globals"] == {"empathy": 3} and saved["note"] == "A note"
    reopened.close()
