from pathlib import Path

from trainer.content import load_content
from trainer.journal.templates import TICKS, load_templates


def write(root: Path, name: str, text: str) -> Path:
    folder = root / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


GOOD = """\
id: quick
title: Quick check
sections:
  - id: one
    title: One
    prompt: What happened?
    example: Something small.
"""


def test_bundled_templates_load_without_problems(sample_course):
    templates, diags = load_templates(sample_course)
    assert diags == []
    by_id = {t.id: t for t in templates}
    assert [t.id for t in templates] == ["rolfe", "gibbs", "nmc-reflective-account"]
    assert [s.id for s in by_id["gibbs"].sections] == [
        "description",
        "feelings",
        "evaluation",
        "analysis",
        "conclusion",
        "action-plan",
    ]
    assert "anonymise" in by_id["gibbs"].reminder.lower()
    themes = by_id["nmc-reflective-account"].section("code-themes")
    assert themes.kind == TICKS
    assert [o.label for o in themes.options] == [
        "Prioritise people",
        "Practise effectively",
        "Preserve safety",
        "Promote professionalism and trust",
    ]
    for t in templates:
        for s in t.sections:
            assert s.prompt and s.example, (t.id, s.id)


def test_content_carries_templates(sample_course):
    content = load_content(sample_course)
    assert {t.id for t in content.templates} == {"rolfe", "gibbs", "nmc-reflective-account"}


def test_a_trainer_can_add_a_template(tmp_path):
    write(tmp_path, "quick.yaml", GOOD)
    templates, diags = load_templates(tmp_path)
    assert diags == []
    assert templates[0].title == "Quick check"
    assert templates[0].section("one").kind == "text"


def test_missing_prompt_names_file_line_and_field(tmp_path):
    path = write(tmp_path, "bad.yaml", GOOD.replace("    prompt: What happened?\n", ""))
    templates, diags = load_templates(tmp_path)
    assert templates == []
    [d] = diags
    assert d.is_error and d.path == path
    assert "sections[1].prompt" in d.message and "required" in d.message
    assert d.line == 4


def test_ticks_without_options_is_an_error(tmp_path):
    write(tmp_path, "bad.yaml", GOOD.replace("    title: One\n", "    title: One\n    kind: ticks\n"))
    _, diags = load_templates(tmp_path)
    assert any("no options" in d.message and d.line == 4 for d in diags)


def test_bad_kind_and_unknown_field(tmp_path):
    write(
        tmp_path, "bad.yaml", GOOD.replace("    title: One\n", "    title: One\n    kind: essay\n") + "colour: blue\n"
    )
    _, diags = load_templates(tmp_path)
    kinds = [d for d in diags if "kind" in d.message]
    assert kinds and kinds[0].line == 6 and "expected one of" in kinds[0].message


def test_unknown_field_is_a_warning(tmp_path):
    write(tmp_path, "t.yaml", GOOD + "colour: blue\n")
    templates, diags = load_templates(tmp_path)
    assert len(templates) == 1
    [d] = diags
    assert not d.is_error and "colour" in d.message and d.line == 8


def test_duplicate_ids_and_bad_yaml(tmp_path):
    write(tmp_path, "a.yaml", GOOD)
    write(tmp_path, "b.yaml", GOOD)
    write(tmp_path, "c.yaml", "id: [oops\n")
    templates, diags = load_templates(tmp_path)
    assert len(templates) == 1
    messages = " ".join(d.message for d in diags)
    assert "already used by a.yaml" in messages
    assert "not valid YAML" in messages


def test_validate_reports_template_problems(tmp_path, sample_course, capsys):
    import shutil

    from trainer.cli import main

    shutil.copytree(sample_course, tmp_path / "course")
    bad = tmp_path / "course" / "templates" / "gibbs.yaml"
    bad.write_text(
        bad.read_text(encoding="utf-8").replace("  - id: feelings\n", "  - id: Feelings!\n"), encoding="utf-8"
    )
    assert main(["validate", str(tmp_path / "course")]) == 1
    out = capsys.readouterr().out
    assert "gibbs.yaml:" in out and "sections[2].id" in out
