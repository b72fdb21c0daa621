"""Loader and validator: every error kind, with its exact line."""

from pathlib import Path

from trainer.content import load_content
from trainer.modules.loader import load_course


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    p = folder / name
    p.write_text(text, encoding="utf-8")
    return p


def lines(diags, severity=None):
    return [(d.path.name, d.line, d.message) for d in diags if severity is None or d.severity == severity]


def test_module_fields_and_order_from_file_name(tmp_path):
    mods = tmp_path / "modules"
    write(mods, "02-b.md", "---\ntitle: B\n---\nb\n")
    write(mods, "01-a.md", "---\ntitle: A\nduration_minutes: 15\nactivity_minutes: 14\nobjectives: [x, y]\n---\na\n")
    write(mods, "10-c.md", "---\ntitle: C\nid: custom\n---\nc\n")
    course = load_course(tmp_path)
    assert [m.id for m in course.modules] == ["a", "b", "custom"]
    a = course.modules[0]
    assert a.duration_minutes == 15 and a.activity_minutes == 14
    assert a.objectives == ["x", "y"] and a.body.strip() == "a"
    # A module with objectives and no knowledge check is only warned about (#21).
    assert [(d.path.name, d.severity, d.message[:18]) for d in course.diagnostics] == [
        ("01-a.md", "warning", "no knowledge check")
    ]


def test_order_field_beats_file_name(tmp_path):
    write(tmp_path, "01-a.md", "---\ntitle: A\norder: 5\n---\n")
    write(tmp_path, "02-b.md", "---\ntitle: B\n---\n")
    assert [m.id for m in load_course(tmp_path).modules] == ["b", "a"]


def test_course_yaml_title_and_order(tmp_path):
    write(tmp_path, "course.yaml", "title: My course\norder: [b, a]\nlicence: CC BY\n")
    write(tmp_path / "modules", "a.md", "---\ntitle: A\n---\n")
    write(tmp_path / "modules", "b.md", "---\ntitle: B\n---\n")
    course = load_course(tmp_path)
    assert course.title == "My course" and course.licence == "CC BY"
    assert [m.id for m in course.modules] == ["b", "a"]


def test_course_yaml_order_naming_a_missing_module(tmp_path):
    write(tmp_path, "course.yaml", "title: C\norder: [a, ghost]\n")
    write(tmp_path / "modules", "a.md", "---\ntitle: A\n---\n")
    diags = load_course(tmp_path).diagnostics
    assert any("ghost" in d.message and d.is_error for d in diags)


def test_missing_title_points_at_front_matter(tmp_path):
    write(tmp_path, "01-x.md", "---\nsummary: s\n---\nbody\n")
    course = load_course(tmp_path)
    assert lines(course.diagnostics, "error") == [("01-x.md", 2, "field 'title': this field is required")]
    assert not course.modules[0].ok
    assert "title" in course.modules[0].error


def test_wrong_type_names_field_line_and_expectation(tmp_path):
    write(tmp_path, "01-x.md", "---\ntitle: X\n\nduration_minutes: twenty\n---\n")
    (diag,) = load_course(tmp_path).diagnostics
    assert diag.line == 4 and diag.is_error
    assert "duration_minutes" in diag.message and "whole number" in diag.message and "twenty" in diag.message


def test_wrong_type_inside_a_list(tmp_path):
    write(tmp_path, "01-x.md", "---\ntitle: X\nobjectives:\n  - fine\n  - {a: b}\n---\n")
    (diag,) = load_course(tmp_path).diagnostics
    assert diag.line == 5 and "objectives[2]" in diag.message and "text" in diag.message


def test_unknown_field_is_a_warning_with_did_you_mean(tmp_path):
    write(tmp_path, "01-x.md", "---\ntitle: X\nobjectivs: [a]\n---\n")
    course = load_course(tmp_path)
    (diag,) = course.diagnostics
    assert diag.severity == "warning" and diag.line == 3
    assert 'did you mean "objectives"' in diag.message
    assert course.modules[0].ok


def test_bad_yaml_is_an_error_and_module_is_kept_with_its_error(tmp_path):
    write(tmp_path, "01-x.md", "---\ntitle: X\nsummary: [open\n---\n")
    write(tmp_path, "02-y.md", "---\ntitle: Y\n---\n")
    course = load_course(tmp_path)
    assert lines(course.diagnostics)[0][:2] == ("01-x.md", 3)
    assert [m.ok for m in course.modules] == [False, True]


