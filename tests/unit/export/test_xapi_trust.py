"""xAPI an LRS keeps correct (issue 23): full timestamps, content ids, actors, observers."""

import re
from datetime import datetime, timedelta, timezone

import pytest
from ralph.models.xapi.base.statements import BaseXapiStatement

from trainer.content import load_content
from trainer.export.xapi import record_of, xapi_statements
from trainer.records.store import memory_store
from trainer.tools.demo_export import fill_demo

RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
NOW = "2026-04-01T10:00:00+00:00"
PARIS = timezone(timedelta(hours=2))


@pytest.fixture
def content(sample_course):
    return load_content(sample_course)


@pytest.fixture
def demo():
    store = memory_store(clock=lambda: NOW)
    fill_demo(store)
    return store


def test_every_timestamp_is_full_rfc3339_with_a_zone_and_never_in_the_future(demo, content):
    statements = xapi_statements(demo, "default", content)
    assert statements
    for st in statements:
        assert RFC3339.match(st["timestamp"]), st["timestamp"]
        assert datetime.fromisoformat(st["timestamp"]) <= datetime.fromisoformat(NOW)
        BaseXapiStatement.model_validate(st)


def test_a_date_only_record_gets_the_time_it_was_saved_in_the_learners_zone(content):
    store = memory_store(clock=lambda: "2026-11-25T07:14:00+00:00")
    store.add("reflection", {"profile": "p", "title": "T", "template": "rolfe", "date": "2026-11-22"})
    store.add("reflection", {"profile": "p", "title": "Later", "template": "rolfe", "date": "2026-12-30"})
    stamps = sorted(s["timestamp"] for s in xapi_statements(store, "p", content, zone=PARIS))
    assert stamps == ["2026-11-22T09:14:00+02:00", "2026-11-25T09:14:00+02:00"]  # the future one: when saved


ORG = "https://lms.example.org"


def test_activity_ids_and_extensions_stay_under_the_documented_base_whatever_the_home(demo, content):
    from trainer.export.xapi import IRI_BASE

    own = xapi_statements(demo, "default", content)
    org = xapi_statements(demo, "default", content, home=ORG)
    assert [s["object"]["id"] for s in own] == [s["object"]["id"] for s in org]
    for st in org:
        assert st["object"]["id"].startswith(IRI_BASE + "/")
        for ext in list(st.get("result", {}).get("extensions", {})) + list(st["context"].get("extensions", {})):
            assert ext.startswith(IRI_BASE + "/extensions/")
        if not record_of(st).startswith("attendance:"):  # those are the people who came
            assert st["actor"] == {"objectType": "Agent", "account": {"homePage": ORG, "name": "default"}}


@pytest.mark.parametrize(
    ("identity", "actor"),
    [
        ({"mbox": "Sam.Lee@Trust.example.org"}, {"objectType": "Agent", "mbox": "mailto:Sam.Lee@Trust.example.org"}),
        ({"account": "E12345"}, {"objectType": "Agent", "account": {"homePage": ORG, "name": "E12345"}}),
        ({}, {"objectType": "Agent", "account": {"homePage": ORG, "name": "default"}}),
    ],
)
def test_the_learner_is_the_organisations_identity_when_one_is_set(demo, content, identity, actor):
    statements = xapi_statements(demo, "default", content, home=ORG, identity=identity)
    mine = [s for s in statements if not record_of(s).startswith("attendance:")]
    assert {json_key(s["actor"]) for s in mine} == {json_key(actor)}
    for st in statements:
        BaseXapiStatement.model_validate(st)


def json_key(value) -> str:
    import json

    return json.dumps(value, sort_keys=True)


def test_the_identity_is_kept_per_profile_and_checked(demo):
    from trainer.services.lrs_identity import IdentityError, read_identity, save_identity

    assert read_identity(demo, "default") == {}
    save_identity(demo, "default", mbox=" sam@trust.example.org ")
    assert read_identity(demo, "default") == {"mbox": "sam@trust.example.org"}
    assert read_identity(demo, "other") == {}
    save_identity(demo, "default", account="E12345")
    assert read_identity(demo, "default") == {"account": "E12345"}
    with pytest.raises(IdentityError, match="e-mail address"):
        save_identity(demo, "default", mbox="not an address")
    with pytest.raises(IdentityError, match="either"):
        save_identity(demo, "default", mbox="a@b.org", account="E1")
    save_identity(demo, "default")
    assert read_identity(demo, "default") == {}


def instructor(statements, uid):
    return next(s for s in statements if s["object"]["id"].endswith("/assessments/" + uid))["context"]["instructor"]


def test_two_observers_with_the_same_name_stay_two_people(content):
    store = memory_store(clock=lambda: NOW)
    rated = {"items": {"open-questions": {"rating": 2}}, "date": "2026-03-02"}
    a = store.add("observation", {"profile": "p", "observer": "Sam", **rated})
    b = store.add("observation", {"profile": "p", "observer": "Sam", **rated})
    base = {"profile": "p", "observer": "Sam", "session_id": "S1", **rated}
    c = store.add("observation", {**base, "observer_id": "o1", "round_id": "1"})
    d = store.add("observation", {**base, "observer_id": "o1", "round_id": "2"})
    e = store.add("observation", {**base, "observer_id": "o2", "round_id": "2"})
    statements = xapi_statements(store, "p", content)
    who = {r["uid"]: instructor(statements, r["uid"]) for r in (a, b, c, d, e)}
    assert {w["name"] for w in who.values()} == {"Sam"}
    accounts = {uid: json_key(w["account"]) for uid, w in who.items()}
    assert len({accounts[a["uid"]], accounts[b["uid"]], accounts[c["uid"]], accounts[e["uid"]]}) == 4
    assert accounts[c["uid"]] == accounts[d["uid"]]  # the same observer in two rounds of one session
    assert who[c["uid"]]["account"]["name"] == "session/S1/observer/o1"
    for st in statements:
        BaseXapiStatement.model_validate(st)
