"""Colours come from the design tokens (trainer/domain/tokens.py), never written into a screen."""

import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "trainer" / "ui"
HEX = re.compile(r"""["'\s:(]#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})\b""")


def hex_literals(text: str) -> list[str]:
    return [m.group(0).strip("\"' :(") for m in HEX.finditer(text)]


def test_no_colour_literal_in_the_ui_code():
    found = {
        str(path.relative_to(UI)): hex_literals(path.read_text(encoding="utf-8"))
        for path in sorted(UI.rglob("*.py"))
        if hex_literals(path.read_text(encoding="utf-8"))
    }
    assert found == {}, "use a role of trainer.domain.tokens instead"


def test_the_check_finds_a_literal():
    assert hex_literals('label.setStyleSheet("color: #b00020;")') == ["#b00020"]
    assert hex_literals("QColor('#fff')") == ["#fff"]
    assert hex_literals('href="#top"') == []
