"""Malformed observation files (nesting 100,000 deep, a 5,000-digit number, NaN, a
byte order mark): one plain line each, and the good files of a batch are still added."""

import json

import pytest

from trainer.services.observation_import import ADDED, NOT_ADDED, import_observation_files
from trainer.sessions.observation_file import ObservationFileError, build_observation_file, read_observation_file
from trainer.sessions.session_code import session_code

HOSTILE = {
    "deep": "[" * 100_000 + "]" * 100_000,
    "long-number": '{"format": "practitioner-trainer/observation", "version": 1' + "0" * 5000 + "}",
    "huge-integer": '{"round": ' + "9" * 5000 + "}",
    "nan": '{"format": "practitioner-trainer/observation", "version": NaN}',
}


@pytest.fixture
def grouped(service, taster, seven):
    session = service.make_groups(seven["uid"], taster, seed=11)
    names = {p["id"]: p["name"] for p in session["participants"]}
    triad = next(g for g in session["rounds"][1]["groups"] if len(g) == 3)
    return {
        "uid": seven["uid"],
        "practitioner": names[triad[0]],
        "observer": names[triad[2]],
        "third": names[triad[1]],
        "code": session_code(seven["uid"]),
    }


def _form(grouped, uid, observer):
    return build_observation_file(
        uid=uid,
        session_code=grouped["code"],
        round_number=2,
        practitioner=grouped["practitioner"],
        observer=observer,
        note="ok",
        counts={"open_question": 1},
    )


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_malformed_file_gives_one_plain_line(tmp_path, name):
    path = tmp_path / f"{name}.json"
    path.write_text(HOSTILE[name], encoding="utf-8")
    with pytest.raises(ObservationFileError) as caught:
        read_observation_file(path)
    assert "\n" not in str(caught.value) and path.name in str(caught.value)


def test_a_byte_order_mark_is_accepted(grouped, tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(_form(grouped, "f1", grouped["observer"])).encode("utf-8"))
    assert read_observation_file(path).uid == "f1"


def test_the_good_files_after_a_bad_one_are_still_added(service, grouped, tmp_path):
    first, last = tmp_path / "a.json", tmp_path / "z.json"
    first.write_text(json.dumps(_form(grouped, "f1", grouped["observer"])), encoding="utf-8")
    last.write_text(json.dumps(_form(grouped, "f2", grouped["third"])), encoding="utf-8")
    bad = []
    for name, text in sorted(HOSTILE.items()):
        bad.append(tmp_path / f"{name}.json")
        bad[-1].write_text(text, encoding="utf-8")
    summary = import_observation_files(service, grouped["uid"], [first, *bad, last])
    assert [r.status for r in summary.results] == [ADDED] + [NOT_ADDED] * len(bad) + [ADDED]
