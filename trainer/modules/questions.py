"""The ```questions block of a module: find it, parse it, check it (issue 21).

A module's knowledge check is one fenced block whose info string is
``questions``, YAML inside (docs/AUTHORING.md, "Check your understanding").
``parse_module_questions`` cuts the block out of the body (the reader shows
the questions, not the YAML), builds ``Question`` objects that know their
file lines, and reports every problem as a ``PATH:LINE`` diagnostic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import Field, field_validator

from trainer.content_format.frontmatter import Document, YamlTooBigError, _error_line, parse_yaml
from trainer.content_format.schema import ID_PATTERN, ContentModel, check
from trainer.domain.diagnostics import ERROR, WARNING, Diagnostic, did_you_mean
from trainer.domain.questions import (
    CHOICE_KINDS,
    FREE_TEXT,
    KINDS,
    MI_CONSISTENT,
    MULTIPLE,
    ORDER,
    SINGLE,
    SKILL_PROMPT,
    Option,
    Question,
)

INFO = "questions"
OPEN_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})\s*questions\s*$")
OPTION_COUNTS = {SINGLE: (2, 6), MULTIPLE: (2, 6), MI_CONSISTENT: (2, 4)}
ORDER_ITEMS = (3, 6)
CHECK_SIZE = (3, 6)  # questions in a module's check (skill prompts not counted)
# Fields each kind uses; any other known field on that kind is ignored, with a warning.
USES = {
    SINGLE: {"options"},
    MULTIPLE: {"options"},
    MI_CONSISTENT: {"options"},
    ORDER: {"items"},
    FREE_TEXT: {"model_answer"},
    SKILL_PROMPT: {"model_answer"},
}
KIND_FIELDS = {"options", "items", "model_answer"}
OPTION_FIELDS = {"text", "correct", "feedback"}


class QuestionMeta(ContentModel):
    id: str = Field(pattern=ID_PATTERN)
    kind: str = Field(min_length=1)
    prompt: str = Field(min_length=1)
    objective: int | list[int] | None = None
    options: list[dict] = []
    items: list[str] = []
    model_answer: str = ""
    feedback: str = ""
    review: bool = True

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


class OptionMeta(ContentModel):
    text: str = Field(min_length=1)
    correct: bool = False
    feedback: str = ""


@dataclass
class Block:
    """Where the block sits in the body (0-based body line indexes) and its YAML."""

    start: int  # the opening fence
    end: int  # the closing fence (or the last line when it is never closed)
    yaml_text: str
    closed: bool = True


@dataclass
class ParsedQuestions:
    questions: list[Question] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    body: str = ""  # the module body without the block
    block_line: int = 0  # file line of the opening fence; 0 when there is none


def find_blocks(body: str) -> list[Block]:
    """Every ```questions block in ``body``, in order."""
    lines = body.splitlines()
    blocks: list[Block] = []
    i = 0
    fence: str | None = None  # inside another fenced block: its fence
    while i < len(lines):
        line = lines[i]
        m = OPEN_RE.match(line)
        if fence is None and m:
            mark = m.group(1)
            j = i + 1
            while j < len(lines) and not re.match(rf"^ {{0,3}}{re.escape(mark[0])}{{{len(mark)},}}\s*$", lines[j]):
                j += 1
            closed = j < len(lines)
            blocks.append(Block(i, j if closed else len(lines) - 1, "\n".join(lines[i + 1 : j]) + "\n", closed))
            i = j + 1
            continue
        other = re.match(r"^ {0,3}(`{3,}|~{3,})", line)
        if other:
            if fence is None:
                fence = other.group(1)
            elif other.group(1)[0] == fence[0] and len(other.group(1)) >= len(fence) and not line.strip()[len(fence) :]:
                fence = None
        i += 1
    return blocks


def strip_blocks(body: str, blocks: list[Block]) -> str:
    """``body`` without the blocks (lines are dropped, the rest keeps its text)."""
    lines = body.splitlines(keepends=True)
    drop = {n for b in blocks for n in range(b.start, b.end + 1)}
    return "".join(line for n, line in enumerate(lines) if n not in drop)


def _diag(path: Path, line: int, message: str, severity: str = ERROR) -> Diagnostic:
    return Diagnostic(path, line, severity, message)


def _reworded(d: Diagnostic, i: int, where: str) -> Diagnostic:
    """A field problem said of the question ("field 'options[2].text'", not "'[3].options[2].text'")."""
    message = d.message.replace(f"'[{i + 1}].", "'")
    if ", found True" in message or ", found False" in message:
        message += " (YAML reads yes, no, true and false as true or false: put the text in quotes)"
    return d.with_message(f"{where}: {message}")


