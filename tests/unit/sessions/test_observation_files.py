"""Observation files: an observer's form saved on their own copy, imported by the trainer."""

import json

import pytest

from trainer.services.observation_import import import_observation_files
from trainer.sessions.observation_file import (
    ObservationFileError,
    build_observation_file,
    default_file_name,
    read_observation_file,
    write_observation_file,
)
from trainer.sessions.session_code import ALPHABET, is_code, normalise_code, session_code


@pytest.fixture
def grouped(service, taster, seven):
    uid = seven["uid"]
    session = service.make_groups(uid, taster, seed=11)
    names = {p["id"]: p["name"] for p in session["participants"]}
    triad = next(g for g in session["rounds"][1]["groups"] if len(g) == 3)
    return {
        "uid": uid,
        "session": session,
        "practitioner": names[triad[0]],
        "observer": names[triad[2]],
        "ids": triad,
        "code": session_code(uid),
    }


def form(grouped, **changes):
    fields = {
        "uid": "form-1",
        "session_code": grouped["code"],
        "round_number": 2,
        "practitioner": grouped["practitioner"],
        "observer": grouped["observer"],
        "note": "Asked for their list first.",
        "counts": {"open_question": 4, "complex_reflection": 2},
        "items": {"agenda-setting": {"rating": 2, "said": "What shall we cover?"}, "summarising": {"rating": "na"}},
        "globals_": {"partnership": 4, "empathy": None},
        "saved": "2026-11-20T15:10:00",
    }
    fields.update(changes)
    return build_observation_file(**fields)


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


def test_session_code_is_six_readable_characters_and_stable():
    code = session_code("2d6c0f7e-0000-4000-8000-000000000001")
    assert code == session_code("2d6c0f7e-0000-4000-8000-000000000001")
    assert code != session_code("2d6c0f7e-0000-4000-8000-000000000002")
    assert len(code) == 6 and all(ch in ALPHABET for ch in code)
    assert not set("0O1IL") & set(ALPHABET)
    assert normalise_code(f" {code[:3].lower()}-{code[3:]} ") == code and is_code(code.lower())
    assert not is_code("ABC12") and not is_code("ABCDE0")


def test_round_trip_keeps_the_observation_as_the_trainer_stores_it(grouped, tmp_path):
    data = form(grouped, session_code=grouped["code"].lower())
    assert default_file_name(2, "Asha  Patel") == "observation-round2-asha-patel.json"
    path = write_observation_file(tmp_path / "obs", data)
    assert path.name == "obs.json"
    read = read_observation_file(path)
    assert read.session_code == grouped["code"] and read.round == 2 and read.uid == "form-1"
    assert read.practitioner == grouped["practitioner"] and read.observer == grouped["observer"]
    obs = read.observation
    assert obs.note == "Asked for their list first."
    assert obs.counts["open_question"] == 4 and obs.counts["complex_reflection"] == 2 and len(obs.counts) == 8
    assert obs.items["agenda-setting"] == {"rating": 2, "said": "What shall we cover?"}
    assert obs.items["summarising"]["rating"] == "na" and obs.globals == {"partnership": 4, "empathy": None}


