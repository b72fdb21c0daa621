"""``trainer screenshots`` saves the Skills screens, filled with demo ratings."""

from __future__ import annotations

from PySide6.QtGui import QImage

from trainer.app import launch
from trainer.ui.screenshots.main import save_screenshots


def test_skills_screens_are_saved(qapp, tmp_path, sample_course):
    saved = save_screenshots(launch, tmp_path / "shots", sample_course, (800, 600))
    names = {p.name for p in saved}
    for screen in (
        "skills-dashboard",
        "skills-self-assessment",
        "skills-counter",
        "skills-observer-checklist",
        "skills-compare",
        "skills-side-by-side",
    ):
        assert f"{screen}-800x600.png" in names
    image = QImage(str(tmp_path / "shots" / "skills-dashboard-800x600.png"))
    assert (image.width(), image.height()) == (800, 600)
