"""Loading competencies.yaml: the bundled file, and every error it can have."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from trainer.competencies.framework import load_framework
from trainer.competencies.teaching import modules_by_skill, scenarios_by_skill
from trainer.content import load_content

GOOD = """\
title: Test framework
scale:
  - value: 0
    label: Not done
  - value: 1
    label: Partly
  - value: 2
    label: Done well
  - value: null
    label: Not applicable
globals:
  - id: partnership
    name: Partnership
thresholds:
  reflection_to_question: {fair: 1.0, good: 2.0}
skills:
  - id: open-questions
    name: Uses open questions
    done_well: Mostly open questions.
  - id: reflections
    name: Reflects back
    done_well: Reflects meaning and feeling.
"""


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "competencies.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def errors(tmp_path: Path, text: str):
    framework, diags = load_framework(write(tmp_path, text))
    return framework, [d for d in diags if d.is_error]


def test_bundled_framework_loads_without_problems(sample_course):
    framework, diags = load_framework(sample_course)
    assert diags == []
    assert len(framework.skills) == 15
    assert {"agenda-setting", "signposting", "plan-confidence"} <= framework.skill_ids
    assert [g.id for g in framework.globals] == ["partnership", "empathy"]
    assert framework.threshold("reflection_to_question").good == 2.0
    assert framework.scale_label(None) == "Not applicable"


def test_minimal_file_loads(tmp_path):
    framework, errs = errors(tmp_path, GOOD)
    assert errs == []
    assert framework.skill("reflections").name == "Reflects back"


def test_missing_thresholds_fall_back_to_defaults_with_a_warning(tmp_path):
    framework, diags = load_framework(
        write(tmp_path, GOOD.replace("thresholds:\n  reflection_to_question: {fair: 1.0, good: 2.0}\n", ""))
    )
    assert not any(d.is_error for d in diags)
    assert framework.threshold("complex_reflections").fair == 0.4
    assert framework.threshold("permission_rate").good == 0.9
    [warning] = diags
    assert "no value for reflection_to_question, complex_reflections" in warning.message
    assert "complex_reflections fair 0.4, good 0.5" in warning.message


def test_thresholds_in_the_file_win_and_typos_are_flagged(tmp_path):
    text = GOOD.replace(
        "  reflection_to_question: {fair: 1.0, good: 2.0}\n",
        "  reflection_to_question: {fair: 1.5, good: 3.0}\n  complex_reflection: {fair: 1, good: 2}\n",
    )
    framework, diags = load_framework(write(tmp_path, text))
    assert framework.threshold("reflection_to_question").good == 3.0
    typo = [d for d in diags if "complex_reflection'" in d.message]
    assert len(typo) == 1 and 'did you mean "complex_reflections"' in typo[0].message
    assert typo[0].line == text.splitlines().index("  complex_reflection: {fair: 1, good: 2}") + 1


def test_duplicate_skill_id_names_both_lines(tmp_path):
    text = GOOD.replace("id: reflections", "id: open-questions")
    framework, errs = errors(tmp_path, text)
    assert framework is None
    assert len(errs) == 1
    lines = text.splitlines()
    second = max(i for i, line in enumerate(lines, 1) if "id: open-questions" in line)
    first = min(i for i, line in enumerate(lines, 1) if "id: open-questions" in line)
    assert errs[0].line == second
    assert "duplicate skill id 'open-questions'" in errs[0].message
    assert f"line {first}" in errs[0].message
    assert "skills[2].id" in errs[0].message


def test_missing_field_names_the_item_and_field(tmp_path):
    text = GOOD.replace("    done_well: Reflects meaning and feeling.\n", "")
    framework, errs = errors(tmp_path, text)
    assert framework is None
    assert len(errs) == 1
    assert "skills[2].done_well" in errs[0].message
    assert "required" in errs[0].message
    assert errs[0].line == text.splitlines().index("  - id: reflections") + 1


def test_bad_skill_id_reports_its_line(tmp_path):
    text = GOOD.replace("id: reflections", "id: Reflections Back")
    _, errs = errors(tmp_path, text)
    assert len(errs) == 1
    assert errs[0].line == text.splitlines().index("  - id: Reflections Back") + 1
    assert "lower-case" in errs[0].message


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("  - value: 2\n", "  - value: 3\n", "expected 0, 1, 2 or null"),
        ("  - value: 2\n", "  - value: 1\n", "listed twice"),
        ("  - value: 2\n    label: Done well\n", "", "missing 2"),
        ("  - value: 1\n", "  - value: high\n", "scale[2].value"),
    ],
)
def test_bad_scale_is_reported_on_its_line(tmp_path, old, new, expected):
    text = GOOD.replace(old, new)
    framework, errs = errors(tmp_path, text)
    assert framework is None
    assert any(expected in e.message for e in errs), [e.message for e in errs]
    lines = text.splitlines()
    scale_lines = range(lines.index("scale:") + 1, lines.index("globals:") + 1)
    assert all(e.line in scale_lines for e in errs), [(e.line, e.message) for e in errs]


def test_thresholds_the_wrong_way_round(tmp_path):
    text = GOOD.replace("{fair: 1.0, good: 2.0}", "{fair: 3.0, good: 2.0}")
    _, errs = errors(tmp_path, text)
    assert len(errs) == 1
    assert "thresholds.reflection_to_question" in errs[0].message
    assert errs[0].line == text.splitlines().index("  reflection_to_question: {fair: 3.0, good: 2.0}") + 1


def test_global_min_not_below_max(tmp_path):
    text = GOOD.replace("    name: Partnership\n", "    name: Partnership\n    min: 5\n    max: 5\n")
    _, errs = errors(tmp_path, text)
    assert len(errs) == 1
    assert "min below max" in errs[0].message
    assert errs[0].line == text.splitlines().index("    min: 5") + 1


def test_not_yaml_reports_line(tmp_path):
    _, errs = errors(tmp_path, GOOD + "  - id: [unclosed\n")
    assert len(errs) == 1
    assert errs[0].line >= len(GOOD.splitlines())


def test_unknown_field_is_a_warning_with_line(tmp_path):
    text = GOOD.replace("    name: Reflects back\n", "    name: Reflects back\n    colour: blue\n")
    framework, diags = load_framework(write(tmp_path, text))
    assert framework is not None
    [warning] = [d for d in diags if "colour" in d.message]
    assert not warning.is_error
    assert warning.line == text.splitlines().index("    colour: blue") + 1


def test_validate_shows_framework_errors(tmp_path, sample_course):
    course = tmp_path / "course"
    shutil.copytree(sample_course, course)
    path = course / "competencies.yaml"
    path.write_text(path.read_text().replace("id: signposting", "id: follow-up"))
    content = load_content(course)
    assert any("duplicate skill id 'follow-up'" in d.message for d in content.errors)


def test_modules_teaching_each_skill_come_from_front_matter(sample_course):
    content = load_content(sample_course)
    teaching = modules_by_skill(content.course)
    for module in content.course.readable():
        for skill_id in module.skills:
            assert module in teaching[skill_id]
    assert all(skill_id in content.framework.skill_ids for skill_id in teaching)


def test_scenarios_by_skill_accepts_tags_or_skills():
    class Scenario:
        def __init__(self, id, tags=(), skills=()):
            self.id, self.tags, self.skills = id, list(tags), list(skills)

    a, b = Scenario("a", tags=["permission"]), Scenario("b", skills=["permission", "summaries"])
    found = scenarios_by_skill([a, b])
    assert found["permission"] == [a, b]
    assert found["summaries"] == [b]


TECHNICAL = GOOD.replace(
    "globals:\n  - id: partnership\n    name: Partnership\n",
    "globals:\n  - id: partnership\n    name: Partnership\n"
    "  - id: cultivating-change-talk\n    name: Cultivating change talk\n    group: technical\n",
)


def test_a_technical_global_is_judged_by_the_technical_thresholds(tmp_path):
    text = TECHNICAL.replace(
        "  reflection_to_question: {fair: 1.0, good: 2.0}\n",
        "  reflection_to_question: {fair: 1.0, good: 2.0}\n  technical_global: {fair: 2.5, good: 3.5}\n",
    )
    framework, diags = load_framework(write(tmp_path, text))
    assert not any("technical_global" in d.message for d in diags), "a known threshold, not a typo"
    partnership, change_talk = framework.globals
    assert (partnership.group, partnership.threshold_key) == ("relational", "relational_global")
    assert (change_talk.group, change_talk.threshold_key) == ("technical", "technical_global")
    assert framework.threshold(change_talk.threshold_key).good == 3.5


def test_the_technical_thresholds_default_to_miti_and_are_not_asked_for(tmp_path):
    framework, diags = load_framework(write(tmp_path, TECHNICAL))
    assert framework.threshold("technical_global").fair == 3.0
    assert framework.threshold("technical_global").good == 4.0
    assert not any("technical_global" in d.message for d in diags)


def test_an_unknown_global_group_is_an_error_on_its_line(tmp_path):
    text = TECHNICAL.replace("    group: technical\n", "    group: tecnical\n")
    _, errs = errors(tmp_path, text)
    assert len(errs) == 1 and "group" in errs[0].message
    assert errs[0].line == text.splitlines().index("    group: tecnical") + 1
