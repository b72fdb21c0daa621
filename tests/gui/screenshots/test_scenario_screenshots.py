"""The screenshot command also saves the scenario viewer in each state."""

from __future__ import annotations

from PySide6.QtGui import QImage

from trainer.app import launch
from trainer.ui.screenshots.main import save_screenshots


def test_screenshots_include_the_scenario_viewer(qapp, tmp_path, sample_course):
    saved = save_screenshots(launch, tmp_path / "shots", sample_course, (800, 600), data_dir=tmp_path / "data")
    names = {p.name for p in saved}
    for state in (
        "scenarios-list",
        "scenario-side-by-side",
        "scenario-skill-filter",
        "scenario-single-column",
        "scenario-hidden",
        "scenario-revealed",
        "scenario-spot-scored",
    ):
        assert f"{state}-800x600.png" in names
    image = QImage(str(tmp_path / "shots" / "scenario-revealed-800x600.png"))
    assert (image.width(), image.height()) == (800, 600)
