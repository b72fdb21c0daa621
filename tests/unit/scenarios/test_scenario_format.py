"""The scenario file format: what it reads, and every error with its exact line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from trainer.cli import main
from trainer.content import load_content
from trainer.scenarios.loader import load_scenarios
from trainer.scenarios.model import SMS, TRADITIONAL

from .scenario_helpers import SKILLS, text, write


def problems(root: Path, severity: str | None = "error") -> list[tuple[int, str]]:
    loaded = load_scenarios(root, SKILLS)
    return [(d.line, d.message) for d in loaded.diagnostics if severity is None or d.severity == severity]


def only(root: Path, severity: str = "error") -> tuple[int, str]:
    found = problems(root, severity)
    assert len(found) == 1, found
    return found[0]


# -- reading a good file -----------------------------------------------------------------
def test_valid_scenario_loads_with_no_problems(tmp_path):
    write(tmp_path, text())
    loaded = load_scenarios(tmp_path, SKILLS)
    assert loaded.diagnostics == []
    (s,) = loaded.scenarios
    assert (s.id, s.title, s.setting, s.practitioner) == ("tiny", "A tiny scenario", "Clinic", "Nurse")
    assert s.person.activation == 2 and s.person.conditions == ["Asthma"]
    assert s.speakers == {"Nurse": "practitioner", "Sam": "person"}
    assert s.introduction == "An introduction."
    assert [m.id for m in s.moments] == ["opening", "agenda"]
    assert [m.title for m in s.moments] == ["Opening", "Agenda"]


def test_turns_directions_continuations_and_tags(tmp_path):
    write(tmp_path, text())
    s = load_scenarios(tmp_path, SKILLS).scenarios[0]
    opening = s.moment("opening")
    first = opening.traditional[0]
    assert (first.speaker, first.words, first.direction, first.line) == (
        "Nurse",
        "Hello, come in.",
        "looks at screen",
        23,
    )
    assert [t.speaker for t in opening.turns(TRADITIONAL)] == ["Nurse", "Sam", "Nurse"]
    asked = opening.turns(SMS)[2]
    assert asked.words == "How have things been? Take your time."
    assert asked.tags == ["open-questions"] and asked.line == 30
    assert opening.commentary == "They part ways at the third turn."
    assert opening.practice == "What would you ask first?"
    # A stage direction straight after a turn belongs to that turn.
    (asked,) = s.moment("agenda").sms
    assert asked.words == "What would you like to cover?" and asked.direction == "Sam thinks."
    assert asked.tags == ["open-questions"]


def test_stage_direction_on_its_own(tmp_path):
    write(tmp_path, text(insert={44: [""]}))
    s = load_scenarios(tmp_path, SKILLS).scenarios[0]
    direction_only = s.moment("agenda").sms[1]
    assert direction_only.speaker == "" and direction_only.direction == "Sam thinks."
    assert direction_only.words == "" and direction_only.line == 45


def test_id_defaults_to_file_name(tmp_path):
    write(tmp_path, text(drop={2}), name="My Scenario.md")
    assert load_scenarios(tmp_path, SKILLS).scenarios[0].id == "my-scenario"


# -- every kind of error, with its line ------------------------------------------------------
def test_missing_field_names_field(tmp_path):
    write(tmp_path, text(drop={4}))
    line, message = only(tmp_path)
    assert line == 2 and "field 'setting'" in message and "required" in message


def test_activation_out_of_range(tmp_path):
    write(tmp_path, text(replace={11: "  activation: 5"}))
    assert only(tmp_path) == (11, "field 'person.activation': expected a number of at most 4, found 5")


def test_bad_speaker_role(tmp_path):
    write(tmp_path, text(replace={14: "  Sam: patient"}))
    line, message = only(tmp_path)
    assert line == 14 and "speakers.Sam" in message and "'person'" in message


def test_speakers_need_a_person(tmp_path):
    write(tmp_path, text(replace={14: "  Sam: other"}))
    line, message = only(tmp_path)
    assert line == 12 and "role 'person'" in message


def test_unknown_skill_in_front_matter(tmp_path):
    write(tmp_path, text(replace={17: "skills:", 18: "  - open-question\n---"}))
    line, message = only(tmp_path)
    assert line == 18 and "unknown skill id 'open-question'" in message and 'did you mean "open-questions"' in message


def test_invalid_yaml_reports_its_line(tmp_path):
    write(tmp_path, text(replace={9: "  conditions: [Asthma"}))
    line, message = only(tmp_path)
    assert line == 9 and "not valid YAML" in message  # where the bracket was left open


def test_unknown_speaker(tmp_path):
    write(tmp_path, text(replace={32: "**Sammy:** Tiring."}))
    line, message = only(tmp_path)
    assert line == 32 and "unknown speaker 'Sammy'" in message and 'did you mean "Sam"' in message


def test_unknown_tag_on_continuation_line(tmp_path):
    write(tmp_path, text(replace={31: "  Take your time. {open-questions, reflection}"}))
    line, message = only(tmp_path)
    assert line == 31 and "unknown skill tag 'reflection'" in message and 'did you mean "reflections"' in message


def test_moment_missing_a_version(tmp_path):
    write(tmp_path, text(drop={42, 43, 44}))
    line, message = only(tmp_path)
    assert line == 39 and "moment 'agenda' has no '### Self-management support' version" in message


def test_version_with_no_turns(tmp_path):
    write(tmp_path, text(drop={41}))
    assert only(tmp_path) == (
        40,
        "the Traditional version of moment 'agenda' has no turns; add lines like '**Nurse:** words'",
    )


def test_duplicate_moment_id(tmp_path):
    write(tmp_path, text(replace={39: "## Moment: Something else {#opening}"}))
    line, message = only(tmp_path)
    assert line == 39 and "duplicate moment id 'opening' (first used on line 21)" in message


def test_bad_moment_id(tmp_path):
    write(tmp_path, text(replace={21: "## Moment: Opening {#Opening Bit}"}))
    line, message = only(tmp_path)
    assert line == 21 and "moment id 'Opening Bit'" in message


def test_duplicate_section_in_a_moment(tmp_path):
    write(tmp_path, text(insert={34: ["### Traditional", "**Nurse:** Again."]}))
    line, message = only(tmp_path)
    assert line == 34 and "already has a '### Traditional' section (line 22)" in message


def test_unknown_section(tmp_path):
    write(tmp_path, text(replace={36: "### Practise"}))
    line, message = only(tmp_path)
    assert line == 36 and "unknown section '### Practise'" in message


def test_text_outside_a_section(tmp_path):
    write(tmp_path, text(insert={22: ["Some stray words."]}))
    line, message = only(tmp_path)
    assert line == 22 and "outside a section" in message


def test_line_that_is_not_a_turn(tmp_path):
    write(tmp_path, text(insert={28: ["", "Nurse: forgot the bold."]}))
    line, message = only(tmp_path)
    assert line == 29 and "expected a turn that starts with the speaker in bold" in message


def test_no_moments(tmp_path):
    write(tmp_path, "\n".join(text().splitlines()[:19]) + "\n")
    assert only(tmp_path) == (
        19,
        "no moments found: add '## Moment: <title>' headings, each with "
        "'### Traditional' and '### Self-management support' turns",
    )


def test_no_front_matter(tmp_path):
    write(tmp_path, "## Moment: Opening\n")
    line, message = only(tmp_path)
    assert line == 1 and "no front matter" in message


def test_duplicate_scenario_id_across_files(tmp_path):
    write(tmp_path, text(), name="a.md")
    write(tmp_path, text(insert={2: ["# a comment"]}), name="b.md")
    loaded = load_scenarios(tmp_path, SKILLS)
    assert [(d.path.name, d.line) for d in loaded.diagnostics] == [("b.md", 3)]
    assert "duplicate scenario id 'tiny' (also used by a.md)" in loaded.diagnostics[0].message
    assert len(loaded.scenarios) == 1


def test_warnings_tags_in_traditional_and_missing_commentary(tmp_path):
    write(tmp_path, text(replace={26: "**Nurse:** Let's look at your peak flow. {open-questions}"}, drop={45, 46}))
    warnings = problems(tmp_path, "warning")
    assert [line for line, _ in warnings] == [26, 39]
    assert "Traditional version are ignored" in warnings[0][1]
    assert "no commentary" in warnings[1][1]
    s = load_scenarios(tmp_path, SKILLS).scenarios[0]
    assert s.moment("opening").traditional[2].tags == []


def test_listed_skill_never_tagged_is_a_warning(tmp_path):
    write(tmp_path, text(replace={17: "skills: [open-questions, reflections, permission]"}))
    line, message = only(tmp_path, "warning")
    assert line == 17 and "'permission' is listed as taught but no turn is tagged" in message


def test_scenario_with_errors_is_not_offered(tmp_path):
    write(tmp_path, text(replace={32: "**Sammy:** Tiring."}))
    loaded = load_scenarios(tmp_path, SKILLS)
    assert loaded.scenarios == [] and loaded.ids == {"tiny"}


# -- through the whole course -----------------------------------------------------------------
@pytest.fixture
def course(tmp_path, sample_course):
    root = tmp_path / "course"
    shutil.copytree(sample_course, root)
    return root


def test_module_link_to_unknown_scenario_is_an_error(course):
    module = next((course / "modules").glob("01-*.md"))
    lines = module.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("scenarios:"))
    lines[at] = "scenarios: [diabetes-reveiw]"
    module.write_text("\n".join(lines) + "\n", encoding="utf-8")
    content = load_content(course)
    (err,) = content.errors
    assert err.path == module and err.line == at + 1
    assert "unknown scenario id 'diabetes-reveiw'" in err.message and 'did you mean "diabetes-review"' in err.message


def test_validate_command_reports_scenario_errors(course, capsys):
    path = course / "scenarios" / "diabetes-review-practice-nurse.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    n = next(i for i, line in enumerate(lines) if "{open-questions}" in line)
    lines[n] = lines[n].replace("{open-questions}", "{open-question}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["validate", str(course)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:{n + 1}: error: unknown skill tag 'open-question'" in out
    assert "1 error" in out


def test_worked_example_in_the_docs_is_valid(tmp_path, sample_course):
    from trainer.competencies.framework import load_framework

    doc = (Path(__file__).resolve().parents[3] / "docs" / "SCENARIOS.md").read_text(encoding="utf-8")
    example = doc.split("```markdown\n", 1)[1].split("\n```\n", 1)[0]
    write(tmp_path, example + "\n", name="example.md")
    framework, _ = load_framework(sample_course)
    loaded = load_scenarios(tmp_path, framework.skill_ids)
    assert loaded.diagnostics == []
    (s,) = loaded.scenarios
    assert s.id == "example-back-pain" and [m.id for m in s.moments] == ["opening"]
    assert s.moments[0].sms[2].tags == ["agenda-setting", "open-questions"]


# -- robustness -----------------------------------------------------------------------------
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PIECES = st.sampled_from(
    [
        "## Moment: A",
        "## B {#b}",
        "### Traditional",
        "### Self-management support",
        "### SMS",
        "### Commentary",
        "### Practice",
        "### Other",
        "**Nurse:** hi",
        "**Sam:** yo {reflections}",
        "**Ghost:** boo",
        "_(pause)_",
        "{open-questions}",
        "plain words",
        "",
        "# Top",
        "```",
        "{",
        "**",
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(PIECES, st.text(max_size=30)), max_size=25))
def test_any_body_loads_without_crashing_and_lines_are_in_the_file(tmp_path, lines):
    front = text().split("An introduction.")[0]
    body = "\n".join(line.replace("\r", " ") for line in lines)
    path = write(tmp_path, front + body + "\n")
    n_lines = len(path.read_text(encoding="utf-8").splitlines())
    loaded = load_scenarios(tmp_path, SKILLS)
    assert all(1 <= d.line <= max(n_lines, 1) + 1 for d in loaded.diagnostics)
    for s in loaded.scenarios:
        assert all(m.traditional and m.sms for m in s.moments)
