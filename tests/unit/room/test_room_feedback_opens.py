"""The trainer chooses when participants see their own feedback on their phone."""

from __future__ import annotations

import pytest

from room_support import Phones, first_practice, observer_and_learner, run
from trainer.room.state import FEEDBACK_OPENS
from trainer.services.team_session import FEEDBACK_OPENS as CHOICES
from trainer.services.team_session import SessionError


def _open_at(state_at, taster, kinds):
    return [i for i, p in enumerate(taster.phases) if state_at(i).feedback_open and p.kind in kinds]


def test_each_choice_opens_feedback_at_its_own_phases(service, session, state_at, taster):
    assert tuple(FEEDBACK_OPENS) == CHOICES  # the service's choices are the ones the trainer sees
    last = len(taster.phases) - 1
    kinds = {p.kind for p in taster.phases}
    assert {"feedback", "debrief", "practice"} <= kinds
    by_round = [i for i in range(len(taster.phases)) if state_at(i).feedback_open]
    assert taster.phases[by_round[0]].kind == "feedback" and last in by_round
    assert not any(taster.phases[i].kind == "practice" for i in by_round)

    service.set_feedback_opens(session["uid"], "after_debrief")
    after_debrief = [i for i in range(len(taster.phases)) if state_at(i).feedback_open]
    assert after_debrief and all(taster.phases[i].kind in ("debrief", "reflection") or i == last for i in after_debrief)
    assert set(after_debrief) < set(by_round)

    service.set_feedback_opens(session["uid"], "never")
    assert not any(state_at(i).feedback_open for i in range(len(taster.phases)))
    assert state_at(last).view_for(session["participants"][0]["id"])["feedback_open"] is False

    with pytest.raises(SessionError, match="'sometimes' is not a choice"):
        service.set_feedback_opens(session["uid"], "sometimes")
    assert service.get(session["uid"])["feedback_opens"] == "never"


def test_with_never_the_phone_is_told_no_even_in_the_last_phase(room, service, session, state_at, taster):
    state = room.room.state
    _, learner, _ = observer_and_learner(state)
    service.set_feedback_opens(session["uid"], "never")
    room.publish(state_at(len(taster.phases) - 1))

    async def go():
        async with Phones(room.url) as phones:
            phone = phones()
            await phone.join(state.code, learner)
            await phone.connect()
            seen = await phone.next("state")
            headers = {"Authorization": "Bearer " + phone.token}
            async with phones.http.get(room.url + "api/feedback", headers=headers) as resp:
                return seen, resp.status, (await resp.json())["error"]

    seen, status, error = run(go())
    assert seen["feedback_open"] is False and seen["feedback_opens"].startswith("Never")
    assert status == 409 and "chosen not to show feedback" in error


def test_after_the_debrief_the_feedback_phase_keeps_it_closed(room, service, session, state_at, taster):
    service.set_feedback_opens(session["uid"], "after_debrief")
    feedback_phase = first_practice(taster) + 1
    assert taster.phases[feedback_phase].kind == "feedback"
    assert not state_at(feedback_phase).feedback_open
    debrief = next(i for i, p in enumerate(taster.phases) if p.kind == "debrief")
    assert state_at(debrief).feedback_open
