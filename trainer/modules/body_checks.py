"""Line-by-line checks of a Markdown body: links, images, raw HTML.

These run on the source, not the rendered HTML, so each problem can name
the file line where the author has to look.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from trainer.content_format.limits import image_diagnostic, nesting_diagnostics, outside_target
from trainer.domain.diagnostics import ERROR, WARNING, Diagnostic

FENCE_RE = re.compile(r"^\s{0,3}(```|~~~)")
CODE_SPAN_RE = re.compile(r"(`+)(.+?)\1")
LINK_RE = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(].*?[\"')])?\s*\)")
REF_DEF_RE = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s+.*)?$")
HTML_TAG_RE = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>")
AUTOLINK_RE = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9+.-]*:[^<>\s]*|[^<>\s@]+@[^<>\s@]+)>")
TEMPLATE_RE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
IAL_RE = re.compile(r"^\s*\{:\s*[^}]*\}\s*$")

MODULE_SUFFIXES = (".md", ".markdown", ".html")


@dataclass
class LinkRef:
    line: int
    target: str
    is_image: bool


def prose_lines(body: str):
    """Yield (index, line) for lines outside fenced code, code spans blanked."""
    fence = None
    for i, line in enumerate(body.splitlines()):
        m = FENCE_RE.match(line)
        if fence is not None:
            if m and m.group(1) == fence:
                fence = None
            continue
        if m:
            fence = m.group(1)
            continue
        if line.startswith(("    ", "\t")):
            # Indented code blocks are code; list continuations rarely hold HTML.
            stripped = line.strip()
            if not stripped.startswith(("-", "*", "+")) and not stripped[:1].isdigit():
                continue
        yield i, CODE_SPAN_RE.sub(lambda mm: " " * len(mm.group(0)), line)


def links(body: str, first_line: int) -> list[LinkRef]:
    found: list[LinkRef] = []
    for i, line in prose_lines(body):
        for m in LINK_RE.finditer(line):
            found.append(LinkRef(first_line + i, m.group(3), m.group(1) == "!"))
        ref = REF_DEF_RE.match(line)
        if ref:
            found.append(LinkRef(first_line + i, ref.group(2), False))
    return found


def is_external(target: str) -> bool:
    parsed = urlparse(target)
    return bool(parsed.scheme) or target.startswith("//")


def check_body(
    path: Path,
    body: str,
    first_line: int,
    module_names: set[str],
    root: Path | None = None,
) -> list[Diagnostic]:
    """Problems in a module body. ``module_names`` holds file stems and ids; ``root`` is the
    course folder (default: the module's own folder), outside which no image may be read."""
    root = root if root is not None else path.parent
    out: list[Diagnostic] = nesting_diagnostics(path, body, first_line)
    for i, line in prose_lines(body):
        lineno = first_line + i
        if IAL_RE.match(line):
            continue  # kramdown attribute lists are dropped quietly
        if TEMPLATE_RE.search(line):
            out.append(
                Diagnostic(path, lineno, WARNING, "template code like '{{ ... }}' is not supported; it shows as text")
            )
        scrubbed = AUTOLINK_RE.sub("", line)
        for m in HTML_TAG_RE.finditer(scrubbed):
            out.append(
                Diagnostic(
                    path,
                    lineno,
                    WARNING,
                    f"raw HTML <{m.group(1).lower()}> is not rendered; it shows as text (use Markdown instead)",
                )
            )
            break
    for ref in links(body, first_line):
        target = ref.target
        if ref.is_image and target and not TEMPLATE_RE.search(target):
            problem = image_diagnostic(path, ref.line, target, root)
            if problem is not None:
                out.append(problem)
            continue
        if target and outside_target(target):
            out.append(
                Diagnostic(
                    path,
                    ref.line,
                    ERROR,
                    f"link to '{target}' points outside the course; link to a module or a web page instead",
                )
            )
            continue
        if not target or target.startswith("#") or is_external(target) or TEMPLATE_RE.search(target):
            continue
        local = unquote(target.split("#", 1)[0].split("?", 1)[0])
        if not local:
            continue
        candidate = path.parent / local
        stem = Path(local).stem
        if local.lower().endswith(MODULE_SUFFIXES) or not Path(local).suffix:
            if stem in module_names or candidate.is_file() or candidate.is_dir():
                continue
            out.append(Diagnostic(path, ref.line, ERROR, f"link to '{local}' does not match any module file or id"))
        elif not candidate.exists():
            out.append(Diagnostic(path, ref.line, ERROR, f"linked file '{local}' not found"))
    return out
