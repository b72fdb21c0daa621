"""Render a scenario to HTML for a QTextBrowser: side by side, or as one script.

Qt-free: the viewer passes what to show (mode, hidden moments, a skill to
highlight) and gets a page back. Anchors: ``m-<moment>`` on each moment
title, ``m-<moment>-traditional`` and ``m-<moment>-sms`` at the top of each
version, so the viewer can jump and tests can check what is on screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import jinja2
from markupsafe import Markup

from trainer.modules.render import LIGHT, Theme, markdown_to_html
from trainer.scenarios.align import align, first_parting, parts_at
from trainer.scenarios.model import PRACTITIONER, Scenario

SIDE, SINGLE = "side", "single"


@dataclass
class RenderOptions:
    mode: str = SIDE
    hidden: set[str] = field(default_factory=set)  # moments whose SMS version is hidden
    untagged: set[str] = field(default_factory=set)  # moments whose skill tags are hidden (spotting)
    highlight: str | None = None  # a skill id to mark everywhere it is used
    skill_names: dict[str, str] = field(default_factory=dict)


def anchor(moment_id: str, version: str | None = None) -> str:
    return f"m-{moment_id}" + (f"-{version}" if version else "")


def turn_anchor(moment_id: str, index: int) -> str:
    """Anchor of turn ``index`` of a moment's self-management version."""
    return f"t-{moment_id}-{index}"


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("trainer.scenarios", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = lambda text: Markup(markdown_to_html(text)[0]) if text else ""
    env.globals["anchor"] = anchor
    env.globals["turn_anchor"] = turn_anchor
    return env


def render_scenario(scenario: Scenario, options: RenderOptions | None = None, theme: Theme = LIGHT) -> str:
    options = options or RenderOptions()
    names = options.skill_names

    def skill_name(skill: str) -> str:
        return names.get(skill, skill.replace("-", " ").capitalize())

    first = first_parting(scenario)
    return (
        _env()
        .get_template("scenario.html.j2")
        .render(
            s=scenario,
            rows=align(scenario),
            first=first,
            first_shared=parts_at(first) if first else 0,
            o=options,
            theme=theme,
            single=options.mode == SINGLE,
            skill_name=skill_name,
            is_practitioner=lambda t: scenario.role_of(t.speaker) == PRACTITIONER,
        )
    )
