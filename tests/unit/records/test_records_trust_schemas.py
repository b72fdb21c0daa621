"""Records that would crash the app never reach the store: restore, import and open
check each record against its kind's schema and set the bad ones aside, where the
person can see them (``quarantine.json`` and a count in the command's output)."""

import json
import math

import pytest

from trainer.cli import main
from trainer.export.backup import FORMAT, VERSION
from trainer.records.quarantine import QUARANTINE, count
from trainer.records.store import open_store, read_on_disk

T1, T2 = "2026-01-02T10:00:00+00:00", "2026-02-02T10:00:00+00:00"
GOOD = {"uid": "r1", "profile": "default", "title": "Mine", "date": "2026-01-02", "created": T1, "updated": T1}


def _write_backup(path, records):
    path.write_text(json.dumps({"format": FORMAT, "version": VERSION, "records": records}), encoding="utf-8")
    return path


BAD_RECORDS = [
    ("reflection", {**GOOD, "uid": "bad-date", "date": 123}),
    ("progress", {"uid": "bad-module", "profile": "default", "module": ["x"], "created": T1, "updated": T1}),
    (
        "progress",
        {"uid": "bad-pos", "profile": "default", "module": "m", "position": math.inf, "created": T1, "updated": T1},
    ),
    (
        "progress",
        {"uid": "nan-pos", "profile": "default", "module": "m2", "position": math.nan, "created": T1, "updated": T1},
    ),
]


@pytest.mark.parametrize("kind,rec", BAD_RECORDS, ids=[r["uid"] for _k, r in BAD_RECORDS])
def test_restore_sets_a_record_that_would_crash_the_app_aside(tmp_path, capsys, kind, rec):
    data = tmp_path / "data"
    open_store(data).close()
    backup = _write_backup(tmp_path / "b.json", {kind: [rec]})
    code = main(["restore", str(backup), "--data", str(data)])
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    assert rec["uid"] not in json.dumps(read_on_disk(data))
    if code == 0:
        assert "1 record could not be used" in out.out
        assert count(data) == 1
        assert QUARANTINE in out.out
    else:  # refused as a whole file (e.g. NaN is not JSON): one plain line
        assert code == 2 and len(out.err.strip().splitlines()) == 1


def test_restore_keeps_the_good_records_of_a_file_with_a_bad_one(tmp_path, capsys):
    data = tmp_path / "data"
    backup = _write_backup(tmp_path / "b.json", {"reflection": [GOOD, {**GOOD, "uid": "x", "date": 123}]})
    assert main(["restore", str(backup), "--data", str(data)]) == 0
    store = open_store(data)
    assert [r["uid"] for r in store.all("reflection")] == ["r1"]
    store.close()
    assert count(data) == 1


def test_a_nonsense_updated_time_does_not_overwrite_a_reflection(tmp_path, capsys):
    data = tmp_path / "data"
    store = open_store(data)
    store.import_record("reflection", GOOD)
    store.close()
    backup = _write_backup(tmp_path / "b.json", {"reflection": [{**GOOD, "title": "Theirs", "updated": "zzz"}]})
    assert main(["restore", str(backup), "--data", str(data)]) == 0
    store = open_store(data)
    titles = sorted(r["title"] for r in store.all("reflection"))
    store.close()
    assert "Mine" in titles
    assert count(data) == 1 or titles == ["Mine", "Theirs"]


def test_times_are_compared_as_times_not_as_text(tmp_path):
    from trainer.export.backup import restore

    store = open_store(tmp_path)
    store.import_record("reflection", {**GOOD, "updated": "2026-02-02T06:00:00+00:00"})
    # Later as text, but earlier as a time (10:00 at +05:00 is 05:00 UTC): not newer.
    theirs = {**GOOD, "title": "Theirs", "updated": "2026-02-02T10:00:00+05:00"}
    report = restore(store, {"format": FORMAT, "version": VERSION, "records": {"reflection": [theirs]}})
    assert [r["title"] for r in store.all("reflection")] == ["Mine"]
    assert report.older_skipped == 1
    store.close()


