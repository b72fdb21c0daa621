"""A name not on the roster: the phone asks, the trainer adds the person (or refuses), the phone joins."""

from __future__ import annotations

import asyncio

import pytest

from room_support import Phones, first_practice, run
from trainer.room.asking import AskError, clean_name


async def _status(phones, url, request_id):
    async with phones.http.get(url + "api/ask", params={"request": request_id}) as resp:
        return resp.status, await resp.json()


def test_a_typed_name_joins_once_the_trainer_adds_it_and_a_refusal_is_told(
    room, service, session, taster, state_at, events
):
    code = room.room.state.code
    uid = session["uid"]

    async def go():
        async with Phones(room.url) as phones:
            async with phones.http.post(room.url + "api/ask", json={"code": "WRONG1", "name": "Sam"}) as resp:
                assert resp.status == 403
            async with phones.http.post(room.url + "api/ask", json={"code": code, "name": "  Sam   Hill "}) as resp:
                assert resp.status == 202
                sam = await resp.json()
            assert sam["name"] == "Sam Hill"
            async with phones.http.post(room.url + "api/ask", json={"code": code, "name": "Mallory"}) as resp:
                mallory = await resp.json()
            assert (await _status(phones, room.url, sam["request"]))[1] == {"status": "waiting"}
            assert (await _status(phones, room.url, "made-up"))[0] == 404
            # the trainer adds Sam to the roster (the app publishes the new state, then answers)
            person = await asyncio.get_running_loop().run_in_executor(
                None, lambda: service.add_participant(uid, "Sam Hill")["id"]
            )
            room.publish(state_at(first_practice(taster)))
            room.answer(sam["request"], person)
            room.answer(mallory["request"], None)
            for _ in range(200):
                status, body = await _status(phones, room.url, sam["request"])
                if body["status"] != "waiting":
                    break
                await asyncio.sleep(0.02)
            assert body["status"] == "accepted" and body["name"] == "Sam Hill"
            phone = phones()
            await phone.connect(body["token"])
            view = await phone.next("state")
            assert view["name"] == "Sam Hill"
            assert view["round"] == {**view["round"], "sitting_out": True}  # not in a group until regrouped
            assert (await _status(phones, room.url, mallory["request"]))[1] == {"status": "refused"}
            assert (await _status(phones, room.url, sam["request"]))[0] == 404  # a token is handed out once

    run(go())
    asked = [[a["name"] for a in data["asks"]] for kind, data in events if kind == "asked"]
    assert ["Sam Hill", "Mallory"] in asked


@pytest.mark.parametrize("bad", ["", "   ", "x" * 61, "Bob\x00", "tab\u200bhere", 7, None, ["Sam"]])
def test_a_typed_name_must_be_a_plain_name(bad):
    with pytest.raises(AskError):
        clean_name(bad)
