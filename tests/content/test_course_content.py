"""The bundled course is complete and clean, and the readability script counts sensibly."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from trainer.content import bundled_content, load_content

ROOT = Path(__file__).resolve().parents[2]


def _load_readability():
    spec = importlib.util.spec_from_file_location("readability", ROOT / "scripts" / "readability.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("readability", module)
    spec.loader.exec_module(module)
    return module


readability = _load_readability()


@pytest.fixture(scope="module")
def content():
    return load_content(bundled_content())


def test_bundled_content_has_no_errors_or_warnings(content):
    assert [d.format() for d in content.diagnostics] == []


def test_course_has_at_least_eleven_working_modules(content):
    modules = content.course.modules
    assert len(modules) >= 11
    assert all(m.error is None for m in modules)


def test_every_module_is_complete(content):
    for m in content.course.modules:
        name = m.path.name
        assert m.duration_minutes is not None and 15 <= m.duration_minutes <= 30, name
        assert m.objectives, f"{name}: no objectives"
        assert m.keypoints, f"{name}: no keypoints"
        assert m.skills, f"{name}: no skills"
        assert m.reflection_prompt.strip(), f"{name}: no reflection prompt"
        assert re.search(r"^## Sources\s*$", m.body, re.MULTILINE), f"{name}: no '## Sources' heading"


def test_every_module_has_an_activity(content):
    for m in content.course.modules:
        assert re.search(r'^!!! activity "', m.body, re.MULTILINE), m.path.name


def test_every_framework_skill_is_taught(content):
    taught = {skill for m in content.course.modules for skill in m.skills}
    missing = content.framework.skill_ids - taught
    assert not missing, f"skills no module teaches: {sorted(missing)}"


def test_facilitator_guide_is_module_eleven(content):
    ids = [m.id for m in content.course.modules]
    assert "facilitator-guide" in ids
    guide = next(m for m in content.course.modules if m.id == "facilitator-guide")
    assert guide.path.name == "11-facilitator-guide.md"
    assert ids.index("facilitator-guide") == 10  # the eleventh module


# --- readability ------------------------------------------------------------


@pytest.mark.parametrize(
    "word, syllables",
    [
        ("cat", 1),
        ("table", 2),
        ("make", 1),
        ("walked", 1),
        ("wanted", 2),
        ("confidence", 3),
        ("practitioner", 4),
        ("people", 2),
        ("reflection", 3),
    ],
)
def test_syllable_estimates(word, syllables):
    assert readability.count_syllables(word) == syllables


def test_short_simple_sentence_scores_by_the_formula():
    stats = readability.analyse("The cat sat on the mat.")
    assert (stats.words, stats.sentences, stats.syllables) == (6, 1, 6)
    assert readability.flesch_reading_ease("The cat sat on the mat.") == pytest.approx(116.145)


def test_long_words_read_harder_than_short_words():
    easy = readability.flesch_reading_ease("We can talk about it. What do you want to do next?")
    hard = readability.flesch_reading_ease(
        "Organisational implementation necessitates comprehensive multidisciplinary consideration of sustainability."
    )
    assert easy > 80
    assert hard < 0
    assert easy > hard


def test_markdown_blocks_end_sentences_and_syntax_is_ignored():
    text = "## A heading\n\n- one item\n- [ ] a task\n\n| Part | Meaning |\n| --- | --- |\n| a | b |\n"
    plain = readability.plain_text(text)
    assert "#" not in plain and "|" not in plain and "[ ]" not in plain
    # heading + two items + two table rows of two cells each
    assert readability.analyse(text).sentences == 7


def test_empty_text_scores_zero():
    assert readability.flesch_reading_ease("") == 0.0
