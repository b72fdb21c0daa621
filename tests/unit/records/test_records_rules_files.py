"""The store's file rules, part two: schemas, bad JSON, backups, damaged files, locks."""

import json
import math

import pytest

from trainer.records import quarantine
from trainer.records.errors import ReadOnlyStoreError, StoreLockedError
from trainer.records.files import META, META_ID
from trainer.records.migrations import (
    DEFAULT_PROFILE,
    _v0_to_v1,
    schema_of,
)
from trainer.records.store import memory_store

NOW = "2026-05-05T00:00:00+00:00"


def _put(seq, uid, **fields):
    return {"seq": seq, "op": "put", "kind": "goal", "rec": {"uid": uid, **fields}}


def test_a_damaged_backup_is_passed_over_for_an_older_good_one(tmp_path):
    from trainer.records.backups import newest_good_backup

    old = tmp_path / "backups" / "20260101-000000-000000"
    new = tmp_path / "backups" / "20260102-000000-000000"
    for folder in (old, new):
        folder.mkdir(parents=True)
    (old / "records.json").write_text(json.dumps({"goal": {}}))
    (new / "records.json").write_text("{damaged")
    path, loaded = newest_good_backup(tmp_path)
    assert path == old and loaded.data == {"goal": {}}


def test_backups_are_named_by_their_reason(tmp_path):
    from trainer.records.store import open_store

    store = open_store(tmp_path)
    store.add("goal", {"title": "x"})
    assert store.backup("before-delete").name.endswith("-before-delete")
    assert store.backup().name.endswith("-manual")
    first = store.backup("x")
    before = store.restore_backup(first)
    assert before.name.endswith("-before-restore")
    store.close()


# -- reading the records files -------------------------------------------------


def test_a_damaged_file_error_names_the_path_the_reason_and_the_detail(tmp_path):
    from trainer.records.files import CorruptFile

    plain = CorruptFile(tmp_path / "r.json", "it is cut short")
    assert str(plain) == f"{tmp_path / 'r.json'}: it is cut short"
    assert (plain.path, plain.reason, plain.detail) == (tmp_path / "r.json", "it is cut short", "")
    full = CorruptFile(str(tmp_path / "r.json"), "it is cut short", "line 1")
    assert str(full) == f"{tmp_path / 'r.json'}: it is cut short (line 1)"
    assert full.path == tmp_path / "r.json" and full.detail == "line 1"


@pytest.mark.parametrize(
    "raw,reason",
    [
        (b"", "the file is empty"),
        (b"  \n", "the file is empty"),
        (b"\xff\xfe", "the file is not text"),
        (b'{"goal": ', "it is cut short or damaged"),
        (b"[1]", "it does not hold a set of record tables"),
        (b'{"goal": [1]}', "the table 'goal' is not a set of records"),
        (b'{"goal": {"x": {}}}', "the table 'goal' has a record without a number"),
    ],
)
def test_a_records_file_that_cannot_be_used_says_why(tmp_path, raw, reason):
    from trainer.records.files import CorruptFile, parse_snapshot

    with pytest.raises(CorruptFile) as caught:
        parse_snapshot(tmp_path / "records.json", raw)
    assert caught.value.reason == reason and caught.value.path == tmp_path / "records.json"


def test_a_nan_in_a_records_file_is_left_to_the_record_check(tmp_path):
    from trainer.records.files import parse_snapshot

    data = parse_snapshot(tmp_path / "records.json", b'{"progress": {"1": {"uid": "p", "position": NaN}}}')
    assert math.isnan(data["progress"]["1"]["position"])