def test_open_sets_aside_records_that_would_crash_the_app(tmp_path):
    store = open_store(tmp_path)
    store.import_record("reflection", GOOD)
    store.import_record("reflection", {**GOOD, "uid": "bad", "date": 123})
    store.import_record("progress", {"uid": "p", "profile": "default", "module": ["x"]})
    store.close()
    reopened = open_store(tmp_path)
    assert [r["uid"] for r in reopened.all("reflection")] == ["r1"]
    assert reopened.all("progress") == []
    assert any("2 records could not be used" in n for n in reopened.notices)
    reopened.close()
    assert count(tmp_path) == 2
    assert "bad" not in json.dumps(read_on_disk(tmp_path))
    again = open_store(tmp_path)  # set aside once, not again at every start
    assert again.notices == [] and count(tmp_path) == 2
    again.close()


def test_read_only_open_leaves_bad_records_out_but_writes_nothing(tmp_path):
    store = open_store(tmp_path)
    store.import_record("reflection", {**GOOD, "uid": "bad", "date": 123})
    store.close()
    before = sorted(p.name for p in tmp_path.iterdir())
    ro = open_store(tmp_path, read_only=True)
    assert ro.all("reflection") == []
    assert any("could not be used" in n for n in ro.notices)
    ro.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_import_bundle_sets_aside_observations_the_app_cannot_show(tmp_path, capsys):
    from trainer.sessions.bundles import FORMAT as BFORMAT

    bundle = {
        "format": BFORMAT,
        "version": 1,
        "session": {"uid": "s1", "date": "not a date"},
        "learner": {"name": "Asha"},
        "observations": [{"uid": "o1", "round": 1, "observer_name": "Bo", "counts": {}}],
    }
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    data = tmp_path / "data"
    code = main(["import-bundle", str(path), "--data", str(data)])
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    store = open_store(data)
    assert store.all("observation") == []
    store.close()
    if code == 0:
        assert "could not be used" in out.out and count(data) == 1
    else:
        assert code == 2 and len(out.err.strip().splitlines()) == 1


def test_the_same_bad_record_is_set_aside_once(tmp_path):
    from trainer.records.quarantine import set_aside

    bad = [({**GOOD, "date": 123}, "field 'date': not a date")]
    set_aside(tmp_path, "reflection", bad, "a test")
    set_aside(tmp_path, "reflection", bad, "a test")
    assert count(tmp_path) == 1


def _nested(depth: int):
    value: list = []
    for _ in range(depth):
        value = [value]
    return value


def test_a_record_nested_too_deeply_is_set_aside_at_open(tmp_path):
    store = open_store(tmp_path)
    store.import_record("note", {"uid": "deep", "x": _nested(300)})
    store.import_record("note", {"uid": "fine", "x": _nested(5)})
    store.close()
    reopened = open_store(tmp_path)
    assert [r["uid"] for r in reopened.all("note")] == ["fine"]
    reopened.close()
    assert count(tmp_path) == 1


@pytest.mark.parametrize("command", ["restore", "import-bundle"])
def test_outside_files_nested_deeper_than_any_record_are_refused(tmp_path, capsys, command):
    from trainer.sessions.bundles import FORMAT as BFORMAT

    deep = _nested(300)
    if command == "restore":
        doc = {"format": FORMAT, "version": VERSION, "records": {"note": [{"uid": "d", "x": deep}]}}
    else:
        doc = {
            "format": BFORMAT,
            "version": 1,
            "session": {"uid": "s", "date": "2026-01-02"},
            "learner": {"name": "A"},
            "observations": [{"uid": "o", "round": 1, "observer_name": "B", "counts": {}, "items": {"s": {"x": deep}}}],
        }
    path = tmp_path / "f.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    data = tmp_path / "data"
    code = main([command, str(path), "--data", str(data)])
    out = capsys.readouterr()
    assert code == 2 and "nested too deeply" in out.err and len(out.err.strip().splitlines()) == 1
    assert "Traceback" not in out.err
