"""Split YAML front matter from a Markdown file, keeping line numbers.

Every later error must name the line of the offending field, so the YAML
is composed into nodes (which carry their marks) as well as loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from trainer.content_format.limits import yaml_too_big
from trainer.domain.diagnostics import ERROR, Diagnostic
from trainer.domain.errors import reason

FENCE = "---"


class YamlTooBigError(yaml.MarkedYAMLError):
    """YAML whose aliases expand into too many values (an "anchor bomb"); ``problem`` says so."""


class FrontMatterError(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class Document:
    path: Path
    data: dict[str, Any]
    body: str
    body_line: int  # 1-based line where the body starts
    has_front_matter: bool
    _node: Any = field(default=None, repr=False)
    _offset: int = 0  # 0-based line index where the YAML text starts

    def line_of(self, loc: tuple | list = ()) -> int:
        """The 1-based file line of a field path like ('objectives', 2)."""
        node = self._node
        line = node.start_mark.line if node is not None else 0
        for part in loc:
            child = _child(node, part)
            if child is None:
                break
            node, line = child
        return self._offset + line + 1


def _child(node: Any, part: Any) -> tuple[Any, int] | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                # A scalar value is best reported on its key's line.
                return value, key.start_mark.line
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int):
        if 0 <= part < len(node.value):
            item = node.value[part]
            return item, item.start_mark.line
    return None


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~10x faster


def parse_yaml(text: str) -> tuple[Any, Any]:
    """Parse once: the node tree (with line marks) and the data built from it."""
    loader = _Loader(text)
    try:
        try:
            node = loader.get_single_node()
        except RecursionError:
            raise yaml.YAMLError("the YAML is nested too deeply") from None
        too_big = yaml_too_big(node) if node is not None else None
        if too_big is not None:  # checked on the nodes, before the values are made
            raise YamlTooBigError(problem=too_big[1], problem_mark=too_big[0])
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return node, data


def _error_line(exc: yaml.YAMLError, text: str) -> int:
    """0-based line nearest the author's mistake: where an unclosed bracket or
    quote opened (context), else where parsing failed (problem), never past
    the last line that has text."""
    context = getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem_mark", None)
    mark = problem
    opened = str(getattr(exc, "context", "") or "")
    if (
        context is not None
        and ("flow" in opened or "quoted" in opened)
        and (problem is None or problem.line >= context.line)
    ):
        mark = context
    line = mark.line if mark is not None else 0
    filled = [i for i, ln in enumerate(text.splitlines()) if ln.strip()]
    return min(line, filled[-1]) if filled else 0


def split_text(text: str, path: Path) -> Document:
    """Parse ``text``; raise FrontMatterError with a file line on bad YAML."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != FENCE:
        return Document(path, {}, text, 1, False)
    end = None
    for i in range(1, len(lines)):
        if lines[i].rstrip() in (FENCE, "..."):
            end = i
            break
    if end is None:
        raise FrontMatterError(1, "front matter starts with '---' but has no closing '---' line")
    yaml_text = "".join(lines[1:end])
    try:
        node, data = parse_yaml(yaml_text)
    except yaml.YAMLError as exc:
        line = 1 + 1 + _error_line(exc, yaml_text)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        problem = problem.replace("'<stream end>'", "the end of the front matter (is a bracket or quote left open?)")
        if isinstance(exc, YamlTooBigError):
            raise FrontMatterError(line, f"front matter: {problem}") from None
        raise FrontMatterError(line, f"front matter is not valid YAML: {problem}") from None
    if data is None:
        data, node = {}, None
    if not isinstance(data, dict):
        raise FrontMatterError(2, "front matter must be a set of 'field: value' lines")
    body = "".join(lines[end + 1 :])
    return Document(path, data, body, end + 2, True, node, 1)


def read_document(path: Path) -> tuple[Document | None, list[Diagnostic]]:
    """Read and split a file, turning every failure into a Diagnostic."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Diagnostic(path, 1, ERROR, f"cannot read file: {reason(exc)}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Diagnostic(path, line, ERROR, "file is not UTF-8 text; save it as UTF-8")]
    try:
        return split_text(text, path), []
    except FrontMatterError as exc:
        return None, [Diagnostic(path, exc.line, ERROR, exc.message)]


def read_yaml_file(path: Path) -> tuple[Document | None, list[Diagnostic]]:
    """Read a whole-YAML file (course.yaml, competencies.yaml) with line numbers."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Diagnostic(path, 1, ERROR, f"cannot read file: {reason(exc)}")]
    try:
        node, data = parse_yaml(text)
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        problem = problem.replace("'<stream end>'", "the end of the file (is a bracket or quote left open?)")
        what = "" if isinstance(exc, YamlTooBigError) else "not valid YAML: "
        return None, [Diagnostic(path, 1 + _error_line(exc, text), ERROR, f"{what}{problem}")]
    if data is None:
        data, node = {}, None
    if not isinstance(data, dict):
        return None, [Diagnostic(path, 1, ERROR, "expected a set of 'field: value' lines at the top level")]
    return Document(path, data, "", 1, True, node, 0), []
