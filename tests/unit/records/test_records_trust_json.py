"""Malformed JSON in a bundle or a backup: one clear error, no traceback, nothing
written; a byte order mark is fine; a big bundle imports in linear time."""

import json

import pytest

from trainer.cli import main
from trainer.export.backup import FORMAT as BACKUP
from trainer.export.backup import BackupError, read_backup
from trainer.records.store import open_store, read_on_disk
from trainer.sessions.bundles import FORMAT as BUNDLE
from trainer.sessions.bundles import BundleError, import_bundle, read_bundle

HOSTILE = {
    "deep": "[" * 100_000 + "]" * 100_000,
    "deep-object": '{"a":' * 50_000 + "1" + "}" * 50_000,
    "long-number": '{"format": "x", "version": ' + "1" * 5000 + "}",
    "nan": '{"format": "x", "version": 1, "records": {"progress": [{"uid": "p", "position": NaN}]}}',
    "huge-float": '{"version": 1e99999}',
}


def _bundle(n: int, date: str = "2026-01-02") -> dict:
    return {
        "format": BUNDLE,
        "version": 1,
        "session": {"uid": "s1", "date": date},
        "learner": {"name": "Asha"},
        "observations": [{"uid": f"o{i}", "round": 1, "observer_name": "Bo", "counts": {}} for i in range(n)],
    }


@pytest.mark.parametrize(
    "reader,error", [(read_bundle, BundleError), (read_backup, BackupError)], ids=["bundle", "backup"]
)
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_malformed_file_gives_one_plain_error(tmp_path, reader, error, name):
    path = tmp_path / "file.json"
    path.write_text(HOSTILE[name], encoding="utf-8")
    with pytest.raises(error) as caught:
        reader(path)
    assert "\n" not in str(caught.value) and "file.json" in str(caught.value)


@pytest.mark.parametrize("command", ["restore", "import-bundle"])
def test_the_commands_say_one_line_and_write_nothing(tmp_path, capsys, command):
    path = tmp_path / "file.json"
    path.write_text(HOSTILE["deep"], encoding="utf-8")
    data = tmp_path / "data"
    open_store(data).close()
    before = read_on_disk(data)
    assert main([command, str(path), "--data", str(data)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert read_on_disk(data) == before


def test_a_byte_order_mark_is_accepted(tmp_path):
    bundle = tmp_path / "bundle.json"
    bundle.write_bytes(b"\xef\xbb\xbf" + json.dumps(_bundle(1)).encode("utf-8"))
    assert read_bundle(bundle).learner.name == "Asha"
    backup = tmp_path / "backup.json"
    backup.write_bytes(b"\xef\xbb\xbf" + json.dumps({"format": BACKUP, "version": 1, "records": {}}).encode())
    assert read_backup(backup)["records"] == {}


def _import_work(tmp_path, monkeypatch, n: int) -> int:
    """Records TinyDB copies (it copies a whole table on every write) while importing n."""
    from tinydb.table import Table

    path = tmp_path / f"bundle{n}.json"
    path.write_text(json.dumps(_bundle(n)), encoding="utf-8")
    store = open_store(tmp_path / f"data{n}")
    real, copied = Table._update_table, []

    def counting(table, updater):
        copied.append(len((table._storage.read() or {}).get(table.name, {})) + 1)
        return real(table, updater)

    monkeypatch.setattr(Table, "_update_table", counting)
    assert import_bundle(store, "default", path).added == n
    monkeypatch.undo()
    assert len(store.all("observation")) == n
    store.close()
    return sum(copied)


def test_importing_a_bundle_takes_time_linear_in_its_size(tmp_path, monkeypatch):
    small, large = _import_work(tmp_path, monkeypatch, 200), _import_work(tmp_path, monkeypatch, 800)
    assert large <= 4 * small + 10, (small, large)  # quadratic would be 16 times


def _restore_work(tmp_path, monkeypatch, n: int) -> int:
    from tinydb.table import Table

    from trainer.export.backup import restore

    store = open_store(tmp_path / f"restore{n}")
    store.add_many("reflection", [{"uid": f"old{i}", "title": "old"} for i in range(n)])
    recs = [{"uid": f"u{i}", "updated": "2026-01-02T10:00:00+00:00"} for i in range(n)]
    recs += [{"uid": f"old{i}", "title": "new", "updated": "2099-01-02T10:00:00+00:00"} for i in range(n)]
    real, copied = Table._update_table, []

    def counting(table, updater):
        copied.append(len((table._storage.read() or {}).get(table.name, {})) + 1)
        return real(table, updater)

    monkeypatch.setattr(Table, "_update_table", counting)
    report = restore(store, {"format": BACKUP, "version": 1, "records": {"reflection": recs}})
    monkeypatch.undo()
    assert (report.added, report.replaced) == (n, n)
    store.close()
    return sum(copied)


def test_restoring_a_backup_takes_time_linear_in_its_size(tmp_path, monkeypatch):
    small, large = _restore_work(tmp_path, monkeypatch, 200), _restore_work(tmp_path, monkeypatch, 800)
    assert large <= 4 * small + 10, (small, large)  # quadratic would be 16 times
