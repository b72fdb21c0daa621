"""Every screen at 175% zoom in a small window: no button squeezed below the size of its text,
and screenshots of every screen and dialog in light and dark."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication

from ..a11y_walk import settle


@pytest.fixture
def zoomed(make_app, sample_course):
    parts = make_app(content=sample_course)
    parts.window.set_zoom(175)
    parts.window.resize(800, 600)
    yield parts
    parts.window.set_zoom(100)


def squeezed_buttons(root) -> list[str]:
    out = []
    for b in root.findChildren(QAbstractButton):
        if not b.isVisible() or not b.text().strip():
            continue
        need = b.minimumSizeHint()
        if b.width() < need.width() - 1 or b.height() < need.height() - 1:
            out.append(f"{type(b).__name__} '{b.text()}' {b.width()}x{b.height()} < {need.width()}x{need.height()}")
    return out


def test_no_button_is_squeezed_at_175_percent_in_a_small_window(zoomed):
    window = zoomed.window
    problems = {}
    for key in list(window.sections):
        window.section(key)
        window.show_section(key)
        settle()
        found = squeezed_buttons(window.sections[key])
        if found:
            problems[key] = found
    assert problems == {}, problems


def test_screenshots_at_a_zoom_cover_every_screen_light_and_dark(tmp_path, sample_course):
    from trainer.app import launch
    from trainer.ui.common.zoom import current_zoom
    from trainer.ui.screenshots.main import save_screenshots

    saved = save_screenshots(
        launch, tmp_path / "shots", sample_course, (800, 600), data_dir=tmp_path / "data", zoom=175
    )
    names = {p.name for p in saved}
    for key in ("home", "course", "journal", "scenarios", "skills"):
        for theme in ("light", "dark"):
            assert f"screen-{key}-{theme}-800x600-z175.png" in names
    for dialog in ("welcome", "export", "search", "settings"):
        assert f"dialog-{dialog}-dark-800x600-z175.png" in names
    assert all(p.stat().st_size > 1000 for p in saved)
    assert current_zoom(QApplication.instance()) == 100  # the person's own zoom is put back
