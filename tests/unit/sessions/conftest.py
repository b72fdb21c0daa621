import pytest

from trainer.content import load_content
from trainer.records.store import memory_store
from trainer.services.team_session import TeamSessionService

SEVEN = ["Asha Patel", "Ben Okafor", "Carys Lloyd", "Dev Sharma", "Ella Byrne", "Finn Walsh", "Grace Obi"]


@pytest.fixture(scope="session")
def bundled(request):
    from pathlib import Path

    return load_content(Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "sample-course")


@pytest.fixture
def taster(bundled):
    return next(p for p in bundled.plans if p.id == "taster-90")


@pytest.fixture
def service():
    return TeamSessionService(memory_store(), "trainer-1", seed_source=lambda: 1234)


@pytest.fixture
def seven(service, taster):
    session = service.create(taster, title="Riverside taster", date="2026-11-20", team="Riverside nurses")
    for i, name in enumerate(SEVEN):
        service.add_participant(session["uid"], name, role="Practice nurse" if i % 2 else "HCA", team="Riverside")
    return service.get(session["uid"])
