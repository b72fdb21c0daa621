from pathlib import Path

import pytest

from trainer.app import build


@pytest.fixture(autouse=True)
def _application_font_and_palette_as_they_were(qapp):
    """A window's zoom and theme set the application's font and palette; a test that ends
    at 175% or in dark must not hand that to the next one (the layout tests measure text)."""
    font, palette = qapp.font(), qapp.palette()
    yield
    qapp.setFont(font)
    qapp.setPalette(palette)


@pytest.fixture
def make_app(qtbot, fixtures, tmp_path):
    """Build the real window on a fixture course; call again to 'restart'."""
    built = []

    def make(content: Path | None = None, data: Path | None = None):
        parts = build(content or fixtures / "course", data or tmp_path / "data")
        qtbot.addWidget(parts.window)
        parts.window.resize(1000, 700)
        parts.window.start()
        parts.window.show()
        qtbot.waitExposed(parts.window)
        built.append(parts)
        return parts

    yield make
    for parts in built:
        parts.store.close()
