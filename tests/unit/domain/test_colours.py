"""Error text stays readable in both themes (WCAG AA on the window colour)."""

import pytest

from trainer.domain.colours import error_text, palette_colours
from trainer.domain.contrast import contrast_ratio


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_error_text_meets_aa_on_the_window(theme):
    assert contrast_ratio(error_text(theme), palette_colours(theme)["Window"]) >= 4.5
    assert contrast_ratio(error_text(theme), palette_colours(theme)["Base"]) >= 4.5


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_focus_ring_colour_stands_out_from_the_window(theme):
    colours = palette_colours(theme)  # the ring is drawn in Highlight (WCAG 1.4.11: 3:1)
    assert contrast_ratio(colours["Highlight"], colours["Window"]) >= 3
    assert contrast_ratio(colours["Highlight"], colours["Base"]) >= 3
