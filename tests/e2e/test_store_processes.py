"""The record store under real processes: SIGKILL mid-save, two copies, doctor repairs."""

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from trainer.records.store import open_store

pytestmark = pytest.mark.slow

WRITER = textwrap.dedent("""
    import sys
    from trainer.records.store import open_store
    store = open_store(sys.argv[1], lock=True)
    i = 0
    while True:
        i += 1
        rec = store.add("note", {"n": i, "text": "words " * (i % 400), "profile": "p"})
        if i % 3 == 0:
            store.update("note", rec["uid"], {"text": "edited"})
        print(rec["uid"], flush=True)
        if i % 4 == 0:
            store.flush()  # rewrites records.json, so kills also land mid-replace
""")


def _python(code, *args, **kw):
    return subprocess.Popen([sys.executable, "-c", code, *map(str, args)], **kw)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_at_random_moments_never_loses_a_returned_save(tmp_path):
    rng = random.Random(20261125)
    folder = tmp_path / "data"
    saved: set[str] = set()
    for _round in range(24):
        writer = _python(WRITER, folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        wait_for = rng.randint(1, 40)
        for _ in range(wait_for):
            line = writer.stdout.readline()
            assert line, writer.stderr.read().decode()
            saved.add(line.decode().strip())
        time.sleep(rng.uniform(0, 0.012))  # a random moment: mid-append, mid-replace, ...
        writer.send_signal(signal.SIGKILL)
        rest, _err = writer.communicate(timeout=30)
        saved.update(line for line in rest.decode().split() if line)
        assert writer.returncode == -signal.SIGKILL

        json.loads((folder / "records.json").read_text(encoding="utf-8"))  # always parses
        store = open_store(folder, lock=True)  # the dead writer's lock is taken over
        uids = {r["uid"] for r in store.all("note")}
        assert saved <= uids, f"lost {len(saved - uids)} saved records"
        assert store.notices == []
        store.close()
    assert len(saved) > 24


HOLDER = textwrap.dedent("""
    import sys
    from trainer.records.store import open_store
    store = open_store(sys.argv[1], lock=True)
    store.add("note", {"text": "from the first copy", "profile": "p"})
    print("ready", flush=True)
    sys.stdin.readline()
    store.close()
""")

SECOND = textwrap.dedent("""
    import sys
    from trainer.records.errors import ReadOnlyStoreError, StoreLockedError
    from trainer.records.store import open_store
    try:
        open_store(sys.argv[1], lock=True)
    except StoreLockedError as exc:
        print("locked:", exc)
    store = open_store(sys.argv[1], read_only=True)
    print("sees:", [r["text"] for r in store.all("note")])
    try:
        store.add("note", {"text": "from the second copy", "profile": "p"})
    except ReadOnlyStoreError as exc:
        print("refused:", exc)
""")


def test_a_second_process_on_the_folder_cannot_write(tmp_path):
    folder = tmp_path / "data"
    first = _python(HOLDER, folder, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert first.stdout.readline().strip() == "ready"
        out = subprocess.run([sys.executable, "-c", SECOND, str(folder)], capture_output=True, text=True, timeout=60)
        assert "locked: The data folder" in out.stdout and f"process {first.pid}" in out.stdout
        assert "sees: ['from the first copy']" in out.stdout
        assert "refused:" in out.stdout and "read-only" in out.stdout

        app = subprocess.run(
            [sys.executable, "-m", "trainer", "--smoke", "--data", str(folder)],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        assert app.returncode == 0, app.stderr
        assert "in use by another copy" in app.stderr and "read-only" in app.stderr
    finally:
        first.communicate("\n", timeout=30)
    store = open_store(folder, lock=True)
    assert [r["text"] for r in store.all("note")] == ["from the first copy"]
    store.close()


def _trainer(*args):
    return subprocess.run(
        [sys.executable, "-m", "trainer", *map(str, args)], capture_output=True, text=True, timeout=120
    )


def test_doctor_restores_a_truncated_records_file_from_the_newest_backup(tmp_path):
    folder = tmp_path / "data"
    made = _trainer("demo", "--data", folder)
    assert made.returncode == 0 and "Sam Demo" in made.stdout, made.stderr
    healthy = _trainer("doctor", "--data", folder)  # also takes a backup of the demo data
    assert healthy.returncode == 0 and "Healthy." in healthy.stdout
    assert "Sam Demo (Practice nurse)" in healthy.stdout and "progress" in healthy.stdout

    records = folder / "records.json"
    whole = records.read_bytes()
    records.write_bytes(whole[: len(whole) // 2])
    repaired = _trainer("doctor", "--data", folder)
    assert repaired.returncode == 0, repaired.stdout
    out = repaired.stdout
    assert "DAMAGED" in out and "restored from the backup" in out and "Repaired." in out
    assert "Sam Demo (Practice nurse)" in out
    aside = list(folder.glob("records.corrupt-*.json"))
    assert len(aside) == 1 and aside[0].read_bytes() == whole[: len(whole) // 2]
    assert json.loads(records.read_text(encoding="utf-8"))["progress"]

    again = _trainer("doctor", "--data", folder)
    assert again.returncode == 0 and "Healthy." in again.stdout


def test_doctor_says_when_it_cannot_repair(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "records.json").write_text("{ not json", encoding="utf-8")
    out = _trainer("doctor", "--data", folder)
    assert out.returncode == 1 and "Could not repair" in out.stdout
    assert list(folder.glob("records.corrupt-*.json"))