@pytest.mark.parametrize(
    "change, expected",
    [
        (lambda d: '{"format": "practitioner-trainer/obs', "x.json, line 1: not valid JSON"),
        (lambda d: {"hello": 1}, "x.json: not an observation file from Practitioner Trainer"),
        (lambda d: {**d, "format": "practitioner-trainer/feedback-bundle"}, "x.json: not an observation file"),
        (lambda d: {**d, "version": 2}, "x.json: observation file version 2 is newer than this app reads (version 1)"),
        (lambda d: {**d, "version": "1"}, "x.json: field 'version' is missing or not a whole number"),
        (lambda d: {**d, "version": 0}, "x.json: observation file version 0 is not known"),
        (lambda d: {k: v for k, v in d.items() if k != "uid"}, "x.json: field 'uid': this field is required"),
        (lambda d: {**d, "uid": " "}, "x.json: field 'uid': this field is empty"),
        (lambda d: {**d, "session_code": "ABC"}, "x.json: field 'session_code': expected the 6-character session code"),
        (lambda d: {**d, "round": 0}, "x.json: field 'round': expected a number of at least 1"),
        (lambda d: {**d, "round": "two"}, "x.json: field 'round': expected a whole number"),
        (
            lambda d: {k: v for k, v in d.items() if k != "practitioner"},
            "x.json: field 'practitioner': this field is required",
        ),
        (lambda d: {**d, "observer": ""}, "x.json: field 'observer': this field is empty"),
        (
            lambda d: {k: v for k, v in d.items() if k != "observation"},
            "x.json: field 'observation': this field is required",
        ),
        (lambda d: {**d, "observation": {"note": "x"}}, "x.json: field 'observation.counts': this field is required"),
        (
            lambda d: {**d, "observation": {**d["observation"], "counts": {"hugs": 2}}},
            "x.json: field 'observation.counts': unknown behaviour 'hugs'",
        ),
        (
            lambda d: {**d, "observation": {**d["observation"], "counts": {"summary": -1}}},
            "x.json: field 'observation.counts': counts cannot be negative",
        ),
        (
            lambda d: {**d, "observation": {**d["observation"], "items": {"agenda-setting": {"rating": 3}}}},
            "x.json: field 'observation.items': skill 'agenda-setting': expected a rating of 0, 1, 2",
        ),
        (
            lambda d: {**d, "observation": {**d["observation"], "globals": {"empathy": 9}}},
            "x.json: field 'observation.globals': 'empathy': expected a whole number from 1 to 5",
        ),
    ],
)
def test_every_bad_file_gives_one_line_naming_the_field(grouped, tmp_path, change, expected):
    path = write(tmp_path, "x.json", change(form(grouped)))
    with pytest.raises(ObservationFileError) as err:
        read_observation_file(path)
    assert str(err.value).startswith(expected), str(err.value)
    assert "\n" not in str(err.value)


def test_missing_and_binary_files(tmp_path):
    with pytest.raises(ObservationFileError, match="no such file"):
        read_observation_file(tmp_path / "gone.json")
    (tmp_path / "bin.json").write_bytes(b"\xff\xfe\x00")
    with pytest.raises(ObservationFileError, match="bin.json: not a text file"):
        read_observation_file(tmp_path / "bin.json")


def test_import_stores_it_as_if_typed_by_the_trainer_and_only_once(service, grouped, tmp_path):
    uid = grouped["uid"]
    path = write_observation_file(tmp_path / "a.json", form(grouped))
    summary = import_observation_files(service, uid, [path])
    assert summary.message() == "1 form added" and summary.problems() == []
    saved = service.observations(uid)
    assert len(saved) == 1
    rec = saved[0]
    learner, _, observer = grouped["ids"]
    assert (rec["round"], rec["learner"], rec["observer"]) == (1, learner, observer)
    assert rec["learner_name"] == grouped["practitioner"] and rec["observer_name"] == grouped["observer"]
    assert rec["note"] == "Asked for their list first." and rec["counts"]["open_question"] == 4
    assert rec["items"]["agenda-setting"]["rating"] == 2 and rec["globals"]["partnership"] == 4
    assert rec["skill"] == grouped["session"]["rounds"][1]["skill"] and rec["form_uid"] == "form-1"
    assert rec["uid"] in service.get(uid)["rounds"][1]["observations"]
    # The trainer's own form finds it like one typed on this computer.
    assert service.find_observation(uid, 1, observer, learner)["uid"] == rec["uid"]

    copy = write(tmp_path, "copy.json", json.loads(path.read_text()))  # the same form, renamed
    again = import_observation_files(service, uid, [path, copy])
    assert again.message() == "2 forms already there"
    assert again.problems() == ["a.json: already added.", "copy.json: already added."]
    assert len(service.observations(uid)) == 1 and len(service.get(uid)["rounds"][1]["observations"]) == 1


def test_names_match_whatever_the_case_and_spacing(service, grouped, tmp_path):
    shouted = "  " + grouped["practitioner"].upper().replace(" ", "   ") + " "
    path = write_observation_file(
        tmp_path / "a.json", form(grouped, practitioner=shouted, observer=grouped["observer"].lower())
    )
    assert import_observation_files(service, grouped["uid"], [path]).message() == "1 form added"
    rec = service.observations(grouped["uid"])[0]
    assert rec["learner_name"] == grouped["practitioner"] and rec["observer"] == grouped["ids"][2]


def test_an_observer_not_on_the_roster_is_kept_by_name(service, grouped, tmp_path):
    path = write_observation_file(tmp_path / "a.json", form(grouped, observer="Visiting Tutor"))
    assert import_observation_files(service, grouped["uid"], [path]).message() == "1 form added"
    assert service.observations(grouped["uid"])[0]["observer_name"] == "Visiting Tutor"


