from pathlib import Path

import pytest

from trainer.app import build


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
