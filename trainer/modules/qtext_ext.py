"""A python-markdown extension that shapes HTML for what QTextBrowser shows.

QTextBrowser renders a subset of HTML 4 and CSS: it ignores borders and
backgrounds on <div>, so boxes (admonitions, callouts) become one-cell
tables; task lists become ballot boxes; raw HTML is shown as text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

IAL_LINE_RE = re.compile(r"^\s*\{:\s*([^}]*)\}\s*$")
TASK_RE = re.compile(r"^\[( |x|X)\]\s+")
BOX_KINDS = {
    "note",
    "tip",
    "hint",
    "important",
    "warning",
    "caution",
    "danger",
    "attention",
    "activity",
    "example",
    "callout",
    "challenge",
    "solution",
    "objectives",
    "keypoints",
    "prereq",
    "discussion",
    "checklist",
    "testimonial",
}


class DropKramdownAttributes(Preprocessor):
    """Drop standalone kramdown ``{: .class}`` lines, remembering blockquote kinds."""

    def run(self, lines):
        out: list[str] = []
        for line in lines:
            m = IAL_LINE_RE.match(line)
            if m:
                kind = next((c[1:] for c in m.group(1).split() if c.startswith(".")), "")
                # Tag the blockquote just above so it can become a titled box.
                j = len(out) - 1
                while j >= 0 and out[j].startswith(">"):
                    j -= 1
                if kind and j < len(out) - 1:
                    out.insert(j + 1, f"> <!--box:{kind}-->")
                continue
            out.append(line)
        return out


def _make_box(el: etree.Element, kind: str, title: str | None) -> None:
    children = list(el)
    text = el.text
    el.clear()
    el.tag = "table"
    el.set("class", f"box box-{kind}")
    el.set("width", "100%")
    el.set("cellpadding", "10")
    el.set("cellspacing", "0")
    el.set("border", "0")
    row = etree.SubElement(el, "tr")
    cell = etree.SubElement(row, "td")
    cell.set("class", f"box box-{kind}")
    if title:
        head = etree.SubElement(cell, "p")
        head.set("class", "box-title")
        strong = etree.SubElement(head, "strong")
        strong.text = title
    if text and text.strip():
        para = etree.SubElement(cell, "p")
        para.text = text
    for child in children:
        cell.append(child)


class ShapeForQt(Treeprocessor):
    def run(self, root):
        for parent in root.iter():
            for el in list(parent):
                self._shape(el)
        return root

    def _shape(self, el):
        classes = (el.get("class") or "").split()
        if el.tag == "div" and "admonition" in classes:
            kind = next((c for c in classes if c != "admonition"), "note")
            title_el = next((c for c in el if c.tag == "p" and c.get("class") == "admonition-title"), None)
            title = None
            if title_el is not None:
                title = "".join(title_el.itertext()).strip()
                el.remove(title_el)
            _make_box(el, kind if kind in BOX_KINDS else "note", title)
        elif el.tag == "blockquote":
            kind = "quote"
            first = el[0] if len(el) else None
            marker = re.match(r"<!--box:([\w-]+)-->", (first.text or "").strip()) if first is not None else None
            if first is not None and marker:
                kind = marker.group(1) if marker.group(1) in BOX_KINDS else "note"
                first.text = (first.text or "").replace(marker.group(0), "").strip()
                if not first.text and not len(first):
                    el.remove(first)
            title = None
            if kind != "quote" and len(el) and el[0].tag in ("h2", "h3", "h4"):
                title = "".join(el[0].itertext()).strip()
                el.remove(el[0])
            _make_box(el, kind, title)
        elif el.tag == "table" and "box" not in classes:
            el.set("border", "1")
            el.set("cellspacing", "0")
            el.set("cellpadding", "6")
            el.set("class", "grid")
        elif el.tag == "li":
            self._task(el)

    def _task(self, li):
        target = li[0] if len(li) and li[0].tag == "p" else li
        text = target.text or ""
        m = TASK_RE.match(text)
        if m:
            box = "\u2611" if m.group(1).lower() == "x" else "\u2610"
            target.text = f"{box} " + text[m.end() :]
            li.set("class", "task")


class QtTextExtension(Extension):
    def extendMarkdown(self, md):
        for name in ("html_block",):
            if name in md.preprocessors:
                md.preprocessors.deregister(name)
        if "html" in md.inlinePatterns:
            md.inlinePatterns.deregister("html")
        md.preprocessors.register(DropKramdownAttributes(md), "drop_kramdown_ial", 25)
        # After the stock tree processors (inline is 20, prettify 10).
        md.treeprocessors.register(ShapeForQt(md), "shape_for_qt", 5)
