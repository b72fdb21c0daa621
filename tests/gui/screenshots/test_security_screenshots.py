"""Issue 17, item 11: ``trainer screenshots --data DIR`` leaves DIR exactly as it was.

The screenshots invent records (reflections, one with an NHS number, a goal,
scenario attempts, a bookmark); they must go into a temporary copy, never
into the person's real data folder.
"""

from __future__ import annotations

from pathlib import Path

from trainer.app import launch
from trainer.content import load_content
from trainer.tools.demo_records import make_demo
from trainer.ui.screenshots.main import save_screenshots, save_session_screenshots


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _real_folder(tmp_path: Path, sample_course: Path) -> Path:
    data = tmp_path / "real-data"
    make_demo(data, load_content(sample_course))
    (data / "records.lock").unlink(missing_ok=True)
    return data


def test_screenshots_leave_the_data_folder_byte_for_byte_as_it_was(qapp, tmp_path, sample_course):
    data = _real_folder(tmp_path, sample_course)
    before = _files(data)
    saved = save_screenshots(launch, tmp_path / "shots", sample_course, (800, 600), data_dir=data)
    assert saved
    assert _files(data) == before


def test_session_screenshots_leave_the_data_folder_as_it_was(qapp, tmp_path, sample_course):
    data = _real_folder(tmp_path, sample_course)
    before = _files(data)
    assert save_session_screenshots(launch, tmp_path / "shots", sample_course, sizes=((800, 600),), data_dir=data)
    assert _files(data) == before


def test_screenshots_of_a_folder_that_does_not_exist_do_not_make_it(qapp, tmp_path, sample_course):
    assert save_screenshots(launch, tmp_path / "shots", sample_course, (800, 600), data_dir=tmp_path / "nowhere")
    assert not (tmp_path / "nowhere").exists()
