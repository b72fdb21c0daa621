"""Issue 17, item 11: ``trainer screenshots --data DIR`` leaves DIR exactly as it was.

The screenshots invent records (reflections, one with an NHS number, a goal,
scenario attempts, a bookmark); they must go into a temporary copy, never
into the person's real data folder.
"""

from __future__ import annotations

from pathlib import Path

from trainer.content import load_content
from trainer.records.demo import make_demo
from trainer.ui.screenshots import save_screenshots, save_session_screenshots


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _real_folder(tmp_path: Path, bundled_content: Path) -> Path:
    data = tmp_path / "real-data"
    make_demo(data, load_content(bundled_content))
    (data / "records.lock").unlink(missing_ok=True)
    return data


def test_screenshots_leave_the_data_folder_byte_for_byte_as_it_was(qapp, tmp_path, bundled_content):
    data = _real_folder(tmp_path, bundled_content)
    before = _files(data)
    saved = save_screenshots(tmp_path / "shots", bundled_content, (800, 600), data_dir=data)
    assert saved
    assert _files(data) == before


def test_session_screenshots_leave_the_data_folder_as_it_was(qapp, tmp_path, bundled_content):
    data = _real_folder(tmp_path, bundled_content)
    before = _files(data)
    assert save_session_screenshots(tmp_path / "shots", bundled_content, sizes=((800, 600),), data_dir=data)
    assert _files(data) == before


def test_screenshots_of_a_folder_that_does_not_exist_do_not_make_it(qapp, tmp_path, bundled_content):
    assert save_screenshots(tmp_path / "shots", bundled_content, (800, 600), data_dir=tmp_path / "nowhere")
    assert not (tmp_path / "nowhere").exists()
