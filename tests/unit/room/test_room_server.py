"""The live room's server on 127.0.0.1: joining, the live channel, taps saved, and refusals."""

from __future__ import annotations

import asyncio
import socket
import urllib.request

import aiohttp
import pytest

from room_support import Phones, first_practice, observer_and_learner, run
from trainer.room.server import MAX_BODY, MAX_MESSAGE


def _tap(round_index, code="open_question", delta=1, tap_id="tap-000001"):
    return {"id": tap_id, "round": round_index, "code": code, "delta": delta}


def test_the_page_and_the_roster_need_nothing_but_the_code(room):
    async def go():
        async with Phones(room.url) as phones:
            async with phones.http.get(room.url) as r:
                assert r.status == 200
                assert "Join the session" in await r.text()
                assert "default-src 'self'" in r.headers["Content-Security-Policy"]
            async with phones.http.get(room.url + "static/room.js") as r:
                assert r.status == 200
            async with phones.http.get(room.url + "api/room", params={"code": room.room.state.code.lower()}) as r:
                body = await r.json()
                assert r.status == 200 and body["title"] == "Riverside taster"
                assert len(body["people"]) == 7
            async with phones.http.get(room.url + "api/room", params={"code": "AAAAAA"}) as r:
                assert r.status == 403
                assert "not the session code" in (await r.json())["error"]

    run(go())


def test_join_gives_each_phone_its_own_token_and_a_wrong_code_gets_none(room):
    state = room.room.state
    observer, learner, _ = observer_and_learner(state)

    async def go():
        async with Phones(room.url) as phones:
            a, b = phones(), phones()
            status, body = await a.join("WRONG1", observer)
            assert status == 403 and "token" not in body
            status, body = await a.join(state.code, observer)
            assert status == 200 and len(body["token"]) >= 32
            status, body = await b.join(state.code, learner)
            assert status == 200 and body["token"] != a.token
            status, body = await b.join(state.code, "nobody")
            assert status == 404 and "roster" in body["error"]

    run(go())


def test_a_phone_sees_its_group_role_and_timer(room, state_at, taster):
    state = room.room.state
    observer, learner, _ = observer_and_learner(state)

    async def go():
        async with Phones(room.url) as phones:
            phone = phones()
            await phone.join(state.code, observer)
            await phone.connect()
            view = await phone.next("state")
            assert view["round"]["role"] == "observer" and view["round"]["can_count"]
            assert view["round"]["observing"] == state.people[learner]
            assert {m["name"] for m in view["round"]["group"]} >= {state.people[observer], state.people[learner]}
            assert view["timer"]["running"] is False
            assert [c["id"] for c in view["codes"]][:2] == ["open_question", "closed_question"]
            counts = await phone.next("counts")
            assert counts["counts"]["open_question"] == 0
            # the trainer moves on and starts the timer: the phone hears it
            room.publish(state_at(first_practice(taster) + 1, remaining=300, running=True, duration=300))
            view = await phone.next("state")
            assert view["phase"]["number"] == first_practice(taster) + 2
            assert view["timer"] == {**view["timer"], "remaining": 300, "running": True}

    run(go())


def test_taps_are_saved_once_even_when_resent_after_a_rejoin(room, service, events):
    state = room.room.state
    observer, learner, _ = observer_and_learner(state)
    r = state.round_index

    async def go():
        async with Phones(room.url) as phones:
            phone = phones()
            await phone.join(state.code, observer)
            await phone.connect()
            taps = [_tap(r, tap_id="first-tap-1"), _tap(r, "complex_reflection", tap_id="second-tap")]
            await phone.send({"type": "taps", "taps": taps})
            ack = await phone.next("ack")
            assert ack["ids"] == ["first-tap-1", "second-tap"]
            assert ack["counts"]["open_question"] == 1 and ack["counts"]["complex_reflection"] == 1
            await phone.ws.close()
            # the phone drops, rejoins and resends what it had, plus an undo
            again = phones()
            await again.join(state.code, observer)
            await again.connect()
            assert (await again.next("counts"))["counts"]["open_question"] == 1
            await again.send({"type": "taps", "taps": [*taps, _tap(r, "complex_reflection", -1, "undo-tap-1")]})
            ack = await again.next("ack")
            assert ack["counts"]["open_question"] == 1 and ack["counts"]["complex_reflection"] == 0

    run(go())
    saved = service.find_observation(state.session_uid, r, observer, learner)
    assert saved["counts"]["open_question"] == 1 and saved["counts"]["complex_reflection"] == 0
    assert saved["uid"] in service.get(state.session_uid)["rounds"][r]["observations"]
    assert any(kind == "saved" for kind, _ in events)
    assert any(kind == "joined" and data["people"] for kind, data in events)