def _objectives(
    raw: int | list[int] | None, n_objectives: int, doc: Document, i: int, where: str
) -> tuple[tuple[int, ...], list[Diagnostic]]:
    out: list[Diagnostic] = []
    if raw is None:
        if n_objectives:
            out.append(
                _diag(
                    doc.path,
                    doc.line_of((i,)),
                    f"{where}: field 'objective': this field is required "
                    f"(which of the module's {n_objectives} objectives it checks, 1 = the first)",
                )
            )
        return (), out
    values = [raw] if isinstance(raw, int) else list(raw)
    good: list[int] = []
    for v in values:
        if 1 <= v <= n_objectives:
            good.append(v)
        else:
            has = (
                f"this module has {n_objectives} objective{'s' if n_objectives != 1 else ''}"
                if n_objectives
                else ("this module has no objectives in its front matter")
            )
            out.append(_diag(doc.path, doc.line_of((i, "objective")), f"{where}: objective {v} does not exist; {has}"))
    return tuple(good), out


def _options(
    meta: QuestionMeta, raw_q: dict, doc: Document, i: int, where: str
) -> tuple[tuple[Option, ...], list[Diagnostic]]:
    out: list[Diagnostic] = []
    opts: list[Option] = []
    for k, raw in enumerate(meta.options):
        loc = (i, "options", k)
        line = doc.line_of(loc)
        for key in raw:
            if str(key) not in OPTION_FIELDS:
                out.append(
                    _diag(
                        doc.path,
                        doc.line_of((*loc, key)),
                        f"{where}: unknown field 'options[{k + 1}].{key}'{did_you_mean(str(key), OPTION_FIELDS)}; "
                        "it is ignored",
                        WARNING,
                    )
                )
        parsed, problems = check(OptionMeta, doc, prefix=loc, data=raw)
        out.extend(_reworded(d, i, where) for d in problems if d.is_error)
        if parsed is None:
            continue
        if not parsed.feedback:
            out.append(
                _diag(doc.path, line, f"{where}: option {k + 1} has no 'feedback'; say why it is right or wrong")
            )
        opts.append(Option(parsed.text, parsed.correct, parsed.feedback, line))
    low, high = OPTION_COUNTS[meta.kind]
    n = len(meta.options)
    if not low <= n <= high:
        line = doc.line_of((i, "options")) if "options" in raw_q else doc.line_of((i,))
        out.append(_diag(doc.path, line, f"{where}: kind '{meta.kind}' needs {low} to {high} options, found {n}"))
    right = sum(1 for o in opts if o.correct)
    if len(opts) == n and n:
        if right == 0:
            out.append(
                _diag(doc.path, doc.line_of((i, "options")), f"{where}: no correct option (add 'correct: true')")
            )
        elif right > 1 and meta.kind != MULTIPLE:
            out.append(
                _diag(
                    doc.path,
                    doc.line_of((i, "options")),
                    f"{where}: kind '{meta.kind}' needs exactly one correct option, found {right} "
                    "(use kind 'multiple' for more)",
                )
            )
    return tuple(opts), out


def _question(raw: Any, i: int, doc: Document, n_objectives: int) -> tuple[Question | None, list[Diagnostic]]:
    where = f"question {i + 1}"
    if not isinstance(raw, dict):
        return None, [_diag(doc.path, doc.line_of((i,)), f"{where}: expected a set of 'field: value' lines")]
    qid = raw.get("id")
    if isinstance(qid, (str, int)) and not isinstance(qid, bool):
        where = f"question '{qid}'"
    meta, problems = check(QuestionMeta, doc, prefix=(i,), data=raw)
    out = [_reworded(d, i, where) for d in problems]
    if meta is None:
        return None, out
    if meta.kind not in KINDS:
        out.append(
            _diag(
                doc.path,
                doc.line_of((i, "kind")),
                f"{where}: unknown kind '{meta.kind}'{did_you_mean(meta.kind, KINDS)}; expected one of "
                + ", ".join(KINDS),
            )
        )
        return None, out
    for name in sorted(KIND_FIELDS - USES[meta.kind]):
        if name in raw:
            out.append(
                _diag(
                    doc.path,
                    doc.line_of((i, name)),
                    f"{where}: field '{name}' is not used by kind '{meta.kind}'; it is ignored",
                    WARNING,
                )
            )
    objectives, problems = _objectives(meta.objective, n_objectives, doc, i, where)
    out.extend(problems)
    options: tuple[Option, ...] = ()
    items: tuple[str, ...] = ()
    if meta.kind in CHOICE_KINDS:
        options, problems = _options(meta, raw, doc, i, where)
        out.extend(problems)
    elif meta.kind == ORDER:
        items = tuple(meta.items)
        low, high = ORDER_ITEMS
        if not low <= len(items) <= high:
            line = doc.line_of((i, "items")) if "items" in raw else doc.line_of((i,))
            out.append(_diag(doc.path, line, f"{where}: kind 'order' needs {low} to {high} items, found {len(items)}"))
        for k, item in enumerate(items):
            if not item:
                out.append(_diag(doc.path, doc.line_of((i, "items", k)), f"{where}: item {k + 1} is empty"))
            elif item in items[:k]:
                out.append(
                    _diag(doc.path, doc.line_of((i, "items", k)), f"{where}: item {k + 1} repeats an earlier item")
                )
        if not meta.feedback:
            out.append(_diag(doc.path, doc.line_of((i,)), f"{where}: kind 'order' needs 'feedback' (why this order)"))
    elif not meta.model_answer:
        out.append(_diag(doc.path, doc.line_of((i,)), f"{where}: kind '{meta.kind}' needs a 'model_answer'"))
    question = Question(
        id=meta.id,
        kind=meta.kind,
        prompt=meta.prompt,
        objectives=objectives,
        options=options,
        items=items,
        model_answer=meta.model_answer,
        feedback=meta.feedback,
        review=meta.review,
        line=doc.line_of((i,)),
    )
    return question, out


