"""How long saving and opening take with a big record store.

Saves one record into a store that already holds 10,000 records of ~1 KB
(all one kind and one learner: the worst case for any per-file split) and
compares with a bare TinyDB JSONStorage insert of the same record. Prints
medians; asserts nothing. Run: ``.venv/bin/python benchmarks/store.py``.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tinydb import TinyDB
from tinydb.storages import JSONStorage

from trainer.records.files import encode_snapshot
from trainer.records.migrations import new_data
from trainer.records.storage import atomic_write_bytes
from trainer.records.store import open_store

N = 10_000


def record(i: int) -> dict:
    return {
        "profile": "p1",
        "kind_of": "reflection",
        "title": f"Reflection {i}",
        "text": ("What happened, what I learned and what I will change. " * 17)[:900],
        "skills": ["agenda-setting", "open-questions"],
        "n": i,
    }


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="trainer-bench-") as tmp:
        ours_dir, bare_path = Path(tmp) / "ours", Path(tmp) / "bare.json"
        store = open_store(ours_dir)  # the first N through the store would take minutes of fsyncs:
        now = store.now()  # write them as one snapshot, as after a long use
        store.close()
        data = new_data()
        data["reflection"] = {
            str(k + 1): {**record(k), "uid": str(uuid.uuid4()), "created": now, "updated": now} for k in range(N)
        }
        atomic_write_bytes(ours_dir / "records.json", encode_snapshot(data, 0))
        size = (ours_dir / "records.json").stat().st_size

        open_ms = median_ms(lambda: open_store(ours_dir).close(), 5)
        store = open_store(ours_dir)
        i = iter(range(N, N + 1000))
        save_ms = median_ms(lambda: store.add("reflection", record(next(i))), 31)
        uid = store.all("reflection")[5000]["uid"]
        update_ms = median_ms(lambda: store.update("reflection", uid, {"title": "edited"}), 31)
        query_ms = median_ms(lambda: store.find_one("reflection", profile="p1", n=9999), 11)
        backend = store._backend
        backend.backup_every = 0  # force the periodic backup taken after a save
        backup_ms = median_ms(lambda: store.add("reflection", record(next(i))), 3) - save_ms
        backend.backup_every = 600
        close_ms = median_ms(lambda: store.flush(), 3)  # what close() does: fold the journal in
        store.close()
        reopen_ms = median_ms(lambda: open_store(ours_dir).close(), 3)

        bare = TinyDB(bare_path, storage=JSONStorage)
        bare.table("reflection").insert_multiple(record(k) for k in range(N))
        j = iter(range(N, N + 100))
        bare_ms = median_ms(lambda: bare.table("reflection").insert(record(next(j))), 9)
        bare.close()

    print(f"store: {N:,} records of ~1 KB, records.json {size / 1e6:.1f} MB")
    print(f"save one record (add, fsynced journal line):   {save_ms:8.2f} ms  (median of 31)")
    print(f"update one record:                              {update_ms:8.2f} ms")
    print(f"bare TinyDB JSONStorage insert (no fsync):      {bare_ms:8.2f} ms  (median of 9)")
    print(f"ratio ours / bare TinyDB:                       {save_ms / bare_ms:8.3f}")
    print(f"periodic backup on a save (at most 1/10 min):  {backup_ms:8.2f} ms extra")
    print(f"find_one by field (in memory):                  {query_ms:8.2f} ms")
    print(f"open (read, check, backup if changed), close:   {open_ms:8.2f} ms")
    print(f"fold journal into records.json (at close):      {close_ms:8.2f} ms")
    print(f"open after that:                                {reopen_ms:8.2f} ms")


if __name__ == "__main__":
    main()