def test_a_token_sends_only_for_its_own_role_and_a_foreign_token_is_refused(room, service):
    state = room.room.state
    observer, learner, other = observer_and_learner(state)
    r = state.round_index

    async def go():
        async with Phones(room.url) as phones:
            practitioner = phones()
            await practitioner.join(state.code, learner)
            await practitioner.connect()
            await practitioner.send({"type": "taps", "taps": [_tap(r, tap_id="selfscore1")]})
            refused = await practitioner.next("refused")
            assert "only the observer" in refused["error"]
            # someone else's token, made up or from an earlier room: no connection
            with pytest.raises(aiohttp.WSServerHandshakeError) as err:
                await phones().connect("x" * 32)
            assert err.value.status == 401
            async with phones.http.get(room.url + "api/live") as resp:
                assert resp.status == 401 and "join" in (await resp.json())["error"]
            # a person who joins again on another phone voids the first phone's token
            first, second = phones(), phones()
            await first.join(state.code, other)
            await second.join(state.code, other)
            with pytest.raises(aiohttp.WSServerHandshakeError):
                await first.connect()

    run(go())
    assert service.find_observation(state.session_uid, r, observer, learner) is None
    assert service.observations(state.session_uid) == []


def test_oversized_and_malformed_messages_get_a_clear_error_and_change_nothing(room, service):
    state = room.room.state
    observer, _, _ = observer_and_learner(state)
    r = state.round_index

    async def go():
        async with Phones(room.url) as phones:
            async with phones.http.post(room.url + "api/join", data=b"{" + b" " * (MAX_BODY + 10) + b"}") as resp:
                assert resp.status == 413 and "too large" in (await resp.json())["error"]
            for body in (b"not json", b"[" * 1500, b"[1, 2]"):
                async with phones.http.post(room.url + "api/join", data=body) as resp:
                    assert resp.status == 400 and "JSON" in (await resp.json())["error"]
            phone = phones()
            await phone.join(state.code, observer)
            await phone.connect()
            await phone.send("x" * (MAX_MESSAGE + 1))
            assert "too large" in (await phone.next("error"))["error"]
            await phone.send("{not json")
            assert "not JSON" in (await phone.next("error"))["error"]
            await phone.send("[" * 5000)
            assert "not JSON" in (await phone.next("error"))["error"]
            await phone.send({"type": "taps", "taps": [_tap(r, code="rm -rf")]})
            assert "unknown behaviour" in (await phone.next("refused"))["error"]
            await phone.send({"type": "taps", "taps": [_tap(r, delta=5)]})
            assert "delta" in (await phone.next("refused"))["error"]
            await phone.send({"type": "taps", "taps": [_tap(r)] * 51})
            assert "1 to 50" in (await phone.next("error"))["error"]
            await phone.send({"type": "hello"})
            assert "unknown message" in (await phone.next("error"))["error"]

    run(go())
    assert service.observations(state.session_uid) == []


