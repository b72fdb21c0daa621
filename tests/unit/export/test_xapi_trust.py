"""xAPI an LRS keeps correct (issue 23): full timestamps, content ids, actors, observers."""

import re
from datetime import datetime, timedelta, timezone

import pytest
from ralph.models.xapi.base.statements import BaseXapiStatement

from trainer.content import load_content
from trainer.export.xapi import xapi_statements
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
