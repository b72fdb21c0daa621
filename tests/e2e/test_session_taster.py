"""The 90-minute taster for seven people, end to end on one laptop (offscreen)."""

import struct
from pathlib import Path

from trainer.app import launch
from trainer.ui.screenshots.main import save_session_screenshots

ROOT = Path(__file__).resolve().parents[2]


def png_size(path: Path) -> tuple[int, int]:
    return struct.unpack(">II", path.read_bytes()[16:24])


def test_taster_for_seven_saves_control_and_presenter_views(qtbot, tmp_path):
    saved = save_session_screenshots(
        launch, tmp_path / "shots", ROOT / "tests" / "fixtures" / "sample-course", data_dir=tmp_path / "data"
    )
    names = {p.name for p in saved}
    for size in ("1920x1080", "1280x720"):
        assert f"session-control-{size}.png" in names and f"session-presenter-{size}.png" in names
        assert f"session-control-dark-{size}.png" in names
    for path in saved:
        w, h = (int(x) for x in path.stem.rsplit("-", 1)[1].split("x"))
        assert png_size(path) == (w, h), path.name  # nothing forced the window bigger
    assert not (tmp_path / "data").exists(), "the invented session stays in a temporary copy"


def test_session_screenshots_at_the_size_asked_for(tmp_path):
    import os
    import subprocess
    import sys

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "trainer",
            "screenshots",
            str(tmp_path / "shots"),
            "--session",
            "--size",
            "800x600",
            "--data",
            str(tmp_path / "data"),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    names = sorted(Path(line).name for line in result.stdout.split())
    assert names == [
        "session-control-800x600.png",
        "session-control-dark-800x600.png",
        "session-presenter-800x600.png",
        "session-presenter-welcome-800x600.png",
    ]
    assert png_size(tmp_path / "shots" / "session-presenter-800x600.png") == (800, 600)
