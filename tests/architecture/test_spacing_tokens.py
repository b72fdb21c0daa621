"""House rule 6: spacings come from the design tokens (trainer/domain/tokens.py), never
one-off numbers: a margin or a gap written as a number in trainer/ui fails here."""

from __future__ import annotations

import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "trainer" / "ui"
CALL = re.compile(r"\.(setContentsMargins|setSpacing|setHorizontalSpacing|setVerticalSpacing|addSpacing)\(([^()]*)\)")


def one_off_spacings(source: str) -> list[str]:
    """Calls whose arguments include a number other than 0."""
    found = []
    for match in CALL.finditer(source):
        args = [a.strip() for a in match.group(2).split(",")]
        if any(re.fullmatch(r"\d+", a) and a != "0" for a in args):
            found.append(match.group(0))
    return found


def test_the_check_sees_a_number_and_lets_tokens_and_zero_pass():
    assert one_off_spacings("layout.setContentsMargins(10, 10, 10, 10)") == [".setContentsMargins(10, 10, 10, 10)"]
    assert one_off_spacings("row.setSpacing(tokens.SPACE_1)\nlayout.setContentsMargins(0, 0, 0, 0)") == []


def test_no_one_off_spacings_in_the_ui():
    found = {
        str(path.relative_to(UI)): calls
        for path in sorted(UI.rglob("*.py"))
        if (calls := one_off_spacings(path.read_text(encoding="utf-8")))
    }
    assert found == {}


COLOUR = re.compile(r"QColor\(([^()]*)\)|[\"']#[0-9a-fA-F]{6}\b")


def one_off_colours(source: str) -> list[str]:
    """Colours written as numbers or hex strings (fully transparent QColor(0, 0, 0, 0) aside)."""
    found = []
    for match in COLOUR.finditer(source):
        args = [a.strip() for a in (match.group(1) or "").split(",")]
        if match.group(1) is not None and (not all(re.fullmatch(r"\d+", a) for a in args) or set(args) == {"0"}):
            continue  # a token's colour, a variable, or transparent
        found.append(match.group(0))
    return found


def test_the_colour_check_sees_numbers_and_hex_and_lets_tokens_pass():
    assert one_off_colours("QColor(255, 214, 102)\ncolour = '#ffd666'") == ["QColor(255, 214, 102)", "'#ffd666"]
    assert one_off_colours('QColor(tokens.colour(theme, "accent"))\nQColor(0, 0, 0, 0)') == []


def test_no_one_off_colours_in_the_ui():
    found = {
        str(path.relative_to(UI)): calls
        for path in sorted(UI.rglob("*.py"))
        if (calls := one_off_colours(path.read_text(encoding="utf-8")))
    }
    assert found == {}