@pytest.mark.parametrize(
    "op,usable",
    [
        ({"seq": 1, "op": "put", "kind": "goal", "rec": {"uid": "a"}}, True),
        ({"seq": 1, "op": "del", "kind": "goal", "uid": "a"}, True),
        ({"seq": "1", "op": "put", "kind": "goal", "rec": {"uid": "a"}}, False),
        ({"seq": 1, "op": "move", "kind": "goal", "rec": {"uid": "a"}}, False),
        ({"seq": 1, "op": "put", "kind": "", "rec": {"uid": "a"}}, False),
        ({"seq": 1, "op": "put", "kind": "_meta", "rec": {"uid": "a"}}, False),
        ({"seq": 1, "op": "put", "kind": "goal", "rec": {"uid": ""}}, False),
        ({"seq": 1, "op": "del", "kind": "goal", "uid": 5}, False),
        ([1, 2], False),
    ],
)
def test_only_journal_lines_this_version_can_replay_are_usable(op, usable):
    from trainer.records.files import _usable_op

    assert _usable_op(op) is usable


def test_the_process_with_pid_one_is_alive():
    from trainer.records.lock import pid_alive

    assert pid_alive(1) is True


def test_a_read_only_store_error_carries_its_message_as_argument():
    assert ReadOnlyStoreError("no").args == (13, "no")


def test_a_number_too_large_is_quoted_to_twenty_characters():
    from trainer.records.safe_json import BadJson, loads

    with pytest.raises(BadJson, match=r"^the number 1234567890123456789e is too large$"):
        loads("[1234567890123456789e999999]")


def test_v0_tables_after_the_meta_table_are_migrated_too():
    data = {META: {META_ID: {}}, "goal": {"1": {"uid": "g"}}}
    out = _v0_to_v1(data, NOW)
    assert out["goal"]["1"]["profile"] == DEFAULT_PROFILE and out["goal"]["1"]["created"] == NOW


def test_a_cut_short_records_file_keeps_the_parsers_words_for_doctor(tmp_path):
    from trainer.records.files import CorruptFile, parse_snapshot

    with pytest.raises(CorruptFile) as caught:
        parse_snapshot(tmp_path / "records.json", b'{"goal": ')
    assert caught.value.detail.startswith("not valid JSON (")


def test_records_that_are_not_plain_json_can_still_be_set_aside(tmp_path):
    from datetime import datetime

    odd = {"uid": "a", "when": datetime(2026, 3, 4), "tags": {"x"}}
    path = quarantine.set_aside(tmp_path, "goal", [(odd, "why")], "one")
    [item] = json.loads(path.read_text())["records"]
    assert item["record"]["when"] == "2026-03-04 00:00:00"
    assert quarantine.set_aside(tmp_path, "goal", [(odd, "why")], "two") == path  # the same: not added twice
    assert quarantine.count(tmp_path) == 1


def test_the_quarantine_file_is_indented_by_one_space(tmp_path):
    path = quarantine.set_aside(tmp_path, "goal", [({"uid": "a"}, "why")], "one")
    assert path.read_text().splitlines()[:2] == ["{", ' "format": "practitioner-trainer-quarantine",']


def test_file_stamps_are_in_utc_whatever_the_local_time(tmp_path, monkeypatch):
    import time
    from datetime import UTC, datetime

    from trainer.records import backend

    monkeypatch.setenv("TZ", "Pacific/Kiritimati")  # UTC+14: never the same hour as UTC
    time.tzset()
    try:
        hour = datetime.now(UTC).strftime("%H")
        assert backend._stamp()[9:11] == hour
        (tmp_path / "quarantine.json").write_text("{damaged")
        path = quarantine.set_aside(tmp_path, "goal", [({"uid": "a"}, "why")], "one")
        assert path.name[len("quarantine-") :][9:11] == hour
    finally:
        monkeypatch.undo()
        time.tzset()


def test_the_quick_check_hands_the_record_itself_to_the_schema():
    from trainer.records.record_check import problem

    assert problem("reflection", {"uid": "r", "date": 123}).startswith("field 'date': ")


