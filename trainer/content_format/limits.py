"""Limits that keep hostile or broken course content from hanging the app.

A course folder is data someone can hand a person, so: YAML aliases may not
blow a few lines up into billions of values; quotes and lists are shown at
most a few levels deep (Qt's layout of nested quotes grows exponentially,
python-markdown recurses once per list level); an image must be a regular,
reasonably small file inside the course folder. ``trainer validate``
reports each case with its file and line; the renderer applies the limits.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from trainer.domain.diagnostics import ERROR, WARNING, Diagnostic

MAX_YAML_VALUES = 100_000  # values in a YAML document once its aliases are expanded
MAX_QUOTE_DEPTH = 5
MAX_LIST_DEPTH = 10
MAX_IMAGE_BYTES = 10_000_000
_INDENT = 4  # columns per list level (python-markdown)
_MAX_HTML_DEPTH = 4 * MAX_LIST_DEPTH + MAX_QUOTE_DEPTH + 8

_QUOTE_RE = re.compile(r"^(?: {0,3}> ?)+")
_BLOCK_TAG_RE = re.compile(r"<(/?)(blockquote|ul|ol|li|dl|dd|table|tr|td|th|div)\b[^>]*?(/?)>", re.I)


# -- YAML ----------------------------------------------------------------------------------
def _children(node: Any) -> list:
    value = getattr(node, "value", None)
    if not isinstance(value, list):
        return []  # a scalar
    if value and isinstance(value[0], tuple):  # a mapping: (key, value) pairs
        return [part for pair in value for part in pair]
    return value


def yaml_expansion(node: Any, limit: int = MAX_YAML_VALUES) -> dict[int, int] | None:
    """How many values each node stands for once aliases are expanded (capped at limit + 1),
    by node id; None when a node contains itself. Iterative: no recursion on deep YAML."""
    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[Any, bool]] = [(node, False)]
    while stack:
        current, finished = stack.pop()
        key = id(current)
        if finished:
            on_path.discard(key)
            sizes[key] = min(limit + 1, 1 + sum(sizes[id(c)] for c in _children(current)))
            continue
        if key in sizes:
            continue
        if key in on_path:
            return None
        on_path.add(key)
        stack.append((current, True))
        for child in _children(current):
            if id(child) in on_path:
                return None
            if id(child) not in sizes:
                stack.append((child, False))
    return sizes


def yaml_too_big(node: Any, limit: int = MAX_YAML_VALUES) -> tuple[Any, str] | None:
    """(the mark to report, the message) when ``node`` expands past ``limit`` values or refers to itself."""
    sizes = yaml_expansion(node, limit)
    pairs = (
        node.value
        if isinstance(getattr(node, "value", None), list) and node.value and isinstance(node.value[0], tuple)
        else []
    )
    if sizes is None:
        return node.start_mark, (
            "a YAML alias ('*name') refers to the value that contains it; write the values out instead"
        )
    for key, value in pairs:
        if sizes[id(value)] > limit:
            return key.start_mark, (
                f"field '{key.value}' repeats values through YAML aliases ('*name') "
                f"into more than {limit:,} values; write the values out instead"
            )
    if sizes[id(node)] > limit:
        return node.start_mark, (
            f"the YAML here expands through aliases ('*name') into more than "
            f"{limit:,} values; write the values out instead"
        )
    return None


# -- Markdown nesting ------------------------------------------------------------------------
def _quote_depth(line: str) -> tuple[int, int]:
    """(how many '>' start the line, the length of that prefix)."""
    m = _QUOTE_RE.match(line)
    return (m.group(0).count(">"), m.end()) if m else (0, 0)


def _indent(line: str) -> tuple[int, int]:
    """(leading whitespace in columns, its length in characters)."""
    width = n = 0
    for ch in line:
        if ch == " ":
            width += 1
        elif ch == "\t":
            width += _INDENT - width % _INDENT
        else:
            break
        n += 1
    return width, n


def clamp_nesting(body: str) -> str:
    """``body`` with quotes at most MAX_QUOTE_DEPTH and indentation at most MAX_LIST_DEPTH levels deep."""
    out = []
    max_indent = _INDENT * MAX_LIST_DEPTH
    for line in body.split("\n"):
        depth, end = _quote_depth(line)
        if depth > MAX_QUOTE_DEPTH:
            line = "> " * MAX_QUOTE_DEPTH + line[end:]
        width, n = _indent(line)
        if width > max_indent:
            line = " " * max_indent + line[n:]
        out.append(line)
    return "\n".join(out)


def nesting_diagnostics(path: Path, body: str, first_line: int) -> list[Diagnostic]:
    """One warning per run of lines nested deeper than is shown."""
    out: list[Diagnostic] = []
    quote_reported = list_reported = False
    for i, line in enumerate(body.split("\n")):
        depth, _ = _quote_depth(line)
        if depth > MAX_QUOTE_DEPTH and not quote_reported:
            out.append(
                Diagnostic(
                    path, first_line + i, WARNING, f"quote nested {depth} deep; only {MAX_QUOTE_DEPTH} levels are shown"
                )
            )
            quote_reported = True
        width, _ = _indent(line)
        levels = width // _INDENT
        if levels > MAX_LIST_DEPTH and line.strip() and not list_reported:
            out.append(
                Diagnostic(
                    path,
                    first_line + i,
                    WARNING,
                    f"list nested {levels + 1} or more deep; only {MAX_LIST_DEPTH} levels are shown",
                )
            )
            list_reported = True
    return out


def too_deep_html(html: str) -> bool:
    """Whether rendered HTML nests block elements deeper than the reader can lay out quickly."""
    depth = quotes = 0
    for m in _BLOCK_TAG_RE.finditer(html):
        closing, tag, self_closing = m.group(1), m.group(2).lower(), m.group(3)
        if self_closing:
            continue
        step = -1 if closing else 1
        depth += step
        if tag == "blockquote":
            quotes += step
        if depth > _MAX_HTML_DEPTH or quotes > MAX_QUOTE_DEPTH:
            return True
    return False


# -- images and links ------------------------------------------------------------------------
def outside_target(target: str) -> bool:
    """An absolute path, a drive, or an address with a scheme other than the web's."""
    parsed = urlparse(target)
    if parsed.scheme.lower() == "file" or target.startswith(("/", "\\")):
        return True
    return len(parsed.scheme) == 1  # a Windows drive like C:


