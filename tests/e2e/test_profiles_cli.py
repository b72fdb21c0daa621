"""--profile and the demo from the command line."""

import os
import subprocess
import sys

from trainer.records.store import open_store
from trainer.services.profiles import ProfileService


def _trainer(*args):
    return subprocess.run(
        [sys.executable, "-m", "trainer", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def test_profile_option_selects_or_creates_and_is_remembered(tmp_path):
    data = tmp_path / "data"
    assert _trainer("--smoke", "--data", data, "--profile", "Ann Example").returncode == 0
    assert _trainer("--smoke", "--data", data, "--profile", "ann example").returncode == 0
    assert _trainer("--smoke", "--data", data, "--profile", "Ben").returncode == 0
    store = open_store(data)
    service = ProfileService(store)
    assert [p.name for p in service.list()] == ["Ann Example", "Ben"]
    assert service.last_used().name == "Ben"
    store.close()


def test_demo_then_smoke_opens_the_demo_learner(tmp_path):
    data = tmp_path / "data"
    made = _trainer("demo", "--data", data)
    assert made.returncode == 0 and "modules done" in made.stdout
    assert _trainer("demo", "--data", data).returncode == 0  # again: replaced, not doubled
    store = open_store(data)
    service = ProfileService(store)
    assert [p.name for p in service.list()] == ["Sam Demo"]
    sam = service.list()[0]
    progress = store.all("progress", profile=sam.id)
    assert any(r.get("done") for r in progress)
    done_at = [r["done_at"] for r in progress if r.get("done")]
    assert all(d < store.now() for d in done_at)  # made to look like past weeks of study
    reflections = store.all("reflection", profile=sam.id)
    assert sorted(r["status"] for r in reflections) == ["draft", "finished"]
    store.close()
    assert _trainer("--smoke", "--data", data).returncode == 0
