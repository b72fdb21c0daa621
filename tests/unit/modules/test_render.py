"""Each supported construct produces HTML that QTextBrowser shows; scripts never survive."""

from html.parser import HTMLParser
from pathlib import Path

import pytest

from trainer.domain.course import Module
from trainer.modules.loader import load_course
from trainer.modules.render import DARK, markdown_to_html, render_error, render_module


def html(text: str) -> str:
    return markdown_to_html(text)[0]


def test_headings_get_ids_and_feed_the_toc():
    out, headings = markdown_to_html("## First part\n\ntext\n\n### Sub part\n")
    assert '<h2 id="first-part">First part</h2>' in out
    assert [(h.level, h.anchor, h.text) for h in headings] == [
        (2, "first-part", "First part"),
        (3, "sub-part", "Sub part"),
    ]


def test_table_gets_visible_borders():
    out = html("| a | b |\n| - | - |\n| 1 | 2 |\n")
    assert '<table border="1" cellpadding="6" cellspacing="0" class="grid">' in out
    assert "<th>a</th>" in out and "<td>2</td>" in out


def test_admonition_becomes_a_titled_box_table():
    out = html('!!! tip "Try this"\n    Ask first.\n')
    assert 'class="box box-tip"' in out and "<table" in out
    assert "<strong>Try this</strong>" in out and "Ask first." in out
    assert "admonition" not in out


def test_unknown_admonition_kind_is_a_note_box():
    out = html("!!! whatever\n    Body.\n")
    assert "box-note" in out and "Body." in out


def test_task_list_items_become_ballot_boxes():
    out = html("- [ ] open\n- [x] closed\n- plain\n")
    assert "\u2610 open" in out and "\u2611 closed" in out and "plain" in out
    assert out.count('class="task"') == 2


def test_definition_list_footnote_attr_list_and_code():
    out = html("Term\n:   Meaning\n\nText[^1] {: .lead }\n\n[^1]: The note.\n\n```python\nx = 1\n```\n")
    assert "<dt>Term</dt>" in out and "<dd>Meaning</dd>" in out
    assert 'class="footnote-ref"' in out and "The note." in out
    assert "<pre><code" in out and "x = 1" in out


def test_sane_lists_keep_start_number():
    assert '<ol start="3">' in html("3. three\n4. four\n")


def test_kramdown_callout_becomes_a_box_with_its_heading_as_title():
    out = html("> ## Why\n>\n> Because.\n{: .callout}\n")
    assert "box-callout" in out and "<strong>Why</strong>" in out and "Because." in out
    assert "{:" not in out


def test_plain_blockquote_is_a_quote_box():
    assert "box-quote" in html("> A quote\n")


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def elements(markup: str) -> list[tuple[str, dict]]:
    parser = _Elements()
    parser.feed(markup)
    return parser.tags


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert(1)</script>",
        "Hello <script>alert(1)</script> there",
        '<div onclick="steal()">click</div>',
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        '<a href="javascript:alert(1)">x</a>',
        '<iframe src="https://example.org"></iframe>',
        "<style>body{display:none}</style>",
        '[ok](https://example.org){: onclick="x()" }',
    ],
)
def test_raw_html_and_script_never_survive(source):
    for tag, attrs in elements(html(source)):
        assert tag not in ("script", "iframe", "style", "object", "embed")
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert not attrs.get("href", "").lower().startswith("javascript"), attrs
        assert not attrs.get("src", "").lower().startswith("javascript"), attrs


def test_raw_html_shows_as_text():
    out = html("Use <b>bold</b> here")
    assert "&lt;b&gt;bold&lt;/b&gt;" in out


def test_template_escapes_metadata_and_shows_objectives():
    m = Module(
        id="m",
        title="Fish & <chips>",
        path=Path("m.md"),
        order=1,
        summary="S",
        duration_minutes=20,
        objectives=["Do <this>"],
        keypoints=["K"],
        body="## A\n\nx\n\n## B\n",
        reflection_prompt="Think",
    )
    page = render_module(m, DARK, done=True).html
    assert "Fish &amp; &lt;chips&gt;" in page and "Do &lt;this&gt;" in page
    assert "About 20 minutes" in page and "Done" in page
    assert 'href="#a"' in page and 'href="#b"' in page  # in-page table of contents
    assert "Key points" in page and "Think" in page
    assert DARK.text in page


def test_error_page_names_the_problem():
    page = render_error("Broken", "line 3: field 'title' is required")
    assert "could not be opened" in page and "line 3: field &#39;title&#39; is required" in page


def test_module_page_links_to_its_known_scenarios():
    m = Module(id="m", title="T", path=Path("m.md"), order=1, scenarios=["diabetes", "gone"])
    page = render_module(m, scenario_titles={"diabetes": "Diabetes review"}).html
    assert 'href="scenario:diabetes"' in page and "Diabetes review" in page
    assert "gone" not in page


def test_a_module_page_shows_a_link_to_its_check_never_the_questions_block(sample_course):
    module = load_course(sample_course).module("activation")
    html = render_module(module).html
    assert 'href="check:open"' in html and "3 questions on this module" in html
    assert "```" not in html and "kind:" not in html and "correct: true" not in html
    assert "Put the levels of activation in order" not in html  # a question's prompt stays for the check
