from datetime import UTC, datetime, timedelta

import pytest

from tests.unit.review.support import course
from trainer.export.backup import export_backup, restore
from trainer.records.schemas import problem
from trainer.records.store import memory_store
from trainer.review.schedule import AGAIN, GOOD
from trainer.services.progress import ProgressService
from trainer.services.review import CARD, LOG, ReviewService
from trainer.services.review_due import ReviewOverview

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime = START):
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def jump(self, **delta) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def store():
    return memory_store()


@pytest.fixture
def service(store, clock):
    return ReviewService(store, course(), "p1", clock)


def finish(store, module_id: str, profile: str = "p1") -> None:
    ProgressService(store, profile).set_done(module_id, True)


def test_nothing_to_review_until_a_module_is_done(store, service):
    assert service.overview() == ReviewOverview(0, None, 0)
    assert service.session() == []
    ProgressService(store, "p1").open_module("01-intro")  # opened is not finished
    assert service.overview().cards == 0
    finish(store, "01-intro", profile="someone-else")
    assert service.overview().cards == 0
    finish(store, "01-intro")
    assert service.overview() == ReviewOverview(3, None, 3)
    assert [i.card_id for i in service.session()] == ["01-intro#a", "01-intro#b", "01-intro#epe"]


def test_a_review_writes_the_schedule_and_the_log(store, service, clock):
    finish(store, "01-intro")
    item = service.session()[0]
    clock.jump(seconds=30)
    done = service.record(item, GOOD, answer="Would it help...?", correct=True, seconds=12.345)
    assert done.rating_name == "Good"
    assert done.next_due == START + timedelta(days=2, seconds=30)
    [card] = store.all(CARD, profile="p1")
    assert card["card"] == "01-intro#a" and card["module"] == "01-intro" and card["question"] == "a"
    assert card["due"] == "2026-03-04T09:00:30+00:00"
    assert card["fsrs"]["due"] == card["due"] and card["fsrs"]["state"] == 2
    [log] = store.all(LOG, profile="p1")
    assert log["card"] == "01-intro#a" and log["kind"] == "single"
    assert (log["rating"], log["correct"], log["seconds"], log["answer"]) == (GOOD, True, 12.3, "Would it help...?")
    assert log["reviewed_at"] == "2026-03-02T09:00:30+00:00" and log["next_due"] == card["due"]
    assert problem(CARD, card) is None and problem(LOG, log) is None
    assert service.overview() == ReviewOverview(2, done.next_due, 3)
    assert service.logs() == [log]


def test_jumping_the_clock_brings_the_card_back(store, service, clock):
    finish(store, "01-intro")
    for item in service.session():
        service.record(item, GOOD, correct=True)
    assert service.overview().due == 0
    clock.jump(days=1)
    assert service.overview().due == 0
    clock.jump(days=1)
    assert service.overview().due == 3
    item = service.session()[0]
    service.record(item, GOOD, correct=True)
    assert len(store.all(CARD)) == 3  # the card's record is updated, not added again
    assert len(store.all(LOG)) == 4


def test_a_lapse_brings_the_card_back_sooner(store, service, clock):
    finish(store, "01-intro")
    first = service.session()[0]
    service.record(first, GOOD)
    clock.jump(days=2)
    again = service.record(first, AGAIN, correct=False)
    assert again.next_due - clock.now == timedelta(days=1)  # after Good-Good it would be 11 days


def test_a_failed_write_changes_nothing(store, service, monkeypatch):
    finish(store, "01-intro")
    item = service.session()[0]

    def full_disk(kind, record):
        raise OSError("No space left on device")

    monkeypatch.setattr(store, "add", full_disk)
    with pytest.raises(OSError):
        service.record(item, GOOD)
    assert store.all(CARD) == [] and store.all(LOG) == []


def test_a_bad_rating_writes_nothing(store, service):
    finish(store, "01-intro")
    with pytest.raises(ValueError):
        service.record(service.session()[0], 9)
    assert store.all(CARD) == []


@pytest.mark.parametrize(
    ("kind", "changes"),
    [
        (CARD, {"due": "soon"}),
        (CARD, {"card": ""}),
        (CARD, {"fsrs": [1]}),
        (LOG, {"rating": 5}),
        (LOG, {"rating": "3"}),
        (LOG, {"seconds": -1}),
        (LOG, {"correct": "yes"}),
        (LOG, {"reviewed_at": "2026-02-30T10:00"}),
    ],
)
def test_the_schemas_refuse_review_records_the_app_cannot_use(store, service, kind, changes):
    finish(store, "01-intro")
    service.record(service.session()[0], GOOD, correct=True)
    [rec] = store.all(kind)
    assert problem(kind, rec) is None
    assert problem(kind, {**rec, **changes}) is not None


def test_backup_and_restore_carry_the_schedule_and_the_logs(store, service, clock):
    finish(store, "01-intro")
    for item in service.session():
        service.record(item, GOOD, correct=True, answer="x")
    data = export_backup(store, "p1", now="2026-03-02T10:00:00+00:00")
    assert len(data["records"][CARD]) == 3 and len(data["records"][LOG]) == 3

    other = memory_store()
    report = restore(other, data)
    assert report.quarantined == 0
    moved = ReviewService(other, course(), "p1", clock)
    assert moved.dues() == service.dues()
    assert moved.logs() == service.logs()
    assert restore(other, data).added == 0  # the second time adds nothing


def test_a_restored_schedule_for_a_card_already_here_replaces_the_older_one(store, service, clock):
    finish(store, "01-intro")
    item = service.session()[0]
    data_old = export_backup(store, "p1")
    other = memory_store(clock=lambda: "2026-03-01T08:00:00+00:00")  # reviewed earlier on another computer
    ProgressService(other, "p1").set_done("01-intro", True)
    ReviewService(other, course(), "p1", Clock(START - timedelta(days=1))).record(item, AGAIN)
    service.record(item, GOOD)  # newer, here
    restore(store, export_backup(other, "p1"))
    assert len(store.all(CARD)) == 1  # one schedule per card, not two
    assert store.all(CARD)[0]["due"] == "2026-03-04T09:00:00+00:00"  # the newer one stays
    assert data_old["records"].get(CARD) is None
