import json

import pytest

from trainer.records.store import open_store
from trainer.sessions.bundles import BundleError, build_bundles, import_bundle, read_bundle, write_bundles


@pytest.fixture
def exported(service, taster, seven, tmp_path):
    uid = seven["uid"]
    session = service.make_groups(uid, taster, seed=11)
    triad = next(g for g in session["rounds"][0]["groups"] if len(g) == 3)
    service.save_observation(uid, 0, triad[2], triad[0], "Lovely reflections", {"complex_reflection": 3})
    service.save_observation(uid, 1, triad[0], triad[1], "Clear scale question", {"open_question": 2})
    session = service.get(uid)
    bundles = build_bundles(session, service.observations(uid), {0: "Round 1"}, exported="2026-11-20T12:00:00")
    paths = write_bundles(tmp_path / "out", session, bundles)
    names = {p["id"]: p["name"] for p in session["participants"]}
    return {
        "paths": paths,
        "first": names[triad[0]],
        "second": names[triad[1]],
        "observer": names[triad[2]],
        "session": session,
    }


def test_one_file_per_observed_participant(exported):
    assert len(exported["paths"]) == 2
    data = [json.loads(p.read_text()) for p in exported["paths"]]
    learners = {d["learner"]["name"] for d in data}
    assert learners == {exported["first"], exported["second"]}
    first = next(d for d in data if d["learner"]["name"] == exported["first"])
    assert first["version"] == 1 and first["format"] == "practitioner-trainer/feedback-bundle"
    assert [o["note"] for o in first["observations"]] == ["Lovely reflections"]
    assert first["observations"][0]["round"] == 1 and first["observations"][0]["round_title"] == "Round 1"


def test_round_trip_into_another_data_folder_twice_is_idempotent(exported, tmp_path):
    path = next(p for p in exported["paths"] if json.loads(p.read_text())["learner"]["name"] == exported["first"])
    store = open_store(tmp_path / "learner")
    own = store.add("observation", {"profile": "me", "note": "my own record"})
    result = import_bundle(store, "me", path)
    assert (result.added, result.skipped) == (1, 0)
    assert "Added 1 observation from the session on 2026-11-20." == result.message()
    again = import_bundle(store, "me", path)
    assert (again.added, again.skipped) == (0, 1)
    store.close()
    store = open_store(tmp_path / "learner")  # read back from disk
    records = store.all("observation", profile="me")
    assert len(records) == 2
    imported = next(r for r in records if r["uid"] != own["uid"])
    assert imported["source"] == "team-session-bundle"
    assert imported["session_date"] == "2026-11-20" and imported["note"] == "Lovely reflections"
    assert imported["observer_name"] == exported["observer"]
    observer_id = next(p["id"] for p in exported["session"]["participants"] if p["name"] == exported["observer"])
    assert imported["observer_id"] == observer_id  # the xAPI instructor is this id in this session
    assert imported["counts"]["complex_reflection"] == 3
    assert store.get("observation", own["uid"])["note"] == "my own record"
    store.close()


def _bad(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_bad_bundles_are_refused_with_one_line_and_nothing_written(exported, tmp_path):
    good = json.loads(exported["paths"][0].read_text())
    cases = {
        "truncated.json": (exported["paths"][0].read_text()[:120], "not valid JSON"),
        "other.json": (json.dumps({"hello": 1}), "not a feedback bundle"),
        "newer.json": (json.dumps({**good, "version": 2}), "bundle version 2 is newer"),
        "noversion.json": (json.dumps({k: v for k, v in good.items() if k != "version"}), "field 'version' is missing"),
        "nolearner.json": (
            json.dumps({k: v for k, v in good.items() if k != "learner"}),
            "field 'learner': this field is required",
        ),
        "nocounts.json": (
            json.dumps({**good, "observations": [{k: v for k, v in good["observations"][0].items() if k != "counts"}]}),
            "field 'observations[1].counts': this field is required",
        ),
        "badcount.json": (
            json.dumps({**good, "observations": [{**good["observations"][0], "counts": {"hugs": 2}}]}),
            "unknown behaviour 'hugs'",
        ),
    }
    store = open_store(tmp_path / "learner")
    for name, (text, expected) in cases.items():
        path = _bad(tmp_path, name, text)
        with pytest.raises(BundleError) as info:
            import_bundle(store, "me", path)
        message = str(info.value)
        assert expected in message, (name, message)
        assert "\n" not in message and message.startswith(name)
    assert store.all("observation") == []
    store.close()
    with pytest.raises(BundleError, match="no such file"):
        read_bundle(tmp_path / "missing.json")


def test_imported_observation_reads_like_a_skills_observation(exported, tmp_path, sample_course):
    from trainer.competencies import coding
    from trainer.competencies.dashboard import summarise
    from trainer.content import load_content
    from trainer.services.ratings import RatingsService

    framework = load_content(sample_course).framework
    path = next(p for p in exported["paths"] if json.loads(p.read_text())["learner"]["name"] == exported["first"])
    store = open_store(tmp_path / "learner")
    import_bundle(store, "me", path)
    ratings = RatingsService(store, framework, "me")
    (obs,) = ratings.observations()
    assert obs["observer"] == exported["observer"] and obs["date"] == "2026-11-20"
    assert obs["counts"]["complex_reflection"] == 3
    assert coding.complex_share(obs["counts"]) == 1.0
    summaries = summarise(framework, ratings.self_assessments(), ratings.observations())
    assert len(summaries) == len(framework.skills)
    store.close()


def test_checklist_ratings_travel_in_the_bundle(service, taster, seven, tmp_path, sample_course):
    from trainer.content import load_content
    from trainer.services.ratings import RatingsService

    framework = load_content(sample_course).framework
    uid = seven["uid"]
    session = service.make_groups(uid, taster, seed=11)
    triad = next(g for g in session["rounds"][0]["groups"] if len(g) == 3)
    service.save_observation(
        uid,
        0,
        triad[2],
        triad[0],
        "Asked for her list first",
        {"open_question": 4},
        items={"agenda-setting": {"rating": 2, "said": "What shall we cover?"}},
        globals_={"partnership": 4},
    )
    session = service.get(uid)
    paths = write_bundles(
        tmp_path / "out", session, build_bundles(session, service.observations(uid), {0: "Round 1"}, exported="x")
    )
    store = open_store(tmp_path / "learner")
    import_bundle(store, "me", paths[0])
    (obs,) = RatingsService(store, framework, "me").observations()
    assert obs["items"]["agenda-setting"]["rating"] == 2 and obs["globals"]["partnership"] == 4
    store.close()


@pytest.mark.parametrize(
    "items, globals_",
    [
        ({"agenda-setting": {"rating": 7}}, {}),
        ({"agenda-setting": {"rating": 1, "said": 5}}, {}),
        ({}, {"partnership": 9}),
    ],
)
def test_bad_ratings_in_a_bundle_are_refused(exported, tmp_path, items, globals_):
    path = exported["paths"][0]
    data = json.loads(path.read_text())
    data["observations"][0]["items"] = items
    data["observations"][0]["globals"] = globals_
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    with pytest.raises(BundleError) as info:
        read_bundle(bad)
    assert "observations[1]" in str(info.value)
