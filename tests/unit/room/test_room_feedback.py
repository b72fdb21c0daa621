"""At the end, a phone fetches its own feedback and attendance; the file imports into the app."""

from __future__ import annotations

import json

from room_support import Phones, first_practice, observer_and_learner, run
from trainer.records.store import memory_store
from trainer.sessions.bundles import import_bundle


def test_feedback_is_the_person_s_own_and_opens_at_the_feedback_phase(room, service, taster, state_at, tmp_path):
    state = room.room.state
    observer, learner, other = observer_and_learner(state)
    r = state.round_index
    got = {}

    async def go():
        async with Phones(room.url) as phones:
            obs, lea, oth = phones(), phones(), phones()
            for phone, pid in ((obs, observer), (lea, learner), (oth, other)):
                await phone.join(state.code, pid)
            async with phones.http.get(room.url + "api/feedback") as resp:
                assert resp.status == 401
            headers = {"Authorization": "Bearer " + lea.token}
            async with phones.http.get(room.url + "api/feedback", headers=headers) as resp:
                assert resp.status == 409 and "feedback opens" in (await resp.json())["error"]
            await obs.connect()
            taps = [{"id": f"fb-tap-{i:04d}", "round": r, "code": "summary", "delta": 1} for i in range(3)]
            await obs.send({"type": "taps", "taps": taps})
            await obs.next("ack")
            room.publish(state_at(first_practice(taster) + 1))  # Observer feedback
            while not (await obs.next("state"))["feedback_open"]:
                pass
            async with phones.http.get(room.url + "api/feedback", headers=headers) as resp:
                assert resp.status == 200
                got["learner"] = await resp.json()
            headers = {"Authorization": "Bearer " + oth.token}
            async with phones.http.get(room.url + "api/feedback", headers=headers) as resp:
                got["other"] = await resp.json()

    run(go())
    mine = got["learner"]
    assert mine["attendance"]["name"] == state.people[learner]
    assert mine["attendance"]["title"] == "Riverside taster"
    [observation] = mine["bundle"]["observations"]
    assert observation["counts"]["summary"] == 3 and observation["round"] == r + 1
    assert observation["round_title"] == taster.phases[first_practice(taster)].title
    assert got["other"]["bundle"] is None  # no one observed the person; nobody else's feedback leaks
    # the file the page offers imports into the learner's own copy of the app
    path = tmp_path / mine["filename"]
    path.write_text(json.dumps(mine["bundle"]), encoding="utf-8")
    store = memory_store()
    result = import_bundle(store, "learner", path)
    assert result.added == 1
