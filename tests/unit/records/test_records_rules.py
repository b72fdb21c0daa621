"""The store's smaller rules one by one: messages, the quarantine, the v0 migration,
adding many records. Each test kills mutants that the broader store tests let
live (scripts/mutation_score.py)."""

import errno
import json

import pytest

from trainer.records import quarantine
from trainer.records.errors import ReadOnlyStoreError, StoreLockedError, not_writable_message
from trainer.records.files import META, META_ID
from trainer.records.migrations import (
    DEFAULT_PROFILE,
    DEFAULT_PROFILE_NAME,
    SCHEMA_VERSION,
    _v0_to_v1,
    migrate,
    newer_message,
    schema_of,
)
from trainer.records.store import memory_store

NOW = "2026-05-05T00:00:00+00:00"

# -- messages ------------------------------------------------------------------


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT])
def test_a_full_disk_is_named(code):
    assert not_writable_message("/d", OSError(code, "No space")) == (
        "The data folder /d cannot be written to because the disk is full: free some space, then try again."
    )


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES, errno.EPERM])
def test_a_read_only_folder_is_named(code):
    assert not_writable_message("/d", OSError(code, "No")) == (
        "The data folder /d cannot be written to (it is read-only or you do not have "
        "permission): make it writable, or choose another folder with --data."
    )


def test_any_other_error_gives_its_reason():
    assert not_writable_message("/d", OSError(errno.EIO, "I/O error")) == (
        "The data folder /d cannot be used (I/O error): check the folder, or choose another one with --data."
    )
    assert "cannot be used (plain words)" in not_writable_message("/d", OSError("plain words"))


def test_a_read_only_store_error_is_a_permission_error_in_words():
    exc = ReadOnlyStoreError()
    assert isinstance(exc, PermissionError) and exc.errno == 13
    assert str(exc) == (
        "These records are open read-only because another copy "
        "of Practitioner Trainer is using the data folder; nothing can be saved here."
    )
    assert exc.strerror == str(exc)
    assert str(ReadOnlyStoreError("no")) == "no"


def test_a_locked_store_error_keeps_its_owner():
    assert StoreLockedError("x", {"pid": 1}).owner == {"pid": 1}
    assert StoreLockedError("x").owner == {}


def test_a_newer_format_is_explained():
    assert newer_message(7) == (
        "These records were saved by a newer version of Practitioner Trainer "
        f"(records format 7; this version understands up to {SCHEMA_VERSION}). "
        "Nothing has been changed. Please install the newer version to open them."
    )


# -- quarantine ----------------------------------------------------------------


def test_the_quarantine_line_counts_in_words(tmp_path):
    path = tmp_path / "quarantine.json"
    assert quarantine.describe(1, None) == "1 record could not be used and was left out."
    assert quarantine.describe(2, None) == "2 records could not be used and were left out."
    assert quarantine.describe(0, None) == "0 records could not be used and were left out."
    assert quarantine.describe(1, path) == (
        f"1 record could not be used and was set aside in {path} (nothing was deleted)."
    )
    assert quarantine.describe(3, path) == (
        f"3 records could not be used and were set aside in {path} (nothing was deleted)."
    )


def test_set_aside_writes_kind_source_reason_time_and_record(tmp_path):
    path = quarantine.set_aside(tmp_path, "reflection", [({"uid": "a", "date": 123}, "date: not a date")], "a backup")
    assert path == tmp_path / "quarantine.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "practitioner-trainer-quarantine"
    [item] = data["records"]
    assert item["kind"] == "reflection" and item["source"] == "a backup" and item["why"] == "date: not a date"
    assert item["record"] == {"uid": "a", "date": 123}
    assert item["when"].endswith("+00:00") and len(item["when"]) == 25
    assert path.read_text(encoding="utf-8").endswith("}\n")
    assert quarantine.count(tmp_path) == 1


def test_set_aside_keeps_what_is_there_and_adds(tmp_path):
    quarantine.set_aside(tmp_path, "reflection", [({"uid": "a"}, "why")], "one")
    quarantine.set_aside(tmp_path, "goal", [({"uid": "a"}, "why")], "two")  # same record, other kind: new
    quarantine.set_aside(tmp_path, "reflection", [({"uid": "a"}, "why"), ({"uid": "b"}, "why")], "three")
    items = json.loads((tmp_path / "quarantine.json").read_text())["records"]
    assert [(i["kind"], i["record"]["uid"], i["source"]) for i in items] == [
        ("reflection", "a", "one"),
        ("goal", "a", "two"),
        ("reflection", "b", "three"),
    ]


def test_non_ascii_text_is_kept_readable(tmp_path):
    quarantine.set_aside(tmp_path, "reflection", [({"title": "café"}, "why")], "one")
    assert "café" in (tmp_path / "quarantine.json").read_text(encoding="utf-8")