def test_too_many_taps_are_refused_not_stored(service, state_at, taster):
    from trainer.room.runner import RoomServer

    server = RoomServer(service, "127.0.0.1", 0)
    server.room._taps = type(server.room._taps)(3, 0.001)  # a tiny allowance for this test
    server.start(state_at(first_practice(taster)))
    state = server.room.state
    observer, learner, _ = observer_and_learner(state)
    try:

        async def go():
            async with Phones(server.url) as phones:
                phone = phones()
                await phone.join(state.code, observer)
                await phone.connect()
                taps = [_tap(state.round_index, tap_id=f"burst-tap-{i}") for i in range(4)]
                await phone.send({"type": "taps", "taps": taps})
                assert "too many" in (await phone.next("error"))["error"]

        run(go())
    finally:
        server.stop()
    assert service.find_observation(state.session_uid, state.round_index, observer, learner) is None


def test_nothing_listens_once_the_room_is_closed(room):
    port = room.port
    assert port > 0
    with urllib.request.urlopen(room.url, timeout=5) as answer:  # a whole request: the server is there
        assert answer.status == 200
    room.stop()
    assert not room.running
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=5):
        pass


def test_closing_the_room_tells_the_phones(room):
    state = room.room.state
    observer, _, _ = observer_and_learner(state)

    async def go():
        async with Phones(room.url) as phones:
            phone = phones()
            await phone.join(state.code, observer)
            await phone.connect()
            await phone.next("state")
            await asyncio.get_running_loop().run_in_executor(None, room.stop)
            bye = await phone.next("bye")
            assert "closed" in bye["reason"]

    run(go())


def test_another_session_voids_every_token(room, service, taster, state_at):
    state = room.room.state
    observer, _, _ = observer_and_learner(state)
    other = service.create(taster, title="Another")
    service.add_participant(other["uid"], "Zed")

    async def go():
        async with Phones(room.url) as phones:
            phone = phones()
            await phone.join(state.code, observer)
            from trainer.room.state import build_state

            room.publish(build_state(service.get(other["uid"]), taster, 0))
            for _ in range(100):
                if room.room.state.session_uid == other["uid"]:
                    break
                await asyncio.sleep(0.02)
            with pytest.raises(aiohttp.WSServerHandshakeError):
                await phone.connect()

    run(go())


def test_a_phone_that_never_answers_does_not_keep_the_room_open(room):
    state = room.room.state
    observer, _, _ = observer_and_learner(state)

    async def go():
        async with Phones(room.url) as phones:
            phone = phones()
            await phone.join(state.code, observer)
            # asleep: never reads, so never answers the server's closing handshake
            phone.ws = await phones.http.ws_connect(
                room.url + "api/live", params={"token": phone.token}, autoclose=False, autoping=False
            )
            await asyncio.get_running_loop().run_in_executor(None, room.stop)
            assert not room.running  # the server's thread ended within stop()

    run(go(), timeout=30)


def test_the_observer_rates_the_round_s_skill_and_no_one_else_can(room, service):
    state = room.room.state
    observer, learner, other = observer_and_learner(state)
    r = state.round_index

    async def go():
        async with Phones(room.url) as phones:
            obs, oth = phones(), phones()
            await obs.join(state.code, observer)
            await oth.join(state.code, other)
            await obs.connect()
            view = await obs.next("state")
            assert [c["value"] for c in view["round"]["ratings"]] == [0, 1, 2, "na"] and view["round"]["done_well"]
            await obs.send({"type": "rate", "round": r, "rating": 2})
            assert (await obs.next("rated"))["rating"] == 2
            await obs.send({"type": "rate", "round": r, "rating": True})
            assert "a rating is" in (await obs.next("error"))["error"]
            await oth.connect()
            await oth.send({"type": "rate", "round": r, "rating": 0})
            assert "only the observer" in (await oth.next("error"))["error"]
            await obs.ws.close()
            again = phones()
            await again.join(state.code, observer)
            await again.connect()
            assert (await again.next("counts"))["rating"] == 2  # a rejoin shows what was saved

    run(go())
    saved = service.find_observation(state.session_uid, r, observer, learner)
    assert saved["items"][state.skill_id]["rating"] == 2
    assert saved["counts"]["open_question"] == 0