def test_each_file_is_checked_against_the_open_session(service, taster, grouped, tmp_path):
    uid = grouped["uid"]
    names = {p["id"]: p["name"] for p in grouped["session"]["participants"]}
    other_round = next(
        names[pid] for g in grouped["session"]["rounds"][1]["groups"] for pid in g if pid not in grouped["ids"]
    )
    not_in_round = service.add_participant(uid, "Hana Late")["name"]  # added after the groups were made
    later = service.create(taster, title="Next week", date="2026-11-27")
    files = {
        "good.json": form(grouped),
        "wrong-code.json": form(grouped, uid="f2", session_code="AAAAAA"),
        "later.json": form(grouped, uid="f3", session_code=session_code(later["uid"])),
        "round.json": form(grouped, uid="f4", round_number=9),
        "name.json": form(grouped, uid="f5", practitioner="Asha Patl"),
        "late.json": form(grouped, uid="f6", practitioner=not_in_round),
        "self.json": form(grouped, uid="f7", observer=grouped["practitioner"].lower()),
        "twice.json": form(grouped, uid="f8"),  # same round, observer and practitioner as good.json
        "cut.json": '{"format": "practitioner-trainer/observation", "vers',
    }
    paths = [write(tmp_path, name, data) for name, data in files.items()]
    summary = import_observation_files(service, uid, paths)
    assert summary.message() == "1 form added, 2 for another session, 6 not added"
    problems = summary.problems()
    code = grouped["code"]
    assert problems[0] == f"wrong-code.json: for another session (code AAAAAA; this session's code is {code})."
    assert problems[1].startswith("later.json: for the session 'Next week' of 2026-11-27; open that session")
    assert problems[2] == "round.json: round 9 does not exist; this session has 3 practice rounds."
    assert problems[3] == (
        "name.json: no one called 'Asha Patl' is on the roster; check the spelling with the observer."
    )
    assert problems[4] == "late.json: Hana Late is not in the groups of round 2."
    assert problems[5].startswith("self.json: the observer and the practitioner are the same person")
    assert problems[6].startswith(
        f"twice.json: round 2 already has notes from {grouped['observer']} on "
        f"{grouped['practitioner']}; they were not replaced"
    )
    assert problems[7].startswith("cut.json, line 1: not valid JSON")
    assert len(service.observations(uid)) == 1
    assert other_round  # someone else in round 2 exists, and nothing was stored about them


def test_a_session_without_groups_says_so(service, taster, tmp_path):
    session = service.create(taster, title="No groups yet", date="2026-11-20")
    service.add_participant(session["uid"], "Asha Patel")
    data = build_observation_file(
        uid="u1",
        session_code=session_code(session["uid"]),
        round_number=1,
        practitioner="Asha Patel",
        observer="Ben Okafor",
    )
    path = write_observation_file(tmp_path / "a.json", data)
    summary = import_observation_files(service, session["uid"], [path])
    assert summary.problems() == ["a.json: this session has no groups yet; make the groups first."]
    assert summary.message() == "1 form not added"


def test_building_a_form_refuses_what_the_trainer_could_not_use(grouped):
    with pytest.raises(ObservationFileError, match="the form: field 'session_code'"):
        form(grouped, session_code="12345")
    with pytest.raises(ObservationFileError, match="the form: field 'practitioner': this field is empty"):
        form(grouped, practitioner="   ")


def test_imported_forms_reach_the_feedback_bundle_and_the_report(service, taster, grouped, tmp_path):
    from trainer.records.store import open_store
    from trainer.sessions.bundles import build_bundles, import_bundle, write_bundles
    from trainer.sessions.report import render_report_html

    uid = grouped["uid"]
    import_observation_files(service, uid, [write_observation_file(tmp_path / "a.json", form(grouped))])
    session = service.get(uid)
    bundles = build_bundles(session, service.observations(uid))
    paths = write_bundles(tmp_path / "out", session, bundles)
    assert len(paths) == 1
    bundle = json.loads(paths[0].read_text())
    assert bundle["learner"]["name"] == grouped["practitioner"]
    assert bundle["observations"][0]["observer_name"] == grouped["observer"]
    assert bundle["observations"][0]["items"]["summarising"]["rating"] == "na"
    learner = open_store(tmp_path / "learner")
    assert import_bundle(learner, "me", paths[0]).added == 1  # an n/a rating reads back too
    learner.close()
    html = render_report_html(session, taster, service.observations(uid), include_names=True)
    assert grouped["practitioner"] in html
