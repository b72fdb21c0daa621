"""A running room on 127.0.0.1 for a seven-person taster session."""

from __future__ import annotations

from pathlib import Path

import pytest
from room_helpers import first_practice

from trainer.content import load_content
from trainer.records.store import memory_store
from trainer.room.runner import RoomServer
from trainer.room.state import build_state
from trainer.services.team_session import TeamSessionService

SEVEN = ["Asha Patel", "Ben Okafor", "Carys Lloyd", "Dev Sharma", "Ella Byrne", "Finn Walsh", "Grace Obi"]
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


@pytest.fixture(scope="session")
def taster():
    return next(p for p in load_content(FIXTURES / "sample-course").plans if p.id == "taster-90")


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
def state_at(service, session, taster):
    def make(phase_index: int, **timer):
        return build_state(service.get(session["uid"]), taster, phase_index, **timer)

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
