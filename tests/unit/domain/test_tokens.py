"""The design tokens: every pair of colours meant to be read together meets WCAG AA in
both themes, and spacings sit on the 8-px grid."""

import re

import pytest

from trainer.domain import tokens
from trainer.domain.contrast import contrast_ratio

HEX = re.compile(r"^#[0-9a-f]{6}$")


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_text_pair_meets_aa(theme):
    c = tokens.colours(theme)
    ratios = [(f, b, round(contrast_ratio(c[f], c[b]), 2)) for f, b in tokens.TEXT_PAIRS]
    low = [pair for pair in ratios if pair[2] < 4.5]
    assert low == []


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_borders_and_accent_meet_three_to_one(theme):
    c = tokens.colours(theme)
    ratios = [(f, b, round(contrast_ratio(c[f], c[b]), 2)) for f, b in tokens.UI_PAIRS]
    low = [pair for pair in ratios if pair[2] < 3]
    assert low == []


def test_presenter_colours_meet_aa():
    c = tokens.PRESENTER
    assert [(f, b) for f, b in tokens.PRESENTER_PAIRS if contrast_ratio(c[f], c[b]) < 4.5] == []


def test_both_themes_have_the_same_roles_and_only_hex_colours():
    assert set(tokens.LIGHT) == set(tokens.DARK)
    assert all(HEX.match(v) for v in [*tokens.LIGHT.values(), *tokens.DARK.values(), *tokens.PRESENTER.values()])


def test_every_role_named_in_a_pair_exists():
    for fg, bg in (*tokens.TEXT_PAIRS, *tokens.UI_PAIRS):
        assert fg in tokens.LIGHT and bg in tokens.LIGHT


def test_spacing_is_on_the_eight_pixel_grid():
    assert tokens.SPACE_HALF == 4
    assert all(s % 8 == 0 for s in tokens.SPACING if s != tokens.SPACE_HALF)
    assert list(tokens.SPACING) == sorted(tokens.SPACING)


def test_type_scale_grows_and_follows_the_base_size():
    sizes = [tokens.type_size(10, r) for r in ("caption", "body", "subtitle", "title", "display")]
    assert sizes == sorted(sizes) and tokens.type_size(10, "body") == 10
    assert tokens.type_size(20, "title") == 2 * tokens.type_size(10, "title")


def test_a_contrast_failure_would_be_caught():
    """The check reads the tokens: a pale grey text on white fails it."""
    assert contrast_ratio("#999999", tokens.LIGHT["surface"]) < 4.5
