"""Session plans: the bundled ones load; mistakes are reported with exact lines."""

import shutil
import textwrap

import pytest

from trainer.content import load_content
from trainer.sessions.plans import load_plans, plan_summary


@pytest.fixture
def course(tmp_path, fixtures):
    root = tmp_path / "course"
    shutil.copytree(fixtures / "course", root)
    (root / "sessions").mkdir()
    return root


def write(root, name, text):
    path = root / "sessions" / name
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def test_bundled_plans_load_without_problems(sample_course):
    content = load_content(sample_course)
    plans = {p.id: p for p in content.plans}
    assert set(plans) >= {"taster-90", "half-day-goals"}
    assert not [d for d in content.diagnostics if "sessions" in str(d.path)]
    taster = plans["taster-90"]
    assert taster.total_minutes == 90
    practice = [taster.phases[i].practice for i in taster.practice_phases()]
    assert [p.format for p in practice] == ["triads"] * 3
    assert {p.skill for p in practice} == {"agenda-setting", "importance", "confidence"}
    assert plans["half-day-goals"].total_minutes == 210
    assert plan_summary(taster) == "plan 'taster-90': 14 phases, 3 practice rounds, 90 minutes in all"


GOOD = """
    id: short
    title: A short plan
    phases:
      - kind: welcome
        title: Hello
        minutes: 5
      - kind: practice
        title: Round 1
        minutes: 10
        module: first
        practice:
          format: pairs
          skill: reflections
"""


def test_a_good_plan_loads(course):
    write(course, "short.yaml", GOOD)
    content = load_content(course)
    assert [p.id for p in content.plans] == ["short"]
    assert content.errors == []


def test_unknown_skill_and_module_name_their_lines(course):
    path = write(
        course,
        "bad.yaml",
        """
        id: bad
        title: Bad ids
        phases:
          - kind: input
            title: Talk
            minutes: 5
            module: secnod
          - kind: practice
            title: Round
            minutes: 10
            practice:
              format: triads
              skill: reflection
    """,
    )
    plans, diags = load_plans(course, known_skills={"reflections", "summaries"}, known_modules={"first", "second"})
    assert plans == []
    shown = [d.format() for d in diags]
    assert shown == [
        f"{path}:7: error: field 'phases[1].module': unknown module id 'secnod' (did you mean \"second\"?)",
        f"{path}:13: error: field 'phases[2].practice.skill': unknown skill id 'reflection' "
        '(did you mean "reflections"?); expected an id from the competency framework',
    ]


def test_minutes_must_be_positive_and_fields_present(course):
    path = write(
        course,
        "minutes.yaml",
        """
        id: minutes
        title: Minutes
        phases:
          - kind: welcome
            title: Hello
            minutes: 0
          - kind: practice
            title: Round
            minutes: 5
          - kind: dance
            title: Dance
            minutes: ten
            colour: red
    """,
    )
    content = load_content(course)
    shown = sorted(d.format() for d in content.diagnostics if d.path == path)
    assert f"{path}:6: error: field 'phases[1].minutes': expected a number above 0, found 0" in shown
    assert any(s.startswith(f"{path}:7: error: field 'phases[2]': a 'practice' phase needs") for s in shown)
    assert any(s.startswith(f"{path}:10: error: field 'phases[3].kind': expected one of") for s in shown)
    assert f"{path}:12: error: field 'phases[3].minutes': expected a whole number, found 'ten'" in shown
    assert f"{path}:13: warning: unknown field 'phases[3].colour'; it is ignored" in shown
    assert content.plans == []


def test_bad_yaml_and_duplicate_ids(course):
    write(course, "a.yaml", GOOD)
    dup = write(course, "b.yaml", GOOD)
    broken = write(course, "c.yaml", "id: [oops\ntitle: x\n")
    plans, diags = load_plans(course)
    assert [p.id for p in plans] == ["short"]
    shown = [d.format() for d in diags]
    assert f"{dup}:1: error: duplicate plan id 'short' (also used by a.yaml)" in shown
    assert any(s.startswith(f"{broken}:1: error: not valid YAML") for s in shown)


def test_scenario_material_needs_a_scenario(course):
    path = write(
        course,
        "scen.yaml",
        """
        id: scen
        title: Scenario practice
        phases:
          - kind: practice
            title: Round
            minutes: 5
            practice:
              format: pairs
              skill: reflections
              material: scenario
    """,
    )
    plans, diags = load_plans(course)
    assert plans == []
    assert diags[0].path == path and diags[0].line == 7 and "needs a 'scenario:' id" in diags[0].message


def test_a_block_too_short_for_everyone_to_practise_its_skill_is_warned_about(course):
    path = write(
        course,
        "short.yaml",
        """
        id: short-block
        title: One round of follow-up
        phases:
          - kind: practice
            title: Round 1
            minutes: 10
            practice:
              format: pairs
              skill: follow-up
          - kind: practice
            title: Round 2
            minutes: 10
            practice:
              format: triads
              skill: reflections
          - kind: practice
            title: Round 3
            minutes: 10
            practice:
              format: triads
              skill: reflections
          - kind: practice
            title: Round 4
            minutes: 10
            practice:
              format: triads
              skill: reflections
    """,
    )
    plans, diags = load_plans(course)
    assert [p.id for p in plans] == ["short-block"], "a warning, not an error"
    warnings = [d for d in diags if d.path == path]
    assert len(warnings) == 1 and not warnings[0].is_error
    assert warnings[0].line == 4  # the block's first phase
    assert "a pairs block of 1 round: only 1 of every 2 people practise 'follow-up'" in warnings[0].message
