"""`trainer demo` fills every feature with an invented learner's records."""

from trainer.content import load_content
from trainer.records.store import open_store
from trainer.tools.demo_records import make_demo


def test_demo_fills_each_feature_and_replaces_itself(tmp_path, sample_course):
    content = load_content(sample_course)
    lines = make_demo(tmp_path, content)
    assert any(line.startswith("skill ratings") for line in lines)
    store = open_store(tmp_path)
    try:
        kinds = {k: len(store.all(k)) for k in store.kinds()}
    finally:
        store.close()
    for kind in (
        "progress",
        "reflection",
        "goal",
        "goal_checkin",
        "self_assessment",
        "observation",
        "scenario_attempt",
        "scenario_spot",
    ):
        assert kinds.get(kind, 0) >= 1, (kind, kinds)
    make_demo(tmp_path, content)  # again: the demo learner is replaced, not doubled
    store = open_store(tmp_path)
    try:
        assert len(store.all("self_assessment")) == kinds["self_assessment"]
        assert len(store.all("goal")) == 1
    finally:
        store.close()
