"""Issue 17, item 6: text from a file never reaches the terminal as escape sequences.

A bundle's session date (or any other value read from a file) could carry
ESC sequences that clear the screen, retitle the window or fake output.
"""

from __future__ import annotations

import json

import pytest

from trainer.cli import main
from trainer.sessions.bundles import FORMAT, VERSION

NASTY = "\x1b[2J\x1b]0;pwned\x07\x9b31m\r\u202e"


def _bundle(tmp_path, date: str = "2026-11-20", counts: dict | None = None):
    data = {
        "format": FORMAT,
        "version": VERSION,
        "exported": "2026-11-20T12:00:00",
        "session": {"uid": "s-1", "title": "Riverside", "date": date},
        "learner": {"name": "Asha Patel"},
        "observations": [
            {
                "uid": "o-1",
                "round": 1,
                "observer_name": "Ben",
                "note": "",
                "counts": counts if counts is not None else {"open_question": 1},
            }
        ],
    }
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _controls(text: str) -> list[str]:
    return [
        c
        for c in text
        if (ord(c) < 32 and c not in "\n\t")
        or 0x7F <= ord(c) < 0xA0
        or c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    ]


def test_a_bundle_session_date_is_printed_without_escape_sequences(tmp_path, capsys):
    path = _bundle(tmp_path, date="2026-11-20" + NASTY)
    assert main(["import-bundle", str(path), "--data", str(tmp_path / "data")]) == 0
    out = capsys.readouterr()
    assert "Added 1 observation" in out.out and "2026-11-20" in out.out
    assert _controls(out.out + out.err) == []


def test_an_error_quoting_a_bundle_is_printed_without_escape_sequences(tmp_path, capsys):
    path = _bundle(tmp_path, counts={"open_question" + NASTY: 1})
    assert main(["import-bundle", str(path), "--data", str(tmp_path / "data")]) == 2
    out = capsys.readouterr()
    assert "unknown behaviour" in out.err
    assert _controls(out.out + out.err) == []


@pytest.mark.parametrize(
    "text, shown",
    [
        ("plain words", "plain words"),
        ("two\nlines\ttab", "two\nlines\ttab"),
        ("a\x1b[31mred", "a[31mred"),
        ("b\x00\x07\x9b", "b"),
    ],
)
def test_terminal_text_keeps_words_and_drops_controls(text, shown):
    from trainer.domain.safe_text import terminal_text

    assert terminal_text(text) == shown
