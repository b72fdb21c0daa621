"""Each regulator's requirements: cited, dated, and measured against a log."""

from datetime import date
from urllib.parse import urlparse

import pytest

from trainer.cpd.log import build_log
from trainer.cpd.regulators import GMC, GPHC, HCPC, NMC, REGULATORS, cycle_start, status

MEASURES = {"hours", "participatory", "reflections", "feedback", "kinds", "evidence", "elsewhere"}


@pytest.mark.parametrize("reg", list(REGULATORS.values()), ids=list(REGULATORS))
def test_every_regulator_cites_a_source_checked_on_a_real_day(reg):
    assert reg.sources
    for source in reg.sources:
        url = urlparse(source.url)
        assert url.scheme == "https" and url.netloc and source.title
        date.fromisoformat(source.checked)
    assert reg.requirements and all(r.measure in MEASURES and r.target > 0 for r in reg.requirements)
    assert len({r.key for r in reg.requirements}) == len(reg.requirements)


def test_the_nmc_table():
    table = {r.key: (r.target, r.measure) for r in NMC.requirements}
    assert NMC.cycle_years == 3 and "nmc.org.uk" in NMC.sources[0].url
    assert table["cpd_hours"] == (35, "hours") and table["participatory_hours"] == (20, "participatory")
    assert table["feedback"] == (5, "feedback") and table["reflections"] == (5, "reflections")
    assert table["practice_hours"] == (450, "elsewhere") and table["discussion"] == (1, "evidence")


def test_the_other_tables():
    assert HCPC.cycle_years == 2 and {r.key: r.target for r in HCPC.requirements}["mixture"] == 2
    gphc = {r.key: r.target for r in GPHC.requirements}
    assert GPHC.cycle_years == 1 and gphc == {"cpd_records": 4, "peer_discussion": 1, "reflective_account": 1}
    assert GMC.cycle_years == 5 and {r.key for r in GMC.requirements} >= {"colleague_feedback", "patient_feedback"}


def _log(hours, participatory, reflections):
    recs = {
        "session_attendance": [
            {"uid": "a", "session_uid": "S", "date": "2026-01-01", "minutes": int(participatory * 60), "feedback": 4}
        ],
        "progress": [{"uid": "p", "module": "m", "done": True, "done_by": "check", "done_at": "2026-01-02"}],
        "reflection": [{"uid": f"r{i}", "status": "finished", "finished_at": "2026-01-03"} for i in range(reflections)],
    }
    reading = int((hours - participatory) * 60) - 30 * reflections
    return build_log(recs, {"m": reading})


def test_progress_against_the_nmc():
    log = _log(23.5, 12, 3)
    got = {r.key: status(r, log) for r in NMC.requirements}
    assert got["cpd_hours"].text == "23.5 of 35 hours" and got["cpd_hours"].met is False
    assert got["participatory_hours"].text == "12 of 20 hours"
    assert got["reflections"].text == "3 of 5 accounts"
    assert got["feedback"].text == "4 of 5 pieces"
    assert got["discussion"].text == "not yet: pick the evidence" and got["discussion"].met is False
    assert got["practice_hours"].met is None  # outside this app: never counted as met
    done = status(next(r for r in NMC.requirements if r.key == "discussion"), log, picked=1)
    assert done.met and done.text == "1 of 1 discussion"


def test_met_when_the_target_is_reached():
    log = _log(36, 21, 5)
    assert all(
        status(r, log).met for r in NMC.requirements if r.key in {"cpd_hours", "participatory_hours", "reflections"}
    )


def test_cycle_start():
    assert cycle_start(date(2027, 3, 31), 3) == date(2024, 3, 31)
    assert cycle_start(date(2028, 2, 29), 1) == date(2027, 2, 28)