def test_nothing_new_to_set_aside_writes_nothing(tmp_path):
    path = quarantine.set_aside(tmp_path, "reflection", [({"uid": "a"}, "why")], "one")
    before = path.read_bytes()
    path.write_bytes(before.replace(b"\n", b"\r\n"))  # a change set_aside would undo if it wrote
    assert quarantine.set_aside(tmp_path, "reflection", [({"uid": "a"}, "why")], "two") == path
    assert path.read_bytes() == before.replace(b"\n", b"\r\n")


def test_an_empty_batch_still_creates_the_file_once(tmp_path):
    path = quarantine.set_aside(tmp_path, "reflection", [], "one")
    assert json.loads(path.read_text())["records"] == []


@pytest.mark.parametrize("text", ["{broken", '{"records": 5}', "[1, 2]", "[" * 100_000])
def test_a_damaged_quarantine_is_kept_and_a_new_one_started(tmp_path, text):
    (tmp_path / "quarantine.json").write_text(text)
    assert quarantine.count(tmp_path) == 0
    path = quarantine.set_aside(tmp_path, "reflection", [({"uid": "a"}, "why")], "one")
    assert path.name.startswith("quarantine-") and path.name.endswith(".json") and path.parent == tmp_path
    assert len(path.name) == len("quarantine-20260505-101010-123456.json")
    assert (tmp_path / "quarantine.json").read_text() == text
    assert len(json.loads(path.read_text())["records"]) == 1


def test_a_quarantine_with_a_byte_order_mark_is_read(tmp_path):
    (tmp_path / "quarantine.json").write_text('\ufeff{"records": [{"kind": "goal", "record": {}}]}', encoding="utf-8")
    assert quarantine.count(tmp_path) == 1


def test_a_record_too_deep_to_write_is_replaced_by_a_note(tmp_path):
    deep: list = []
    for _ in range(100_000):
        deep = [deep]
    path = quarantine.set_aside(tmp_path, "reflection", [(deep, "nested too deeply")], "one")
    [item] = json.loads(path.read_text())["records"]
    assert item["record"] == "(this record is nested too deeply to keep)"
    # the same record again is told apart by identity only: no crash, one more entry
    quarantine.set_aside(tmp_path, "reflection", [(deep, "again")], "two")
    assert quarantine.count(tmp_path) == 2


def test_records_that_differ_only_in_key_order_are_the_same(tmp_path):
    quarantine.set_aside(tmp_path, "goal", [({"a": 1, "b": 2}, "why")], "one")
    quarantine.set_aside(tmp_path, "goal", [({"b": 2, "a": 1}, "why")], "two")
    assert quarantine.count(tmp_path) == 1


# -- migration from v0 ---------------------------------------------------------


def test_schema_of_reads_the_meta_table():
    assert schema_of({}) == 0
    assert schema_of({META: {META_ID: {"schema": 1}}}) == 1
    assert schema_of({META: {META_ID: {"schema": "x"}}}) == 0
    assert schema_of({META: {META_ID: {"schema": None}}}) == 0
    assert schema_of({META: {META_ID: {}}}) == 0


def test_v0_records_get_times_and_the_default_profile():
    data = {"reflection": {"1": {"uid": "r1", "title": "t"}, "2": {"title": "u", "created": "2020-01-01"}}}
    out, steps = migrate(data, NOW)
    assert steps == [0]
    first, second = out["reflection"]["1"], out["reflection"]["2"]
    assert first == {"uid": "r1", "title": "t", "created": NOW, "updated": NOW, "profile": DEFAULT_PROFILE}
    assert second["created"] == "2020-01-01" and second["updated"] == "2020-01-01"
    assert isinstance(second["uid"], str) and second["uid"]
    assert out["profiles"] == {
        "1": {"uid": "default", "name": DEFAULT_PROFILE_NAME, "profile": "default", "created": NOW, "updated": NOW}
    }
    assert out[META] == {META_ID: {"schema": 1}}


def test_v0_profiles_are_their_own_profile_and_new_ones_are_numbered_after_them():
    data = {
        "profiles": {"3": {"uid": "p1", "name": "Asha"}, "x": {"uid": "p2", "name": "Bo"}},
        "reflection": {"1": {"uid": "r1", "profile": "zed"}, "2": {"uid": "r2", "profile": "alf"}},
        "goal": {"1": {"uid": "g1", "profile": "p1", "updated": "2021-01-01"}},
    }
    out = _v0_to_v1(data, NOW)
    assert out["profiles"]["3"]["profile"] == "p1" and out["profiles"]["x"]["profile"] == "p2"
    assert out["goal"]["1"]["updated"] == "2021-01-01" and out["goal"]["1"]["profile"] == "p1"
    assert out["profiles"]["4"] == {"uid": "alf", "name": "alf", "profile": "alf", "created": NOW, "updated": NOW}
    assert out["profiles"]["5"]["uid"] == "zed"
    assert sorted(out["profiles"]) == ["3", "4", "5", "x"]


