"""Issue 17, item 12: exporting to a place that cannot be written is one plain line and exit 2.

Before, PDF printed Qt's "QPainter::begin(): Returned false" and a traceback,
and CSV a PermissionError traceback.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from trainer.content import default_content, load_content
from trainer.tools.demo_records import make_demo


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("data")
    make_demo(folder, load_content(default_content()))
    return folder


@pytest.fixture
def unwritable(tmp_path):
    """A folder that exists but where no file can be made, even by root."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        if not Path("/proc/self").is_dir():
            pytest.skip("running as root without /proc: no folder is unwritable")
        yield Path("/proc")
        return
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    yield folder
    folder.chmod(0o700)


@pytest.mark.parametrize("fmt", ["pdf", "csv", "html", "json"])
def test_export_to_an_unwritable_folder_is_one_plain_line_and_exit_2(data, unwritable, fmt):
    out = unwritable / f"portfolio-export-test.{fmt}"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "trainer", "export", "--format", fmt, "-o", str(out), "--data", str(data)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("trainer: error: ") and "Traceback" not in done.stderr
    assert str(unwritable) in lines[0]
    assert done.stdout == ""
