"""The app as a person meets it: ``python -m trainer`` in a subprocess."""

import json
import os
import subprocess
import sys

import pytest

from tests.probe import run_python


def run(*args, env_extra=None, timeout=120):
    env = dict(os.environ)
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "trainer", *args], capture_output=True, text=True, timeout=timeout, env=env
    )


def test_smoke_opens_main_window_on_fresh_data_folder(tmp_path):
    data = tmp_path / "fresh"
    result = run("--smoke", "--data", str(data), env_extra={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    records = json.loads((data / "records.json").read_text())
    assert records["profiles"], "a first run makes the learner's profile"
    from trainer.content import default_content
    from trainer.content_cache import CACHE_FILE, cache_folder

    assert (cache_folder(default_content()) / CACHE_FILE).is_file(), "the course is cached for the next start"
    assert not (data / "cache").exists(), "no cache in the data folder, which people copy and share"


@pytest.mark.parametrize("settings", ["", "[appearance]\ntheme=dark\nzoom=150\n"], ids=["default", "dark-zoomed"])
def test_second_start_loads_only_what_home_needs(tmp_path, settings):
    """Opening the app shows Home: the course view, the renderer and the validation
    libraries load when first needed, not at start-up."""
    data = tmp_path / "data"
    assert run("--smoke", "--data", str(data), env_extra={"QT_QPA_PLATFORM": "offscreen"}).returncode == 0
    if settings:
        (data / "ui-settings.ini").write_text(settings)
    script = (
        "import atexit, sys\n"
        "def built():  # registered first, so it runs last: after PySide6 has shut down\n"
        "    from PySide6 import QtCore, QtWidgets\n"
        "    print(sorted(n for n, m in (('Qt', QtCore), ('QStyle', QtWidgets), ('QWizard', QtWidgets))\n"
        "                 if n in vars(m)))\n"
        "atexit.register(built)\n"
        "from trainer.cli import main\n"
        f"code = main(['--smoke', '--data', {str(data)!r}])\n"
        "heavy = ['pydantic', 'yaml', 'markdown', 'jinja2', 'nh3', 'qtawesome', 'aiohttp',\n"
        "         'trainer.ui.skills.dashboard', 'trainer.ui.skills.chart',\n"
        "         'trainer.ui.course.view', 'trainer.ui.common.rows', 'trainer.ui.common.empty_state',\n"
        "         'trainer.ui.course.reader', 'trainer.ui.course.bookmarks_view', 'trainer.ui.search.dialog',\n"
        "         'trainer.scenarios.model', 'trainer.sessions.plan_model', 'trainer.journal.template_model',\n"
        "         'aiohttp', 'segno', 'trainer.room.server']\n"
        "print(code, sorted(m for m in heavy if m in sys.modules))\n"
    )
    result = run_python(script)
    modules, built = result.stdout.strip().splitlines()
    assert modules == "0 []", result.stderr
    # PySide6 builds the Python enums of a class when it is first used: for the Qt namespace
    # and QStyle that is hundreds of enums, tens of milliseconds on Python 3.11. Starting
    # and quitting go without them (see the note in trainer/ui/shell/main_window.py). The app never
    # uses QWizard: it is built only when PySide looks up every class, as it did at exit
    # while the focus ring still followed the focus (see release_focus_ring).
    assert built == "[]", "start-up used PySide6's " + built


def test_smoke_uses_trainer_data_env(tmp_path):
    data = tmp_path / "env-data"
    result = run("--smoke", env_extra={"QT_QPA_PLATFORM": "offscreen", "TRAINER_DATA": str(data)})
    assert result.returncode == 0, result.stderr
    assert (data / "records.json").exists()


def test_validate_reports_every_problem_and_exits_one(fixtures):
    result = run("validate", str(fixtures / "broken"))
    assert result.returncode == 1
    out = result.stdout.strip().splitlines()
    assert any(":3: error: front matter is not valid YAML" in line for line in out)
    assert any("03-no-title.md:2: error: field 'title'" in line for line in out)
    assert any("03-no-title.md:4: warning: unknown field 'objectivs'" in line for line in out)
    assert out[-1] == "3 modules, 0 scenarios, 4 errors, 1 warning"


def test_validate_foreign_lesson_has_warnings_only(fixtures):
    result = run("validate", str(fixtures / "foreign-lesson"))
    assert result.returncode == 0
    assert ": warning: " in result.stdout and ": error: " not in result.stdout


def test_bad_option_is_one_line_exit_2():
    result = run("--no-such-option")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "Traceback" not in result.stderr
    assert "unrecognized arguments" in result.stderr


def test_missing_content_folder_is_one_line_exit_2(tmp_path):
    result = run("--content", str(tmp_path / "nope"), "--smoke")
    assert result.returncode == 2 and result.stderr.startswith("trainer: error: content folder not found")
    result = run("validate", str(tmp_path / "nope"))
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_bad_screenshot_size_is_one_line(tmp_path):
    result = run("screenshots", str(tmp_path), "--size", "huge")
    assert result.returncode == 2 and "size must look like 1280x800" in result.stderr
    assert "Traceback" not in result.stderr


def test_no_display_is_a_plain_error(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run(
        [sys.executable, "-m", "trainer", "--data", str(tmp_path)], capture_output=True, text=True, env=env, timeout=60
    )
    if sys.platform.startswith("linux"):
        assert result.returncode == 2 and "no display found" in result.stderr


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("trainer ")


def test_screenshots_are_saved(tmp_path, fixtures):
    out = tmp_path / "shots"
    result = run(
        "screenshots",
        str(out),
        "--content",
        str(fixtures / "course"),
        "--size",
        "800x600",
        env_extra={"QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    pngs = sorted(p.name for p in out.glob("*.png"))
    assert "main-800x600.png" in pngs
    assert all((out / p).stat().st_size > 1000 for p in pngs)


def test_settings_changed_as_the_window_closes_reach_the_disk(tmp_path):
    """Start-up's objects are frozen and never collected, so settings must not wait for a
    destructor: whatever is set while closing is on disk when the app has quit."""
    data = tmp_path / "data"
    script = (
        "from trainer.ui.shell.main_window import MainWindow\n"
        "original = MainWindow.closeEvent\n"
        "def close_then_set(self, event):\n"
        "    original(self, event)\n"
        "    self.settings.setValue('check/after_close', 'kept')\n"
        "MainWindow.closeEvent = close_then_set\n"
        "from trainer.cli import main\n"
        f"code = main(['--smoke', '--data', {str(data)!r}])\n"
        "import os\n"
        "os._exit(code)  # no destructor, no clean-up: what is on disk now is all there is\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    assert result.returncode == 0, result.stderr
    assert "after_close=kept" in (data / "ui-settings.ini").read_text(encoding="utf-8")
