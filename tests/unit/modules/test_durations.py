"""Honest durations: reading time from the words, plus the activity, against what is stated."""

from __future__ import annotations

from pathlib import Path

from trainer.domain.course import Module
from trainer.modules.durations import duration_diagnostics, reading_minutes
from trainer.modules.loader import load_course
from trainer.modules.render import render_module


def _module(words: int, stated: int | None, activity: int | None = None) -> Module:
    body = "# Title\n\n" + " ".join(["word"] * words) + "\n"
    return Module("m", "M", Path("m.md"), 1, duration_minutes=stated, activity_minutes=activity, body=body)


def test_reading_time_counts_prose_at_200_words_a_minute():
    assert reading_minutes("one two three") == 1
    assert reading_minutes(" ".join(["word"] * 1000)) == 5
    assert reading_minutes(" ".join(["word"] * 1001)) == 6


def test_code_blocks_and_link_targets_are_not_read():
    body = "Read [this](https://example.org/a/very/long/path/with/many/words)\n```\n" + "x " * 5000 + "\n```\n"
    assert reading_minutes(body) == 1


def test_a_module_that_claims_far_more_than_it_holds_is_warned_about():
    [warning] = duration_diagnostics(_module(words=799, stated=25), line_of_duration=7)
    assert warning.line == 7 and not warning.is_error
    assert "25 minutes, but the module is about 4 min reading = 4" in warning.message
    assert "add 'activity_minutes:'" in warning.message


def test_reading_plus_activity_that_adds_up_is_fine():
    assert duration_diagnostics(_module(words=799, stated=20, activity=15), 7) == []
    assert duration_diagnostics(_module(words=799, stated=5), 7) == []
    assert duration_diagnostics(_module(words=799, stated=None), 7) == []


def test_an_activity_that_does_not_fit_the_total_is_warned_about():
    [warning] = duration_diagnostics(_module(words=799, stated=10, activity=30), 7)
    assert "4 min reading + 30 min activity = 34" in warning.message


def test_validate_reports_the_line_and_the_page_shows_the_split(tmp_path):
    modules = tmp_path / "modules"
    modules.mkdir()
    words = " ".join(["word"] * 600)
    (modules / "01-a.md").write_text(f"---\ntitle: A\nduration_minutes: 40\n---\n# A\n\n{words}\n", encoding="utf-8")
    (modules / "02-b.md").write_text(
        f"---\ntitle: B\nduration_minutes: 18\nactivity_minutes: 15\n---\n# B\n\n{words}\n", encoding="utf-8"
    )
    course = load_course(tmp_path)
    warnings = [d for d in course.diagnostics if "duration_minutes" in d.message]
    assert [(d.path.name, d.line) for d in warnings] == [("01-a.md", 3)]
    page = render_module(course.module("b"))
    assert "About 18 minutes: 3 to read, 15 for the activity" in page.html
