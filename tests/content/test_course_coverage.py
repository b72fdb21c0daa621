"""The complete course: every skill is taught and practised, and every scenario is reachable.

These checks run on the bundled content, so a course author who removes a
scenario, a module link or a skill tag learns at once which promise of the
course it breaks.
"""

from __future__ import annotations

import pytest

from trainer.content import bundled_content, load_content


@pytest.fixture(scope="module")
def content():
    return load_content(bundled_content())


@pytest.fixture(scope="module")
def tagged(content):
    """Skill id -> ids of the scenarios whose self-management turns are tagged with it."""
    out: dict[str, set[str]] = {}
    for scenario in content.scenarios:
        for moment in scenario.moments:
            for skill in moment.tags:
                out.setdefault(skill, set()).add(scenario.id)
    return out


def test_bundled_content_loads_with_no_errors_and_no_warnings(content):
    assert [d.format() for d in content.errors] == []
    assert [d.format() for d in content.warnings] == []


def test_at_least_six_scenarios_each_with_six_moments(content):
    assert len(content.scenarios) >= 6
    short = {s.id: len(s.moments) for s in content.scenarios if len(s.moments) < 6}
    assert not short, f"scenarios with fewer than six moments: {short}"


def test_every_moment_has_commentary_and_a_practice_prompt(content):
    missing = [
        f"{s.id}#{m.id}"
        for s in content.scenarios
        for m in s.moments
        if not m.commentary.strip() or not m.practice.strip()
    ]
    assert not missing, f"moments without commentary or practice prompt: {missing}"


def test_every_framework_skill_is_taught_by_a_module(content):
    taught = {skill for m in content.course.modules for skill in m.skills}
    missing = sorted(content.framework.skill_ids - taught)
    assert not missing, f"skills no module teaches: {missing}"


def test_every_framework_skill_is_practised_in_a_scenario(content, tagged):
    missing = sorted(content.framework.skill_ids - set(tagged))
    assert not missing, f"skills no scenario tags: {missing}"


def test_every_skill_is_practised_in_at_least_two_scenarios(content, tagged):
    # Each skill is practised in more than one setting, so learners meet it
    # with different people and practitioners.
    thin = sorted(skill for skill in content.framework.skill_ids if len(tagged.get(skill, ())) < 2)
    assert not thin, f"skills practised in only one scenario: {thin}"


def test_every_scenario_is_linked_from_a_module(content):
    linked = {sid for m in content.course.modules for sid in m.scenarios}
    orphans = sorted(s.id for s in content.scenarios if s.id not in linked)
    assert not orphans, f"scenarios no module links to: {orphans}"


def test_module_links_point_at_real_scenarios(content):
    known = {s.id for s in content.scenarios}
    broken = [(m.id, sid) for m in content.course.modules for sid in m.scenarios if sid not in known]
    assert not broken


def test_every_person_has_an_activation_level_and_level_one_is_covered(content):
    levels = {s.id: s.person.activation for s in content.scenarios}
    assert all(level in (1, 2, 3, 4) for level in levels.values()), levels
    assert 1 in set(levels.values()), f"no scenario at activation level 1: {levels}"


def test_scenarios_vary_people_and_practitioners(content):
    names = [s.person.name for s in content.scenarios]
    roles = [s.practitioner for s in content.scenarios]
    assert len(set(names)) == len(names), names
    assert len(set(roles)) == len(roles), roles
