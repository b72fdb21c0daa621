"""Issue 17, item 3: hostile course content is reported with PATH:LINE and cannot hang the app.

A YAML anchor bomb, quotes and lists nested very deep, an image that is a
device or lies outside the course, a ``file:`` link and a module that is a
link to a file outside the course.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from trainer.content import load_content
from trainer.content_format.limits import MAX_LIST_DEPTH, MAX_QUOTE_DEPTH
from trainer.modules.render import render_module


def _bomb(levels: int) -> str:
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, levels + 1)]
    return "\n".join(lines) + f"\nobjectives: *a{levels}\n"


def _course(tmp_path: Path, modules: dict[str, str]) -> Path:
    root = tmp_path / "course"
    (root / "modules").mkdir(parents=True)
    for name, text in modules.items():
        (root / "modules" / name).write_text(text, encoding="utf-8")
    return root


def _page(title: str, body: str) -> str:
    return f"---\ntitle: {title}\n---\n# {title}\n\n{body}\n"


def _errors(content, name: str) -> list[str]:
    return [d.format() for d in content.diagnostics if d.path.name == name]


def test_a_yaml_alias_bomb_is_an_error_on_its_line(tmp_path):
    root = _course(tmp_path, {"01-bomb.md": "---\ntitle: Bomb\n" + _bomb(6) + "---\n# Bomb\n"})
    content = load_content(root)
    found = _errors(content, "01-bomb.md")
    assert any(re.search(r"01-bomb\.md:\d+: .*alias", line) for line in found), found
    assert not content.course.modules[0].ok


def test_validate_of_a_full_alias_bomb_finishes_quickly_in_little_memory(tmp_path):
    """The issue's bomb: 9**10 values. Today it takes minutes and gigabytes."""
    root = _course(tmp_path, {"01-bomb.md": "---\ntitle: Bomb\n" + _bomb(9) + "---\n# Bomb\n"})
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30)); "
    code = limit + f"from trainer.cli import main; raise SystemExit(main(['validate', {str(root)!r}]))"
    try:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail("validate did not finish within 60 s")
    assert done.returncode == 1, done.stderr[-500:]
    assert "01-bomb.md:" in done.stdout and "alias" in done.stdout


def test_a_quote_nested_20_deep_is_reported_and_shown_at_most_the_limit_deep(tmp_path):
    root = _course(tmp_path, {"01-quote.md": _page("Quote", ">" * 20 + " deep")})
    content = load_content(root)
    assert any("01-quote.md:6: warning: quote nested 20 deep" in line for line in _errors(content, "01-quote.md"))
    html = render_module(content.course.modules[0]).html
    assert html.count("<blockquote") <= MAX_QUOTE_DEPTH and "deep" in html


def test_a_list_nested_1000_deep_is_reported_and_renders(tmp_path):
    body = "\n".join("    " * i + f"- item {i}" for i in range(1000))
    root = _course(tmp_path, {"01-list.md": _page("List", body)})
    content = load_content(root)
    assert any("01-list.md:" in line and "list nested" in line for line in _errors(content, "01-list.md"))
    html = render_module(content.course.modules[0]).html  # today: RecursionError
    assert "item 999" in html and html.count("<ul") <= MAX_LIST_DEPTH + 1


def test_images_and_links_outside_the_course_are_errors_with_their_lines(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    body = "![z](/dev/zero)\n\n![p](/etc/passwd)\n\n![u](../../outside/secret.png)\n\n[f](file:///etc/passwd)\n"
    root = _course(tmp_path, {"01-out.md": _page("Out", body)})
    found = "\n".join(_errors(load_content(root), "01-out.md"))
    for line, target in (
        (6, "/dev/zero"),
        (8, "/etc/passwd"),
        (10, "../../outside/secret.png"),
        (12, "file:///etc/passwd"),
    ):
        assert re.search(rf"01-out\.md:{line}: error: .*{re.escape(target)}", found), (line, found)


def test_images_outside_the_course_never_reach_the_page(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    root = _course(
        tmp_path,
        {"01-out.md": _page("Out", "![z](/dev/zero) ![p](/etc/passwd) ![u](../../outside/secret.png) ![ok](ok.png)")},
    )
    (root / "modules" / "ok.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    html = render_module(load_content(root).course.modules[0]).html
    assert "/dev/zero" not in html and "/etc/passwd" not in html and "secret.png" not in html
    assert 'src="ok.png"' in html


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_module_that_links_outside_the_course_is_reported_and_not_loaded(tmp_path):
    root = _course(tmp_path, {"01-ok.md": _page("Fine", "All good.")})
    outside = tmp_path / "outside.md"
    outside.write_text(_page("Elsewhere", "From outside the course."), encoding="utf-8")
    os.symlink(outside, root / "modules" / "02-linked.md")
    content = load_content(root)
    assert any(
        re.search(r"02-linked\.md:1: error: .*outside the course", line) for line in _errors(content, "02-linked.md")
    )
    assert [m.title for m in content.course.modules] == ["Fine"]