def test_v0_records_this_app_did_not_make_are_left_for_the_schema_check():
    data = {"reflection": {"1": {"uid": 5}, "2": {"uid": "r2", "profile": ["x"]}, "3": {"uid": "r3", "profile": None}}}
    out = _v0_to_v1(data, NOW)
    assert out["reflection"]["1"] == {"uid": 5}
    assert out["reflection"]["2"] == {"uid": "r2", "profile": ["x"]}
    assert out["reflection"]["3"]["profile"] == DEFAULT_PROFILE
    assert [p["uid"] for p in out["profiles"].values()] == [DEFAULT_PROFILE]


def test_v0_meta_keeps_what_it_had():
    data = {META: {META_ID: {"note": "kept"}}, "goal": {}}
    out = _v0_to_v1(data, NOW)
    assert out[META] == {META_ID: {"note": "kept", "schema": 1}}
    assert out["profiles"] == {}


def test_v0_profile_entries_without_a_text_uid_do_not_count_as_known():
    data = {"profiles": {"1": {"uid": 7}}, "goal": {"1": {"uid": "g", "profile": "default"}}}
    out = _v0_to_v1(data, NOW)
    assert out["profiles"]["2"]["uid"] == "default"


# -- adding many ---------------------------------------------------------------


def test_add_many_keeps_uids_and_times_and_fills_what_is_missing():
    store = memory_store(clock=lambda: NOW)
    recs = store.add_many("goal", [{"uid": "a", "created": "2020", "updated": "2021"}, {"title": "b"}])
    assert recs[0] == {"uid": "a", "created": "2020", "updated": "2021"}
    assert recs[1]["created"] == NOW and recs[1]["updated"] == NOW and recs[1]["uid"]
    assert store.get("goal", "a") == recs[0]
    assert store.get("goal", recs[1]["uid"]) == recs[1]


def test_add_many_of_nothing_adds_nothing():
    store = memory_store()
    assert store.add_many("goal", []) == []
    assert store.all("goal") == []


@pytest.mark.parametrize("uid", ["", 5, None])
def test_add_many_refuses_a_uid_that_is_not_text(uid):
    store = memory_store()
    with pytest.raises(ValueError, match=r"^a 'goal' record needs a text uid, not "):
        store.add_many("goal", [{"uid": uid}])
    assert store.all("goal") == []


def test_add_many_refuses_a_uid_already_there_or_twice_in_the_batch():
    store = memory_store()
    store.add("goal", {"uid": "a"})
    store.get("goal", "a")  # builds the uid index
    with pytest.raises(ValueError, match=r"^a 'goal' record with the uid a already exists$"):
        store.add_many("goal", [{"uid": "b"}, {"uid": "a"}])
    with pytest.raises(ValueError, match="uid c already exists"):
        store.add_many("goal", [{"uid": "c"}, {"uid": "c"}])
    fresh = memory_store()
    fresh.add("goal", {"uid": "a"})  # no index built yet: the table itself is checked
    with pytest.raises(ValueError, match="uid a already exists"):
        fresh.add_many("goal", [{"uid": "a"}])
    assert [r["uid"] for r in store.all("goal")] == ["a"]


def test_add_many_does_not_change_the_callers_dicts():
    store = memory_store()
    mine = {"title": "x"}
    store.add_many("goal", [mine])
    assert mine == {"title": "x"}


def test_records_added_many_are_found_by_uid_afterwards():
    store = memory_store()
    store.add("goal", {"uid": "a"})
    assert store.get("goal", "a")
    store.add_many("goal", [{"uid": "b"}])
    assert store.get("goal", "b")["uid"] == "b"


# -- schema messages, JSON errors, backups -------------------------------------


def test_the_schema_names_the_field_and_why():
    from trainer.records.schemas import problem

    assert problem("reflection", ["x"]) == "it is not a record (a set of named fields)"
    assert problem("progress", {"uid": "p", "module": "m", "position": float("nan")}) == (
        "field 'position': Value error, expected a finite number"
    )
    why = problem("observation", {"uid": "o", "items": {"a": 1}})
    assert why.startswith("field 'items.a': ")
    assert problem("reflection", {"uid": "r", "date": "2026-03-04T10:00"}) is None


def test_the_schema_says_when_a_record_is_too_deep(monkeypatch):
    from trainer.records import schemas

    class Deep:
        @staticmethod
        def model_validate(record):
            raise RecursionError

    monkeypatch.setattr(schemas, "_model", lambda kind: Deep)
    assert schemas.problem("reflection", {"uid": "r"}) == "it is nested too deeply"


def test_bad_json_keeps_its_reason_and_line():
    from trainer.records.safe_json import BadJson, loads

    exc = BadJson("why", 3)
    assert str(exc) == "why" and exc.reason == "why" and exc.line == 3
    assert BadJson("why").line is None
    with pytest.raises(BadJson) as caught:
        loads('{\n"a": }')
    assert caught.value.line == 2 and str(caught.value).startswith("not valid JSON (")