def _parse_block(path: Path, block: Block, first_line: int) -> tuple[Document | None, list, list[Diagnostic]]:
    """The block's YAML as a document with file lines, and its list of questions."""
    offset = first_line - 1 + block.start + 1  # 0-based file line of the YAML's first line
    try:
        node, data = parse_yaml(block.yaml_text)
    except yaml.YAMLError as exc:
        line = offset + 1 + _error_line(exc, block.yaml_text)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        problem = problem.replace("'<stream end>'", "the end of the block (is a bracket or quote left open?)")
        what = "questions block: " if isinstance(exc, YamlTooBigError) else "questions block is not valid YAML: "
        return None, [], [_diag(path, min(line, first_line + block.end), what + problem)]
    if data is None:
        data = []
    if not isinstance(data, list):
        return (
            None,
            [],
            [_diag(path, offset + 1, "questions block: expected a list of questions (lines starting '- ')")],
        )
    # Field paths such as (i, "options", k) are read against the list's node.
    return Document(path, {}, "", first_line, True, node, offset), data, []


def parse_module_questions(path: Path, body: str, first_line: int, n_objectives: int) -> ParsedQuestions:
    """Questions of one module body (``first_line``: its file line) and every problem with them."""
    blocks = find_blocks(body)
    result = ParsedQuestions(body=strip_blocks(body, blocks) if blocks else body)
    if not blocks:
        return result
    block = blocks[0]
    result.block_line = first_line + block.start
    for extra in blocks[1:]:
        result.diagnostics.append(
            _diag(path, first_line + extra.start, "a second questions block; put every question in one block")
        )
    if not block.closed:
        result.diagnostics.append(_diag(path, result.block_line, "the questions block has no closing fence"))
    elif body.splitlines()[block.end + 1 :] and any(ln.strip() for ln in body.splitlines()[block.end + 1 :]):
        result.diagnostics.append(
            _diag(path, result.block_line, "the questions block is not at the end of the module; move it last", WARNING)
        )
    doc, data, problems = _parse_block(path, block, first_line)
    result.diagnostics.extend(problems)
    if doc is None:
        return result
    seen: dict[str, int] = {}
    for i, raw in enumerate(data):
        qid = raw.get("id") if isinstance(raw, dict) else None
        if isinstance(qid, (str, int)) and not isinstance(qid, bool):
            if str(qid) in seen:
                result.diagnostics.append(
                    _diag(
                        path, doc.line_of((i, "id")), f"duplicate question id '{qid}' (also on line {seen[str(qid)]})"
                    )
                )
                continue
            seen[str(qid)] = doc.line_of((i, "id"))
        question, problems = _question(raw, i, doc, n_objectives)
        result.diagnostics.extend(problems)
        if question is not None:
            result.questions.append(question)
    return result


def coverage_diagnostics(
    path: Path, parsed: ParsedQuestions, objective_lines: list[int], end_line: int
) -> list[Diagnostic]:
    """Warnings about the check as a whole: none at all, an objective no question covers, too few or many."""
    out: list[Diagnostic] = []
    check = [q for q in parsed.questions if q.in_check]
    if not parsed.block_line:
        if objective_lines:
            out.append(
                _diag(
                    path,
                    end_line,
                    f"no knowledge check: add a ```questions block of {CHECK_SIZE[0]} to {CHECK_SIZE[1]} questions "
                    "at the end (see AUTHORING.md, 'Check your understanding')",
                    WARNING,
                )
            )
        return out
    if parsed.diagnostics and any(d.is_error for d in parsed.diagnostics) and not parsed.questions:
        return out
    covered = {n for q in parsed.questions for n in q.objectives}
    for n, line in enumerate(objective_lines, start=1):
        if n not in covered:
            out.append(_diag(path, line, f"objective {n} has no question in the check", WARNING))
    low, high = CHECK_SIZE
    if not low <= len(check) <= high:
        out.append(
            _diag(
                path,
                parsed.block_line,
                f"the check has {len(check)} question{'s' if len(check) != 1 else ''}; aim for {low} to {high}",
                WARNING,
            )
        )
    return out
