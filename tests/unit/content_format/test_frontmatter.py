from pathlib import Path

import pytest

from trainer.content_format.frontmatter import FrontMatterError, read_document, read_yaml_file, split_text


def test_no_front_matter_keeps_whole_text_as_body():
    doc = split_text("# Heading\n\nText\n", Path("x.md"))
    assert not doc.has_front_matter
    assert doc.body.startswith("# Heading")


def test_body_line_and_field_lines():
    text = "---\ntitle: T\nobjectives:\n  - one\n  - two\n---\nBody\n"
    doc = split_text(text, Path("x.md"))
    assert doc.data["objectives"] == ["one", "two"]
    assert doc.body_line == 7
    assert doc.line_of(("title",)) == 2
    assert doc.line_of(("objectives",)) == 3
    assert doc.line_of(("objectives", 1)) == 5


def test_unclosed_front_matter():
    with pytest.raises(FrontMatterError) as info:
        split_text("---\ntitle: T\n\nBody\n", Path("x.md"))
    assert info.value.line == 1
    assert "closing" in info.value.message


def test_bad_yaml_names_the_line_of_the_open_bracket():
    with pytest.raises(FrontMatterError) as info:
        split_text("---\ntitle: T\nsummary: [open\n---\n", Path("x.md"))
    assert info.value.line == 3
    assert "not valid YAML" in info.value.message


def test_front_matter_that_is_a_list_is_refused():
    with pytest.raises(FrontMatterError) as info:
        split_text("---\n- a\n- b\n---\n", Path("x.md"))
    assert "field: value" in info.value.message


def test_byte_order_mark_is_ignored():
    doc = split_text("\ufeff---\ntitle: T\n---\nx\n", Path("x.md"))
    assert doc.data == {"title": "T"}


def test_non_utf8_file_is_an_error_with_a_line(tmp_path):
    p = tmp_path / "latin.md"
    p.write_bytes(b"---\ntitle: caf\xe9\n---\n")
    doc, diags = read_document(p)
    assert doc is None
    assert diags[0].line == 2 and "UTF-8" in diags[0].message


def test_unreadable_file_is_an_error(tmp_path):
    doc, diags = read_document(tmp_path / "missing.md")
    assert doc is None and "cannot read" in diags[0].message


def test_yaml_file_errors_have_lines(tmp_path):
    p = tmp_path / "c.yaml"
    p.write_text("title: x\nbad: [\n", encoding="utf-8")
    doc, diags = read_yaml_file(p)
    assert doc is None and diags[0].line == 2
