"""The two start-up caches: the loaded course and the rendered pages.

Both must give exactly what loading and rendering would, must notice every
change that matters, and must never stop the app when they are unreadable.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import trainer.content_cache as content_cache
import trainer.modules.page_cache as page_cache
from trainer.content import load_content
from trainer.content_cache import load_content_cached
from trainer.modules.page_cache import PageCache, clear_other_pages
from trainer.modules.render import render_module
from trainer.modules.themes import DARK, LIGHT

SAMPLE = Path(__file__).resolve().parents[2] / "fixtures" / "sample-course"

MODULE = """---
title: Asking before advising
duration_minutes: 10
---
# Asking before advising

Ask what the person already knows.
"""


def _course(folder: Path) -> Path:
    (folder / "modules").mkdir(parents=True)
    (folder / "modules" / "01-ask.md").write_text(MODULE, encoding="utf-8")
    return folder


def test_second_load_comes_from_the_cache(tmp_path, monkeypatch):
    course = _course(tmp_path / "course")
    first = load_content_cached(course, tmp_path / "data")
    monkeypatch.setattr(content_cache, "load_content", lambda _root: pytest.fail("not from the cache"))
    second = load_content_cached(course, tmp_path / "data")
    assert [m.title for m in second.course.modules] == [m.title for m in first.course.modules]
    assert second.cache_key == first.cache_key is not None


def test_an_edited_module_is_loaded_afresh(tmp_path):
    course = _course(tmp_path / "course")
    first = load_content_cached(course, tmp_path / "data")
    path = course / "modules" / "01-ask.md"
    path.write_text(
        MODULE.replace("Asking before advising\nduration", "Ask first\nduration").replace(
            "title: Asking before advising", "title: Ask first"
        ),
        encoding="utf-8",
    )
    second = load_content_cached(course, tmp_path / "data")
    assert second.course.modules[0].title == "Ask first"
    assert second.cache_key != first.cache_key


def test_an_unreadable_cache_is_rebuilt(tmp_path):
    course = _course(tmp_path / "course")
    load_content_cached(course, tmp_path / "data")
    (tmp_path / "data" / content_cache.CACHE_FILE).write_bytes(b"not a pickle")
    again = load_content_cached(course, tmp_path / "data")
    assert again.course.modules[0].title == "Asking before advising"


def test_a_cached_course_opens_without_the_validation_libraries(tmp_path):
    """The framework, templates and plans are plain objects: pydantic and YAML load only to validate."""
    load_content_cached(SAMPLE, tmp_path)
    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from trainer.content_cache import load_content_cached
        content = load_content_cached(Path({str(SAMPLE)!r}), Path({str(tmp_path)!r}))
        parts = ("trainer.scenarios.model", "trainer.sessions.plan_model", "trainer.journal.template_model",
                 "trainer.competencies.model")
        print(content.has_framework, sorted(m for m in parts if m in sys.modules))
        assert content.framework.skills and content.templates and content.plans and content.scenarios
        print(sorted(m for m in ("pydantic", "yaml", "markdown", "jinja2", "nh3") if m in sys.modules))
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    # the framework, scenarios, plans and templates are unpickled when first used
    assert out.stdout.split("\n")[:2] == ["True []", "[]"]


def test_a_cached_course_round_trips_with_its_deferred_parts(tmp_path):
    first = load_content_cached(SAMPLE, tmp_path)
    again = load_content_cached(SAMPLE, tmp_path)
    assert "scenarios" not in again.__dict__ and again.has_framework
    assert [s.id for s in again.scenarios] == [s.id for s in first.scenarios]
    assert [p.id for p in again.plans] == [p.id for p in first.plans]
    assert [t.id for t in again.templates] == [t.id for t in first.templates]
    assert again.framework.skill_ids == first.framework.skill_ids
    with pytest.raises(AttributeError):
        again.not_a_part  # noqa: B018 - a missing attribute is still an error


def test_a_course_without_a_framework_says_so_without_loading(tmp_path):
    course = _course(tmp_path / "course")
    load_content_cached(course, tmp_path / "data")
    again = load_content_cached(course, tmp_path / "data")
    assert again.has_framework is False and again.framework is None


def test_plain_content_objects_match_the_files():
    content = load_content(SAMPLE)
    framework = content.framework
    assert framework.skill("agenda-setting").name
    assert framework.threshold("reflection_to_question").good > 0
    rolfe = next(t for t in content.templates if t.id == "rolfe")
    assert rolfe.text_sections and rolfe.section(rolfe.sections[0].id) is rolfe.sections[0]
    plan = content.plans[0]
    assert plan.total_minutes == sum(p.minutes for p in plan.phases)
    assert all(plan.phases[i].practice is not None for i in plan.practice_phases())


# -- pages ----------------------------------------------------------------------------------
@pytest.fixture
def module():
    content = load_content(SAMPLE)
    return next(m for m in content.course.modules if m.ok and m.scenarios)


def test_a_page_is_rendered_once_then_read_back(tmp_path, module, monkeypatch):
    cache = PageCache(tmp_path, "key1")
    first = cache.render(module, LIGHT, False, {})
    assert first.html == render_module(module, LIGHT).html
    monkeypatch.setattr(page_cache, "render_page_for", lambda *a: pytest.fail("not from the cache"))
    again = cache.render(module, LIGHT, False, {})
    assert again.html == first.html and again.headings == first.headings


def test_what_the_page_depends_on_gives_a_new_page(tmp_path, module):
    cache = PageCache(tmp_path, "key1")
    titles = {sid: f"Scenario {sid}" for sid in module.scenarios}
    base = cache.render(module, LIGHT, False, {})
    assert cache.render(module, DARK, False, {}).html == render_module(module, DARK).html != base.html
    assert cache.render(module, LIGHT, True, {}).html == render_module(module, LIGHT, done=True).html
    linked = cache.render(module, LIGHT, False, titles)
    assert linked.html == render_module(module, LIGHT, scenario_titles=titles).html != base.html
    # a new course cache key (content or code changed) never reads the old pages
    other = PageCache(tmp_path, "key2")
    assert not other.folder.exists()
    assert other.render(module, LIGHT, False, {}).html == base.html


def test_an_unreadable_page_is_rendered_again(tmp_path, module):
    cache = PageCache(tmp_path, "key1")
    cache.render(module, LIGHT, False, {})
    for path in cache.folder.iterdir():
        path.write_bytes(b"\x80garbage")
    assert cache.render(module, LIGHT, False, {}).html == render_module(module, LIGHT).html


def test_a_page_cache_that_cannot_be_written_still_renders(tmp_path, module):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder would go", encoding="utf-8")
    assert PageCache(blocker, "key1").render(module, LIGHT, False, {}).html == render_module(module, LIGHT).html


def test_pages_of_older_course_keys_are_removed(tmp_path, module):
    PageCache(tmp_path, "old").render(module, LIGHT, False, {})
    PageCache(tmp_path, "new").render(module, LIGHT, False, {})
    clear_other_pages(tmp_path, "new")
    assert sorted(p.name for p in (tmp_path / "pages").iterdir()) == ["new"]


def test_the_stamp_covers_the_code_that_makes_the_course_and_nothing_else(tmp_path, monkeypatch):
    """A change to the loaders or the page templates gives a new stamp; a change to the UI
    does not (so start-up stats only the files that matter)."""
    package = tmp_path / "trainer"
    for rel in ("modules/loader.py", "modules/templates/module.html.j2", "ui/journal/view.py", "content.py"):
        (package / rel).parent.mkdir(parents=True, exist_ok=True)
        (package / rel).write_text("x = 1\n")
    monkeypatch.setattr(content_cache, "_PACKAGE", package)
    course = tmp_path / "course"
    course.mkdir()
    before = content_cache.cache_stamp(course)
    (package / "ui/journal/view.py").write_text("x = 22\n")
    assert content_cache.cache_stamp(course) == before
    for rel in ("modules/loader.py", "modules/templates/module.html.j2", "content.py"):
        (package / rel).write_text("x = 333333\n")
        after = content_cache.cache_stamp(course)
        assert after != before, rel
        before = after
