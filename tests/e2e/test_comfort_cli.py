"""The moved-data pointer and the screenshot zoom option, as a person meets them."""

import os
import subprocess
import sys


def run(*args, env_extra=None, timeout=120):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "trainer", *args], capture_output=True, text=True, timeout=timeout, env=env
    )


def test_the_app_opens_the_folder_the_data_was_moved_to(tmp_path):
    config, moved = tmp_path / "config", tmp_path / "moved-data"
    (config / "practitioner-trainer").mkdir(parents=True)
    (config / "practitioner-trainer" / "location").write_text(f"{moved}\n")
    result = run("--smoke", env_extra={"XDG_CONFIG_HOME": str(config), "HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert (moved / "records.json").exists()


def test_screenshot_zoom_out_of_range_is_one_plain_line(tmp_path):
    result = run("screenshots", str(tmp_path / "shots"), "--zoom", "300")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == ["trainer: error: --zoom must be a percentage from 80 to 200, not 300"]