def image_problem(target: str, module_dir: Path, root: Path) -> str | None:
    """Why the image ``target`` (as written in a module in ``module_dir``) may not be shown, or None."""
    parsed = urlparse(target)
    if parsed.scheme.lower() in ("http", "https", "data"):
        return None  # not read from disk (the reader fetches nothing from the web)
    if outside_target(target) or parsed.scheme:
        return f"image '{target}' is outside the course folder; put the image inside it"
    local = unquote(parsed.path)
    try:
        found = (module_dir / local).resolve()
        inside = found.is_relative_to(Path(root).resolve())
    except (OSError, ValueError, RuntimeError):
        return f"image '{target}' cannot be read"
    if not inside:
        return f"image '{target}' is outside the course folder; put the image inside it"
    try:
        st = found.stat()
    except OSError:
        return f"image '{local}' not found (looked in {module_dir.name}/)"
    if not found.is_file():
        return f"image '{target}' is not a regular file"
    if st.st_size > MAX_IMAGE_BYTES:
        return f"image '{target}' is larger than {MAX_IMAGE_BYTES // 1_000_000} MB; make it smaller"
    return None


def image_diagnostic(path: Path, line: int, target: str, root: Path) -> Diagnostic | None:
    problem = image_problem(target, path.parent, root)
    return Diagnostic(path, line, ERROR, problem) if problem else None
