"""``trainer doctor`` never crashes, sets aside what it cannot read, and checks every
record against its kind's schema."""

import json

import pytest

from trainer.records.quarantine import count
from trainer.records.store import open_store
from trainer.tools.doctor import run_doctor

GOOD = {
    "uid": "r1",
    "profile": "default",
    "title": "Mine",
    "date": "2026-01-02",
    "created": "2026-01-02T10:00:00+00:00",
    "updated": "2026-01-02T10:00:00+00:00",
}


def _doctor(folder) -> tuple[int, str]:
    lines: list[str] = []
    code = run_doctor(folder, say=lines.append)
    return code, "\n".join(lines)


def _folder_with_a_reflection(tmp_path):
    store = open_store(tmp_path)
    store.import_record("reflection", GOOD)
    store.close()
    open_store(tmp_path).close()  # opening backs the records up
    return tmp_path


@pytest.mark.parametrize(
    "line",
    [
        {"seq": 99, "op": "put", "kind": "reflection", "rec": [1, 2]},
        {"seq": 99, "op": "put", "kind": "reflection", "rec": {"uid": ["x"]}},
        {"seq": 99, "op": "del", "kind": ["reflection"], "uid": "r1"},
        {"seq": 99, "op": "put", "kind": "_meta", "rec": {"uid": "x"}},
        {"rec": [1, 2]},
    ],
)
def test_doctor_survives_a_damaged_journal_line(tmp_path, line):
    folder = _folder_with_a_reflection(tmp_path)
    with open(folder / "records.journal", "a", encoding="utf-8") as fh:
        fh.write(json.dumps(line) + "\n")
        fh.write(json.dumps({"seq": 100, "op": "put", "kind": "note", "rec": {"uid": "n"}}) + "\n")
    code, out = _doctor(folder)
    assert code in (0, 1)
    assert "DAMAGED" in out
    store = open_store(folder)
    assert [r["title"] for r in store.all("reflection")] == ["Mine"]
    store.close()


def test_doctor_sets_aside_a_records_file_nested_too_deeply(tmp_path):
    folder = _folder_with_a_reflection(tmp_path)
    (folder / "records.json").write_text('{"reflection": {"1": ' + "[" * 100_000 + "]" * 100_000 + "}}")
    code, out = _doctor(folder)
    assert "DAMAGED" in out
    assert list(folder.glob("records.corrupt-*.json")), "the unreadable file is kept aside"
    assert code == 0  # restored from the backup taken at the last open
    store = open_store(folder)
    assert [r["title"] for r in store.all("reflection")] == ["Mine"]
    store.close()


def test_doctor_checks_every_record_against_its_schema(tmp_path):
    folder = _folder_with_a_reflection(tmp_path)
    data = json.loads((folder / "records.json").read_text())
    data["reflection"]["2"] = {**GOOD, "uid": "bad", "date": 123}
    data["progress"] = {"1": {**GOOD, "uid": "p", "module": ["x"]}}
    (folder / "records.json").write_text(json.dumps(data))
    code, out = _doctor(folder)
    assert "Healthy." not in out
    assert "2 records could not be used" in out
    assert code == 0 and count(folder) == 2
    code, out = _doctor(folder)
    assert "Healthy." in out and "Quarantine: 2 records" in out


def test_doctor_restore_sets_aside_bad_records_of_the_backup(tmp_path):
    from trainer.records.backups import list_backups

    folder = _folder_with_a_reflection(tmp_path)
    newest = list_backups(folder)[0]
    data = json.loads((newest / "records.json").read_text())
    data["reflection"]["9"] = {**GOOD, "uid": "bad", "date": 123}
    (newest / "records.json").write_text(json.dumps(data))
    lines: list[str] = []
    assert run_doctor(folder, say=lines.append, restore=newest.name) == 0
    assert "1 record could not be used" in "\n".join(lines)
    store = open_store(folder)
    assert [r["uid"] for r in store.all("reflection")] == ["r1"]
    store.close()
    assert count(folder) == 1
