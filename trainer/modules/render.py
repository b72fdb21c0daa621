"""Render a module's Markdown to the HTML shown in the reader.

Pipeline: python-markdown (with our QTextBrowser extension) -> nh3 sanitiser
-> jinja2 page template (autoescape, StrictUndefined). Raw HTML in the
source never reaches the page as markup.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from html import escape
from pathlib import Path

import jinja2
import markdown
import nh3

from trainer.content_format.limits import clamp_nesting, image_problem, too_deep_html
from trainer.domain.course import Heading, Module
from trainer.modules.page import Rendered
from trainer.modules.qtext_ext import QtTextExtension
from trainer.modules.themes import DARK, LIGHT, Theme  # noqa: F401 (re-exported)

EXTENSIONS = ["tables", "toc", "admonition", "attr_list", "def_list", "fenced_code", "footnotes", "sane_lists"]

ALLOWED_TAGS = {
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "br",
    "hr",
    "a",
    "img",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "b",
    "i",
    "code",
    "pre",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "dl",
    "dt",
    "dd",
    "sup",
    "sub",
    "span",
    "div",
    "del",
    "abbr",
}
ALLOWED_ATTRIBUTES = {
    "*": {"class", "id", "title"},
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height"},
    "table": {"width", "cellpadding", "cellspacing", "border"},
    "td": {"align", "colspan", "rowspan", "valign"},
    "th": {"align", "colspan", "rowspan", "valign"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}


_IMG_WITHOUT_SRC = re.compile(r'<img(?![^>]*\ssrc=)(?:[^>]*?\salt="([^"]*)")?[^>]*>')
TOO_DEEP = (
    "<p><b>This page is nested too deeply to lay out, so it is shown as plain text.</b> "
    "Run <code>trainer validate</code> on the course to see where.</p>"
)


_converters = threading.local()  # one Markdown per thread: building one takes ~7 ms


def _converter() -> markdown.Markdown:
    """This thread's Markdown converter, reset: a scenario renders nine texts, and building a
    converter with its extensions for each took most of the time of opening it."""
    md = getattr(_converters, "md", None)
    if md is None:
        md = _converters.md = markdown.Markdown(
            extensions=EXTENSIONS + [QtTextExtension()],
            extension_configs={"toc": {"permalink": False}},
            output_format="html",
        )
    md.reset()  # forget the last text's headings, footnotes and ids
    return md


def markdown_to_html(text: str, images: tuple[Path, Path] | None = None) -> tuple[str, list[Heading]]:
    """Markdown to sanitised HTML plus the headings for a table of contents.

    ``images`` is (the module's folder, the course folder): an image is kept only when it
    is a regular, small file inside the course folder (see trainer.content_format.limits); without
    it, no image read from disk is kept. Quotes and lists are shown a few levels deep at most.
    """
    md = _converter()
    try:
        html = md.convert(clamp_nesting(text))
    except RecursionError:  # nesting the limits did not catch: show the words, not a blank page
        return TOO_DEEP + f"<pre>{escape(text)}</pre>", []
    headings: list[Heading] = []

    def walk(tokens):
        for tok in tokens:
            headings.append(Heading(tok["level"], tok["id"], tok["name"]))
            walk(tok.get("children", []))

    walk(getattr(md, "toc_tokens", []))

    def keep(tag: str, attribute: str, value: str) -> str | None:
        if tag == "img" and attribute == "src":
            if images is None:
                return value if value.lower().startswith(("http://", "https://")) else None
            return None if image_problem(value, *images) else value
        return value

    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=keep,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    clean = _IMG_WITHOUT_SRC.sub(lambda m: m.group(1) or "", clean)  # a refused image: its alt text
    if too_deep_html(clean):
        return TOO_DEEP + f"<pre>{escape(text)}</pre>", headings
    return clean, headings


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("trainer.modules", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_module(
    module: Module, theme: Theme = LIGHT, done: bool = False, scenario_titles: dict[str, str] | None = None
) -> Rendered:
    """The module page. ``scenario_titles`` (id -> title) names the paired
    scenarios the module links to; unknown ids are left out."""
    images = (module.path.parent, module.root or module.path.parent)
    body, headings = markdown_to_html(module.body, images)
    toc = [h for h in headings if h.level in (2, 3)]
    titles = scenario_titles or {}
    practice = [(sid, titles[sid]) for sid in module.scenarios if sid in titles]
    html = (
        _env()
        .get_template("module.html.j2")
        .render(
            module=module, body=jinja2.utils.markupsafe.Markup(body), toc=toc, theme=theme, done=done, practice=practice
        )
    )
    return Rendered(html, headings)


def render_error(title: str, message: str, theme: Theme = LIGHT) -> str:
    return _env().get_template("error.html.j2").render(title=title, message=message, theme=theme)


def render_page(title: str, markdown_text: str, theme: Theme = LIGHT) -> str:
    """A titled page of Markdown (help, notes) in the module page style."""
    body, _ = markdown_to_html(markdown_text)
    return (
        _env().get_template("page.html.j2").render(title=title, body=jinja2.utils.markupsafe.Markup(body), theme=theme)
    )