def test_a_lock_in_a_new_nested_folder_is_made_readable_by_all(tmp_path):
    import os

    from trainer.records.lock import DataLock

    lock = DataLock(tmp_path / "a" / "b").acquire()
    old = os.umask(0)
    os.umask(old)
    assert (tmp_path / "a" / "b" / "records.lock").stat().st_mode & 0o777 == 0o644 & ~old
    lock.release()


def test_a_refused_lock_names_the_process_holding_it(tmp_path):
    from trainer.records.lock import DataLock

    with DataLock(tmp_path), pytest.raises(StoreLockedError, match=r"in use by another copy .*\(process \d+ on "):
        DataLock(tmp_path).acquire()


def test_a_lock_file_that_cannot_be_opened_says_why(tmp_path, monkeypatch):
    from trainer.domain.errors import reason
    from trainer.records import lock as lock_module

    (tmp_path / "records.lock").write_text("")
    exc = PermissionError(13, "Permission denied")

    def refuse(*args, **kwargs):
        raise exc

    monkeypatch.setattr(lock_module.os, "open", refuse)
    assert lock_module.DataLock(tmp_path).state() == f"could not be checked ({reason(exc)})"


# -- JSON from files a person can be handed -------------------------------------


def test_plain_json_is_read_with_or_without_a_byte_order_mark():
    from trainer.records.safe_json import loads

    assert loads("[1]") == [1]
    assert loads("\ufeff[1]") == [1]
    assert loads(b"\xef\xbb\xbf[1]") == [1]
    assert loads(b'{"a": 1.5}') == {"a": 1.5}


@pytest.mark.parametrize(
    "raw,why",
    [
        (b"\xff\xfe", "the file is not UTF-8 text"),
        ("[NaN]", "'NaN' is not a number JSON allows"),
        ("[-Infinity]", "'-Infinity' is not a number JSON allows"),
        ("[1e999]", "the number 1e999 is too large"),
        ("[" * 100_000 + "]" * 100_000, "it is nested too deeply to read"),
    ],
)
def test_json_that_is_not_plain_and_usable_is_refused_in_words(raw, why):
    from trainer.records.safe_json import BadJson, loads

    with pytest.raises(BadJson) as caught:
        loads(raw)
    assert str(caught.value) == why


def test_nan_is_allowed_only_when_asked_for():
    from trainer.records.safe_json import loads

    assert math.isnan(loads("[NaN]", allow_nan=True)[0])
    assert loads("[1e999]", allow_nan=True) == [math.inf]


def test_a_number_too_long_to_read_says_so_without_the_advice():
    from trainer.records.safe_json import BadJson, loads

    try:
        int("1" * 5000)
    except ValueError as exc:
        first = str(exc).split(";")[0]
    with pytest.raises(BadJson) as caught:
        loads("1" * 5000)
    assert str(caught.value) == f"it holds a value that cannot be read ({first})"
    assert ";" not in str(caught.value)


def test_a_maximum_depth_counts_lists_and_objects():
    from trainer.records.safe_json import BadJson, depth_within, loads

    assert loads("[[1]]", max_depth=2) == [[1]]
    with pytest.raises(BadJson) as caught:
        loads("[[1]]", max_depth=1)
    assert str(caught.value) == "it is nested too deeply to read"
    assert depth_within(5, 0) is True
    assert depth_within([], 1) is True
    assert depth_within([[1]], 2) is True
    assert depth_within([[1]], 1) is False
    assert depth_within({"a": {"b": {}}}, 3) is True
    assert depth_within({"a": {"b": {}}}, 2) is False


def test_a_journal_line_is_compact_utf8_json():
    from trainer.records.files import encode_op

    assert encode_op({"seq": 1, "rec": {"title": "café"}}) == '{"seq":1,"rec":{"title":"café"}}\n'.encode()


# -- the journal, read back ----------------------------------------------------


