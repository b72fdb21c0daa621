"""``trainer import-bundle FILE --data DIR`` as a participant meets it."""

import json
import os
import subprocess
import sys

BUNDLE = {
    "format": "practitioner-trainer/feedback-bundle",
    "version": 1,
    "exported": "2026-11-20T12:00:00",
    "session": {"uid": "s-1", "title": "Taster", "date": "2026-11-20", "team": "Riverside", "plan_title": "T"},
    "learner": {"name": "Asha Patel"},
    "observations": [
        {
            "uid": "o-1",
            "round": 1,
            "round_title": "Round 1",
            "skill": "agenda-setting",
            "observer_name": "Ben Okafor",
            "note": "Great start",
            "counts": {"open_question": 3},
        }
    ],
}


def run(*args):
    env = {k: v for k, v in os.environ.items() if k != "TRAINER_DATA"}
    return subprocess.run(
        [sys.executable, "-m", "trainer", *args], capture_output=True, text=True, timeout=120, env=env
    )


def test_import_twice_then_a_bad_file(tmp_path):
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(BUNDLE), encoding="utf-8")
    data = tmp_path / "me"
    first = run("import-bundle", str(path), "--data", str(data))
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "Added 1 observation from the session on 2026-11-20."
    second = run("import-bundle", str(path), "--data", str(data))
    assert second.returncode == 0 and second.stdout.startswith("Nothing new")
    records = json.loads((data / "records.json").read_text())
    assert len(records["observation"]) == 1
    (obs,) = records["observation"].values()
    (profile,) = records["profiles"].values()
    assert obs["profile"] == profile["uid"]  # lands in the profile the app opens, so it is seen

    bad = tmp_path / "cut.json"
    bad.write_text(json.dumps(BUNDLE)[:50], encoding="utf-8")
    other = tmp_path / "other"
    result = run("import-bundle", str(bad), "--data", str(other))
    assert result.returncode == 2
    assert result.stderr.strip().startswith("trainer: error: cut.json, line 1: not valid JSON")
    assert len(result.stderr.strip().splitlines()) == 1
    assert not other.exists()  # nothing written on a bad file


def test_validate_shows_each_plan_and_its_minutes():
    result = run("validate")
    assert result.returncode == 0, result.stdout
    lines = result.stdout.splitlines()
    assert "plan 'taster-90': 14 phases, 3 practice rounds, 90 minutes in all" in lines
    assert "plan 'half-day-goals': 25 phases, 7 practice rounds, 210 minutes in all" in lines


def test_validate_names_the_line_of_a_bad_plan(tmp_path, fixtures):
    import shutil

    course = tmp_path / "course"
    shutil.copytree(fixtures / "course", course)
    (course / "sessions").mkdir()
    (course / "sessions" / "bad.yaml").write_text(
        "id: bad\ntitle: Bad\nphases:\n  - kind: practice\n    title: R\n    minutes: -5\n"
        "    practice:\n      format: pairs\n      skill: reflections\n",
        encoding="utf-8",
    )
    result = run("validate", str(course))
    assert result.returncode == 1
    bad = course / "sessions" / "bad.yaml"
    assert f"{bad}:6: error: field 'phases[1].minutes': expected a number above 0, found -5" in result.stdout
