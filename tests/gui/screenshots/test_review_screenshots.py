"""The screenshot command saves the Review section: empty, and a session when the course has questions."""

from __future__ import annotations

from tests.unit.review.support import choice, free, order
from trainer.app import launch
from trainer.domain.questions import MI_CONSISTENT
from trainer.ui.screenshots.main import save_screenshots


def test_screenshots_include_the_review_section(qapp, tmp_path, sample_course):
    def with_questions(content, data):
        app, parts = launch(content, data)
        first = parts.controller.course.readable()[0]
        first.questions = [choice("a", MI_CONSISTENT), order(), free()]  # until the parser fills them
        return app, parts

    saved = save_screenshots(with_questions, tmp_path / "shots", sample_course, (800, 600), data_dir=tmp_path / "d")
    names = {p.name for p in saved}
    for state in ("review", "review-due", "review-question", "review-feedback", "review-written", "review-end"):
        assert f"{state}-800x600.png" in names
        if state not in ("review", "review-due"):
            assert f"{state}-dark-800x600.png" in names or state == "review-feedback"


def test_without_questions_only_the_empty_review_is_saved(qapp, tmp_path, sample_course):
    def without_questions(content, data):
        app, parts = launch(content, data)
        for module in parts.controller.course.modules:
            module.questions = []
        return app, parts

    saved = save_screenshots(without_questions, tmp_path / "shots", sample_course, (800, 600), data_dir=tmp_path / "d")
    names = {p.name for p in saved if p.name.startswith("review")}
    assert names == {"review-800x600.png", "review-dark-800x600.png"}
