"""Readable contrast in both themes: WCAG AA 4.5:1 for text, computed from the palettes."""

import pytest

from trainer.domain.contrast import contrast_ratio
from trainer.modules.render import DARK, LIGHT

AA = 4.5


def test_contrast_maths_known_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_palette_text_pairs_meet_aa(theme):
    from trainer.domain.colours import palette_colours

    c = palette_colours(theme)
    pairs = [
        ("Text", "Base"),
        ("WindowText", "Window"),
        ("ButtonText", "Button"),
        ("HighlightedText", "Highlight"),
        ("ToolTipText", "ToolTipBase"),
        ("PlaceholderText", "Base"),
        ("Link", "Base"),
        ("Text", "AlternateBase"),
    ]
    low = [(f, b, round(contrast_ratio(c[f], c[b]), 2)) for f, b in pairs if contrast_ratio(c[f], c[b]) < AA]
    assert low == []


@pytest.mark.parametrize("page, theme", [(LIGHT, "light"), (DARK, "dark")])
def test_module_page_colours_meet_aa_on_their_backgrounds(page, theme):
    from trainer.domain.colours import palette_colours

    base = palette_colours(theme)["Base"]
    backgrounds = [base, page.box, page.box_warning, page.box_activity, page.code_bg]
    for fg in (page.text, page.muted, page.link, page.heading):
        for bg in backgrounds:
            assert contrast_ratio(fg, bg) >= AA, (page.name, fg, bg)