def test_reading_a_journal(tmp_path):
    from trainer.records.files import encode_op, read_journal

    path = tmp_path / "records.journal"
    assert read_journal(path) == ([], False, None)  # none: nothing torn
    path.write_bytes(encode_op(_put(1, "a")) + b"\n" + encode_op(_put(2, "b", position=math.nan)))
    ops, torn, bad = read_journal(path)
    assert [op["rec"]["uid"] for op in ops] == ["a", "b"] and (torn, bad) == (False, None)
    path.write_bytes(encode_op(_put(1, "a")) + b'{"seq": 2, "op": "pu')  # the last append never finished
    assert read_journal(path) == ([_put(1, "a")], True, None)
    path.write_bytes(encode_op(_put(1, "a")) + b"damaged\n" + encode_op(_put(3, "c")))
    assert read_journal(path) == ([_put(1, "a")], False, 2)


def test_replaying_only_the_saves_after_the_snapshot():
    from trainer.records.files import apply_ops

    data = {"goal": {"1": {"uid": "a", "v": 0}}}
    ops = [_put(1, "a", v=1), _put(2, "a", v=2), _put(3, "b", v=3), {"seq": 4, "op": "del", "kind": "goal", "uid": "x"}]
    assert apply_ops(data, ops, 2) == (4, 2)
    assert data["goal"] == {"1": {"uid": "a", "v": 0}, "2": {"uid": "b", "v": 3}}


def test_replaying_after_a_save_number_skips_it_and_keeps_later_ones():
    from trainer.records.files import apply_ops

    data: dict = {}
    assert apply_ops(data, [_put(5, "a"), _put(4, "old"), _put(6, "b")], 5) == (6, 1)
    assert [r["uid"] for r in data["goal"].values()] == ["b"]


def test_a_newer_format_is_refused_with_its_number():
    from trainer.records.errors import NewerSchemaError
    from trainer.records.migrations import check_not_newer

    with pytest.raises(NewerSchemaError, match=r"records format 7;"):
        check_not_newer({META: {META_ID: {"schema": 7}}})


def test_a_meta_table_that_is_not_a_table_has_no_schema():
    assert schema_of({META: [1, 2]}) == 0


# -- backup names and a new store ----------------------------------------------


def test_a_backup_name_is_read_as_its_utc_time():
    from datetime import UTC, datetime
    from pathlib import Path

    from trainer.records.backups import backup_time

    assert backup_time(Path("20261231-235958-123456-before-restore")) == datetime(
        2026, 12, 31, 23, 59, 58, 123456, tzinfo=UTC
    )
    assert backup_time(Path("20260102-030405-000007")) == datetime(2026, 1, 2, 3, 4, 5, 7, tzinfo=UTC)
    assert backup_time(Path("20261340-000000-000000")) is None  # month 13
    assert backup_time(Path("not-a-backup")) is None


def test_only_backup_folders_are_listed_newest_first(tmp_path):
    from trainer.records.backups import list_backups

    assert list_backups(tmp_path) == []
    root = tmp_path / "backups"
    for name in ("20260101-000000-000000", "20260301-000000-000000", "20260201-000000-000000", "notes"):
        (root / name).mkdir(parents=True)
    (root / "20260401-000000-000000").write_text("a file, not a backup")
    assert [p.name for p in list_backups(tmp_path)] == [
        "20260301-000000-000000",
        "20260201-000000-000000",
        "20260101-000000-000000",
    ]


def test_a_new_store_starts_writable_with_no_news():
    store = memory_store()
    assert store.read_only is False
    assert (store.notices, store.repaired, store.damaged, store.migrated_from) == ([], False, False, [])
    with store.atomic():
        store.add("goal", {"title": "a"})
    assert len(store.all("goal")) == 1


def test_a_byte_order_mark_in_bytes_is_accepted_and_other_text_is_not():
    from trainer.records.safe_json import BadJson, loads

    assert loads(b"\xef\xbb\xbf[1]") == [1]
    assert loads(b"[1]") == [1]
    with pytest.raises(BadJson):
        loads(b"\xff\xfe[\x001\x00]\x00")  # UTF-16 is not UTF-8
