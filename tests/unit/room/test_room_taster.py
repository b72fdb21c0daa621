"""Seven phones play the whole 90-minute taster with live observer coding."""

from __future__ import annotations

from collections import Counter

import pytest

from room_support import Phones, run

pytestmark = pytest.mark.slow

CODES = ["open_question", "simple_reflection", "simple_reflection", "complex_reflection", "affirmation"]


async def _state_for(phone, number: int) -> dict:
    while (view := await phone.next("state"))["phase"]["number"] != number:
        pass
    return view


def test_seven_phones_play_the_taster_and_every_tap_is_in_the_session_record(room, service, session, taster, state_at):
    code = room.room.state.code
    expected: Counter = Counter()

    async def go():
        async with Phones(room.url) as phones:
            devices = {}
            for pid in room.room.state.people:
                devices[pid] = phones()
                assert (await devices[pid].join(code, pid))[0] == 200
                await devices[pid].connect()
            assert len(devices) == 7
            for index, phase in enumerate(taster.phases):
                room.publish(state_at(index))
                views = {pid: await _state_for(phone, index + 1) for pid, phone in devices.items()}
                assert {v["phase"]["title"] for v in views.values()} == {phase.title}
                if phase.kind != "practice":
                    assert all(v["round"] is None for v in views.values())
                    continue
                roles = Counter(v["round"]["role"] for v in views.values())
                assert roles["practitioner"] == 3 and roles["person"] == 3 and roles["observer"] == 1
                for pid, view in views.items():
                    if not view["round"]["can_count"]:
                        continue
                    rnd = view["round"]["index"]
                    taps = [
                        {"id": f"r{rnd}-{pid}-{i:03d}", "round": rnd, "code": c, "delta": 1}
                        for i, c in enumerate(CODES)
                    ]
                    await devices[pid].send({"type": "taps", "taps": taps[:3]})
                    await devices[pid].next("ack")
                    # the phone drops, comes back and sends everything it had again, plus the rest
                    await devices[pid].ws.close()
                    await devices[pid].connect()
                    await devices[pid].send({"type": "taps", "taps": taps})
                    while sum((await devices[pid].next("ack"))["counts"].values()) < len(CODES):
                        pass
                    for c in CODES:
                        expected[(rnd, c)] += 1

    run(go(), timeout=60)
    rounds = service.get(session["uid"])["rounds"]
    assert len(rounds) == 3
    stored: Counter = Counter()
    for obs in service.observations(session["uid"]):
        assert obs["uid"] in rounds[obs["round"]]["observations"]
        for c, n in obs["counts"].items():
            stored[(obs["round"], c)] += n
    assert +stored == +expected
    assert sum(expected.values()) == 3 * len(CODES)
