"""One Markdown converter per thread is reused (building one took ~7 ms a text): each text
still converts as if alone, with its own headings, ids and footnotes."""

from __future__ import annotations

import threading

from trainer.modules import render
from trainer.modules.render import markdown_to_html

FIRST = "# Alpha\n\nSee the note.[^1]\n\n## Shared\n\n[^1]: Only in the first text.\n"
SECOND = "# Beta\n\n## Shared\n\nPlain words.\n"


def test_each_text_converts_as_if_alone():
    alone_second = markdown_to_html(SECOND)
    markdown_to_html(FIRST)
    html, headings = markdown_to_html(SECOND)
    assert [h.text for h in headings] == ["Beta", "Shared"]
    assert "Only in the first text" not in html and "footnote" not in html
    assert (html, headings) == alone_second  # ids are not numbered on from the first text ("shared_1")


def test_the_converter_is_built_once_per_thread():
    markdown_to_html("x")
    first = render._converter()
    markdown_to_html("y")
    assert render._converter() is first
    other = []
    thread = threading.Thread(target=lambda: other.append(render._converter()))
    thread.start()
    thread.join()
    assert other and other[0] is not first
