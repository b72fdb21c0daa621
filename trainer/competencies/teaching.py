"""Which modules teach which skill, computed from the modules' ``skills:`` lists.

Nothing here is stored in ``competencies.yaml``: the modules are the one
source of truth for what they teach.
"""

from __future__ import annotations

from trainer.domain.course import Course, Module


def modules_by_skill(course: Course) -> dict[str, list[Module]]:
    """Skill id -> readable modules listing it, in course order."""
    out: dict[str, list[Module]] = {}
    for module in course.readable():
        for skill_id in module.skills:
            bucket = out.setdefault(skill_id, [])
            if module not in bucket:
                bucket.append(module)
    return out


def scenarios_by_skill(scenarios: list) -> dict[str, list]:
    """Skill id -> scenarios tagged with it (``skills`` or ``tags`` attribute)."""
    out: dict[str, list] = {}
    for scenario in scenarios or []:
        tags = list(getattr(scenario, "skills", None) or []) + list(getattr(scenario, "tags", None) or [])
        for tag in dict.fromkeys(tags):
            out.setdefault(tag, []).append(scenario)
    return out