def test_duplicate_ids(tmp_path):
    write(tmp_path, "01-x.md", "---\ntitle: X\nid: same\n---\n")
    write(tmp_path, "02-y.md", "---\ntitle: Y\nid: same\n---\n")
    errors = [d for d in load_course(tmp_path).diagnostics if d.is_error]
    assert [(d.path.name, d.line) for d in errors] == [("02-y.md", 3)]
    assert "duplicate module id 'same'" in errors[0].message and "01-x.md" in errors[0].message


def test_bad_id_pattern(tmp_path):
    write(tmp_path, "01-x.md", "---\ntitle: X\nid: Has Spaces\n---\n")
    (diag,) = load_course(tmp_path).diagnostics
    assert diag.line == 3 and "lower-case" in diag.message


def test_broken_link_and_image_name_their_lines(tmp_path):
    write(
        tmp_path,
        "01-x.md",
        "---\ntitle: X\n---\n\nSee [two](02-y.md) and [gone](03-gone.md).\n\n![pic](img/none.png)\n",
    )
    write(tmp_path, "02-y.md", "---\ntitle: Y\n---\n")
    errors = lines(load_course(tmp_path).diagnostics, "error")
    assert errors == [
        ("01-x.md", 5, "link to '03-gone.md' does not match any module file or id"),
        ("01-x.md", 7, "image 'img/none.png' not found (looked in " + tmp_path.name + "/)"),
    ]


def test_links_by_id_external_and_anchor_are_fine(tmp_path):
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "a.png").write_bytes(b"x")
    write(
        tmp_path,
        "01-x.md",
        "---\ntitle: X\n---\n[a](#part) [b](https://example.org) [c](y) ![i](img/a.png)\n[ref]: 02-y.md\n",
    )
    write(tmp_path, "02-y.md", "---\ntitle: Y\nid: y\n---\n")
    assert load_course(tmp_path).diagnostics == []


def test_links_inside_code_are_not_checked(tmp_path):
    write(tmp_path, "01-x.md", "---\ntitle: X\n---\n```\n[a](nowhere.md) <script>\n```\n`[b](gone.md)`\n")
    assert load_course(tmp_path).diagnostics == []


def test_raw_html_is_reported_as_a_warning(tmp_path):
    write(tmp_path, "01-x.md", "---\ntitle: X\n---\n\n<div onclick='x()'>hi</div>\n<https://autolink.example>\n")
    (diag,) = load_course(tmp_path).diagnostics
    assert diag.severity == "warning" and diag.line == 5 and "<div>" in diag.message


def test_file_without_front_matter_is_skipped_with_a_warning(tmp_path):
    write(tmp_path, "notes.md", "# Just notes\n")
    write(tmp_path, "README.md", "# Readme\n")
    course = load_course(tmp_path)
    assert course.modules == []
    assert lines(course.diagnostics) == [("notes.md", 1, lines(course.diagnostics)[0][2])]
    assert "no front matter" in course.diagnostics[0].message


def test_unknown_skill_id_is_an_error_once_framework_exists(tmp_path, sample_course):
    (tmp_path / "competencies.yaml").write_text((sample_course / "competencies.yaml").read_text())
    write(tmp_path / "modules", "01-x.md", "---\ntitle: X\nskills:\n  - agenda-setting\n  - agenda-seting\n---\n")
    content = load_content(tmp_path)
    (diag,) = content.errors
    assert diag.line == 5 and "unknown skill id 'agenda-seting'" in diag.message
    assert 'did you mean "agenda-setting"' in diag.message


def test_foreign_lesson_loads_with_warnings_only(fixtures):
    content = load_content(fixtures / "foreign-lesson")
    assert content.errors == []
    assert content.warnings, "unknown lesson fields should be reported"
    assert all("unknown field" in d.message or "no knowledge check" in d.message for d in content.warnings)
    titles = [m.title for m in content.course.modules]
    assert titles == ["Introduction", "Next episode"]
    assert content.course.modules[0].duration_minutes == 15  # teaching + exercises


def test_bundled_content_is_clean(sample_course):
    content = load_content(sample_course)
    assert content.errors == [] and content.warnings == []
    assert len(content.course.modules) >= 2
