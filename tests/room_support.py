"""The live room in tests: a seven-person taster session, a room on 127.0.0.1, simulated phones.

Imported by the conftest of tests/unit/room and tests/e2e/room (``tests/`` is on
``sys.path`` because of its conftest).
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import aiohttp
import pytest

from trainer.content import load_content
from trainer.records.store import memory_store
from trainer.room.runner import RoomServer
from trainer.room.state import build_state, globals_of
from trainer.services.team_session import TeamSessionService

SEVEN = ["Asha Patel", "Ben Okafor", "Carys Lloyd", "Dev Sharma", "Ella Byrne", "Finn Walsh", "Grace Obi"]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
WAIT = 10.0  # seconds any one step may take before a test fails


@pytest.fixture(scope="session")
def course():
    return load_content(FIXTURES / "sample-course")


@pytest.fixture(scope="session")
def taster(course):
    return next(p for p in course.plans if p.id == "taster-90")


@pytest.fixture
def service():
    return TeamSessionService(memory_store(), "trainer-1", seed_source=lambda: 1234)


@pytest.fixture
def session(service, taster):
    rec = service.create(taster, title="Riverside taster", date="2026-11-20", team="Riverside")
    for name in SEVEN:
        service.add_participant(rec["uid"], name)
    service.make_groups(rec["uid"], taster)
    return service.get(rec["uid"])


@pytest.fixture
def state_at(service, session, taster, course):
    names = {s.id: s.name for s in course.framework.skills}
    done_well = {s.id: s.done_well for s in course.framework.skills}

    def make(phase_index: int, **timer):
        state = service.get(session["uid"])
        globals_ = globals_of(course.framework)
        return build_state(
            state, taster, phase_index, skill_names=names, done_well=done_well, globals_=globals_, **timer
        )

    return make


@pytest.fixture
def events():
    return []


@pytest.fixture
def room(service, state_at, taster, events):
    server = RoomServer(service, "127.0.0.1", 0, on_event=lambda kind, data: events.append((kind, data)))
    server.start(state_at(first_practice(taster)))
    yield server
    server.stop()


def first_practice(taster) -> int:
    return taster.practice_phases()[0]


def observer_and_learner(state, round_index=None):
    """(observer id, practitioner id, someone who is neither) in a triad of the round."""
    index = state.round_index if round_index is None else round_index
    seats = state.seats[index]
    for pid, seat in seats.items():
        if seat.role == "observer" and seat.learner:
            other = next(p for p in seat.group if p not in (pid, seat.learner))
            return pid, seat.learner, other
    raise AssertionError("no triad in this round")


def run(coro, timeout: float = WAIT):
    return asyncio.run(asyncio.wait_for(coro, timeout))


class Phone:
    """One simulated phone: HTTP join, then a WebSocket."""

    def __init__(self, http: aiohttp.ClientSession, base: str):
        self.http = http
        self.base = base.rstrip("/")
        self.token = ""
        self.ws: aiohttp.ClientWebSocketResponse | None = None

    async def join(self, code: str, person: str) -> tuple[int, dict]:
        async with self.http.post(self.base + "/api/join", json={"code": code, "person": person}) as r:
            body = await r.json()
            self.token = body.get("token", "")
            return r.status, body

    async def connect(self, token: str | None = None) -> None:
        self.ws = await self.http.ws_connect(self.base + "/api/live", params={"token": token or self.token})

    async def send(self, data) -> None:
        assert self.ws is not None
        await self.ws.send_str(data if isinstance(data, str) else json.dumps(data))

    async def next(self, kind: str) -> dict:
        """The next message of that type (others are skipped)."""
        assert self.ws is not None
        while True:
            msg = await asyncio.wait_for(self.ws.receive(), WAIT)
            if msg.type != aiohttp.WSMsgType.TEXT:
                raise AssertionError(f"the socket closed while waiting for {kind!r}: {msg}")
            data = json.loads(msg.data)
            if data["type"] == kind:
                return data


class Phones:
    """``async with Phones(url) as phones``: ``phones()`` makes a phone; all are closed at the end."""

    def __init__(self, base: str):
        self.base = base
        self.all: list[Phone] = []
        self.http: aiohttp.ClientSession

    async def __aenter__(self) -> Phones:
        self.http = aiohttp.ClientSession()
        return self

    def __call__(self) -> Phone:
        phone = Phone(self.http, self.base)
        self.all.append(phone)
        return phone

    async def __aexit__(self, *exc) -> None:
        for phone in self.all:
            if phone.ws is not None:
                await phone.ws.close()
        await self.http.close()
