"""Find, read and check the branching consultations of a course folder.

Each ``content/consultations/*.yaml`` file is one consultation, read with
the safe YAML loader (data only). Every problem becomes a
``PATH:LINE: error: ...`` Diagnostic; only consultations free of errors are
returned for the app to show. The format is described in docs/CONSULTATIONS.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, field_validator

from trainer.competencies.coding import BY_ID, CODE_IDS
from trainer.consultations.graph import graph_problems
from trainer.consultations.model import MAX_RESPONSES, MIN_RESPONSES, Consultation, Node, Response
from trainer.content_format.frontmatter import Document, read_yaml_file
from trainer.content_format.references import unknown_skills
from trainer.content_format.schema import ID_PATTERN, ContentModel, check
from trainer.content_format.unique import load_unique
from trainer.domain.diagnostics import ERROR, Diagnostic, did_you_mean

FOLDER = "consultations"
SUFFIXES = (".yaml", ".yml")
# Codes may be written as ids ("open_question") or labels ("Open question").
CODE_NAMES = {**{c: c for c in CODE_IDS}, **{c.label.lower(): c.id for c in BY_ID.values()}}


def _as_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


def _as_text(value: Any) -> Any:
    return str(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value


class ResponseMeta(ContentModel):
    say: str = Field(min_length=1)
    codes: list[str] = []
    next: str = Field(min_length=1)
    feedback: str = Field(min_length=1)
    expert: bool = False
    safety_net: bool = False

    _codes = field_validator("codes", mode="before")(_as_list)
    _next = field_validator("next", mode="before")(_as_text)


class NodeMeta(ContentModel):
    person: str = Field(min_length=1)
    responses: list[ResponseMeta] = []
    end: bool = False
    pushback: bool = False
    note: str = ""


class PersonMeta(ContentModel):
    name: str = Field(min_length=1)
    about: str = ""


class ConsultationMeta(ContentModel):
    title: str = Field(min_length=1)
    id: str | None = Field(default=None, pattern=ID_PATTERN)
    profession: Literal["nursing", "gp", "ahp", "pharmacy", "coaching"]
    practitioner: str = Field(min_length=1)
    setting: str = Field(min_length=1)
    person: PersonMeta
    summary: str = ""
    skills: list[str] = []
    sources: list[str] = []
    start: str = Field(min_length=1)
    nodes: dict[str, NodeMeta] = Field(min_length=1)

    _lists = field_validator("skills", "sources", mode="before")(_as_list)
    _start = field_validator("start", mode="before")(_as_text)


def consultation_files(root: Path) -> list[Path]:
    folder = Path(root) / FOLDER
    if not folder.is_dir():
        return []
    return sorted(
        (p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith("_")),
        key=lambda p: p.name.lower(),
    )


def _codes(doc: Document, where: tuple, meta: ResponseMeta) -> tuple[tuple[str, ...], list[Diagnostic]]:
    out: list[str] = []
    diags: list[Diagnostic] = []
    name = f"nodes.{where[1]}.responses[{where[3] + 1}].codes"
    if not meta.codes:
        diags.append(
            Diagnostic(
                doc.path,
                doc.line_of(where),
                ERROR,
                f"field '{name}': no behaviour code; expected one or more of {', '.join(CODE_IDS)}",
            )
        )
    for j, raw in enumerate(meta.codes):
        code = CODE_NAMES.get(str(raw).strip().lower())
        if code is None:
            diags.append(
                Diagnostic(
                    doc.path,
                    doc.line_of((*where, "codes", j)),
                    ERROR,
                    f"field '{name}[{j + 1}]': unknown behaviour code '{raw}'{did_you_mean(str(raw), CODE_IDS)}; "
                    f"expected one of {', '.join(CODE_IDS)}",
                )
            )
        elif code not in out:
            out.append(code)
    return tuple(out), diags


def _node(doc: Document, node_id: str, meta: NodeMeta) -> tuple[Node, list[Diagnostic]]:
    diags: list[Diagnostic] = []
    where = ("nodes", node_id)
    responses: list[Response] = []
    for i, r in enumerate(meta.responses):
        codes, problems = _codes(doc, (*where, "responses", i), r)
        diags.extend(problems)
        line = doc.line_of((*where, "responses", i))
        responses.append(Response(r.say, codes, r.next, r.feedback, r.expert, r.safety_net, line))
    n = len(responses)
    if meta.end and n:
        diags.append(
            Diagnostic(
                doc.path,
                doc.line_of((*where, "responses")),
                ERROR,
                f"node '{node_id}' is marked 'end: true' but offers {n} response{'s' if n != 1 else ''}; "
                "an end node offers none",
            )
        )
    elif n and not MIN_RESPONSES <= n <= MAX_RESPONSES:
        diags.append(
            Diagnostic(
                doc.path,
                doc.line_of((*where, "responses")),
                ERROR,
                f"node '{node_id}' offers {n} response{'s' if n != 1 else ''}; "
                f"expected {MIN_RESPONSES} to {MAX_RESPONSES}",
            )
        )
    if n and not meta.end:
        experts = sum(1 for r in responses if r.expert)
        if experts != 1:
            diags.append(
                Diagnostic(
                    doc.path,
                    doc.line_of((*where, "responses")),
                    ERROR,
                    f"node '{node_id}': {experts} responses are marked 'expert: true'; "
                    "expected exactly one (the expert's choice)",
                )
            )
    node = Node(node_id, meta.person, tuple(responses), meta.end, meta.pushback, meta.note, doc.line_of(where))
    return node, diags


def load_consultation(path: Path, known_skills: set[str] | None = None) -> tuple[Consultation | None, list[Diagnostic]]:
    doc, diags = read_yaml_file(path)
    if doc is None:
        return None, diags
    meta, problems = check(ConsultationMeta, doc)
    diags.extend(problems)
    if meta is None:
        return None, diags
    nodes: dict[str, Node] = {}
    for node_id, node_meta in meta.nodes.items():
        node, problems = _node(doc, str(node_id), node_meta)
        diags.extend(problems)
        nodes[str(node_id)] = node
    diags.extend(unknown_skills(path, doc, meta.skills, known_skills))
    consultation = Consultation(
        id=meta.id or path.stem.lower(),
        title=meta.title,
        path=path,
        profession=meta.profession,
        practitioner=meta.practitioner,
        setting=meta.setting,
        person=meta.person.name,
        about=meta.person.about,
        start=meta.start,
        nodes=nodes,
        summary=meta.summary,
        skills=list(meta.skills),
        sources=list(meta.sources),
    )
    diags.extend(graph_problems(consultation, lambda loc: doc.line_of(loc)))
    return consultation, sorted(diags, key=lambda d: d.line)


@dataclass
class LoadedConsultations:
    consultations: list[Consultation]  # only those free of errors, in file-name order
    diagnostics: list[Diagnostic]


def load_consultations(root: Path, known_skills: set[str] | None = None) -> LoadedConsultations:
    found, diags, _seen = load_unique(
        consultation_files(root), lambda path: load_consultation(path, known_skills), "consultation"
    )
    return LoadedConsultations(found, diags)
