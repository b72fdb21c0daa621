"""The screenshot gallery: what it keeps, and the README's pictures exist."""

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def gallery():
    spec = importlib.util.spec_from_file_location("gallery", ROOT / "scripts" / "gallery.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_sections_and_dialogs_are_kept_at_every_size_and_zoom():
    g = gallery()
    assert g.gallery_name("screen-home-dark-800x600-z175.png") == "home-dark-800x600-z175.png"
    assert g.gallery_name("dialog-search-light-1280x800-z100.png") == "dialog-search-light-1280x800-z100.png"
    assert g.gallery_name("dialog-search-light-800x600-z175.png") == "dialog-search-light-800x600-z175.png"
    assert g.gallery_name("session-control-1920x1080.png") is None
    assert g.SIZES == ("1280x800", "800x600") and g.ZOOMS == (100, 175)


def test_readme_shows_three_pictures_of_the_gallery():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    pictures = re.findall(r"!\[[^\]]*\]\((docs/screenshots/[^)]+\.png)\)", readme)
    assert len(pictures) == 3
    assert [p for p in pictures if not (ROOT / p).is_file()] == []
