"""Home's skill suggestion comes from the ratings, which are loaded only once something is rated."""

from trainer.app import build
from trainer.content import load_content
from trainer.tools.demo_records import make_demo


def test_home_suggests_a_skill_once_something_is_rated(qtbot, sample_course, tmp_path):
    make_demo(tmp_path, load_content(sample_course))  # an invented learner with ratings
    parts = build(sample_course, tmp_path)
    qtbot.addWidget(parts.window)
    try:
        summary = parts.window.sections["home"]._summary()
        assert summary.next_skill is not None and summary.next_skill.name
    finally:
        parts.store.close()


def test_nothing_rated_no_suggestion(qtbot, sample_course, tmp_path):
    parts = build(sample_course, tmp_path)
    qtbot.addWidget(parts.window)
    try:
        assert parts.window.sections["home"]._summary().next_skill is None
    finally:
        parts.store.close()
