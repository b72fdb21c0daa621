"""CpdService: the log from a store, the regulator and cycle, evidence picking, the pack."""

from pathlib import Path

import pytest

from trainer.content import load_content
from trainer.records.schemas import problem
from trainer.records.store import memory_store
from trainer.services.cpd import CpdError, CpdService
from trainer.tools.demo_cpd import add_demo_cpd

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT / "tests" / "fixtures" / "sample-course")


@pytest.fixture
def service(content):
    store = memory_store(clock=lambda: "2026-12-05T10:00:00+00:00")
    add_demo_cpd(store, "me")
    store.add(
        "reflection", {"profile": "someone-else", "status": "finished", "finished_at": "2026-06-01", "title": "x"}
    )
    return CpdService(store, content, "me")


def test_the_log_is_this_profiles_only(service):
    log = service.log()
    assert log.minutes == 90 + 210 + 120 + 3 * 30 + 24 and log.participatory_minutes == 420
    assert "x" not in {r["title"] for r in log.reflections}


def test_a_module_done_by_its_check_counts_its_stated_length(service, content):
    module = next(m for m in content.course.modules if m.duration_minutes)
    service._store.add(
        "progress", {"profile": "me", "module": module.id, "done": True, "done_by": "check", "done_at": "2026-07-01"}
    )
    reading = [a for a in service.log().activities if a.kind == "reading"]
    assert [(a.title, a.minutes) for a in reading] == [(module.title, module.duration_minutes)]


def test_the_choice_is_kept_and_checked(service):
    assert service.choice() == ("nmc", "2026-12-05")  # none chosen: NMC, ending today
    service.choose("gphc", "2027-03-31")
    assert service.choice() == ("gphc", "2027-03-31")
    with pytest.raises(CpdError, match="unknown regulator"):
        service.choose("abc", "2027-03-31")
    with pytest.raises(CpdError, match="is not a date"):
        service.choose("nmc", "31/03/2027")


def test_cycles_cut_the_log(service):
    assert service.revalidation("gphc", "2026-12-01").log.minutes == 90 + 210 + 120 + 3 * 30 + 24
    year = service.revalidation("gphc", "2027-06-01")  # 2026-06-01 to 2027-06-01
    assert year.start == "2026-06-01" and year.log.minutes == 210 + 120 + 30


def test_picking_evidence_replaces_the_last_pick_and_counts(service):
    items = service.candidates()
    assert [i.day for i in items] == sorted((i.day for i in items), reverse=True)
    reflections = [i for i in items if i.kind == "reflections"]
    service.pick("nmc", "discussion", reflections[:2])
    service.pick("nmc", "discussion", reflections[:1])
    assert [i["uid"] for i in service.evidence("nmc")["discussion"]] == [reflections[0].uid]
    status = {s.requirement.key: s for s in service.revalidation("nmc", "2026-12-01").statuses}
    assert status["discussion"].met and status["confirmation"].met is False
    with pytest.raises(CpdError):
        service.pick("nmc", "peer_discussion", reflections)  # a GPhC requirement, not an NMC one


def test_the_pack_uses_the_accounts_chosen_and_keeps_every_session(service):
    reflections = [i for i in service.candidates() if i.kind == "reflections"]
    service.pick("nmc", "discussion", reflections[:1])  # not a choice of accounts
    assert len(service.pack("nmc", "2026-12-01")["reflections"]) == 3
    service.pick("nmc", "reflections", reflections[1:2])
    pack = service.pack("nmc", "2026-12-01")
    assert [r["title"] for r in pack["reflections"]] == [reflections[1].title]
    assert [s["facilitator"] for s in pack["sessions"]] == ["Sam Demo"] * 3
    assert pack["sources"][0]["url"].startswith("https://www.nmc.org.uk/")


def test_the_pack_is_not_made_when_a_reflection_looks_identifying(service):
    service._store.add(
        "reflection",
        {
            "profile": "me",
            "title": "Clinic",
            "status": "finished",
            "finished_at": "2026-08-01",
            "sections": {"description": "Mrs Jones, NHS number 943 476 5919, rang me."},
        },
    )
    with pytest.raises(CpdError, match=r"^Not written: 'Clinic' has .*NHS number"):
        service.pack("nmc", "2026-12-01")


def test_the_cpd_records_have_schemas(service):
    reflections = [i for i in service.candidates() if i.kind == "reflections"]
    service.pick("nmc", "discussion", reflections[:1])
    service.choose("hcpc", "2027-01-31")
    assert problem("cpd_evidence", service._store.all("cpd_evidence")[0]) is None
    assert problem("cpd_choice", service._store.all("cpd_choice")[0]) is None
    assert "cycle_end" in problem("cpd_choice", {"uid": "c", "regulator": "nmc", "cycle_end": "soon"})
    assert "items.0.uid" in problem(
        "cpd_evidence", {"uid": "e", "regulator": "nmc", "requirement": "x", "items": [{"kind": "k"}]}
    )


def test_other_cpd_entered_by_hand(service):
    rec = service.add_external(
        "  Diabetes   update day ", "2026-09-10", 390, True, "Course or study day", "Foot checks"
    )
    assert rec["title"] == "Diabetes update day" and problem("external_cpd", rec) is None
    log = service.revalidation("nmc", "2026-12-01").log
    assert log.participatory_minutes == 420 + 390
    assert any(i.kind == "external" for i in service.candidates())  # it can be picked as evidence
    for bad, message in (
        (("", "2026-09-10", 60, False), "say what the CPD was"),
        (("Course", "2026-09-10", 0, False), "between 1 minute"),
        (("Course", "10/09/2026", 60, False), "field 'date'"),
    ):
        with pytest.raises(CpdError, match=message):
            service.add_external(*bad)
    service.delete_external(rec["uid"])
    assert service.log().participatory_minutes == 420
    with pytest.raises(CpdError, match="not found"):
        service.delete_external(rec["uid"])
