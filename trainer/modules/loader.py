"""Find and load the Markdown modules of a course folder.

A module that fails to load stays in the course with its error, so the
outline can show it and the rest of the course still works.
"""

from __future__ import annotations

import re
from pathlib import Path

from trainer.content_format.frontmatter import Document, read_document, read_yaml_file
from trainer.content_format.references import unknown_skills
from trainer.content_format.schema import CourseMeta, ModuleMeta, check
from trainer.domain.course import Course, Module
from trainer.domain.diagnostics import ERROR, WARNING, Diagnostic, did_you_mean
from trainer.domain.questions import DEFAULT_PASS_MARK
from trainer.modules.body_checks import check_body
from trainer.modules.durations import duration_diagnostics
from trainer.modules.questions import coverage_diagnostics, parse_module_questions

PREFIX_RE = re.compile(r"^(\d+)[-_. ]*")
MODULE_GLOBS = ("*.md", "*.markdown")
SKIP_NAMES = {"readme", "license", "licence", "contributing", "code_of_conduct", "changelog"}


def module_dir(root: Path) -> Path:
    for name in ("modules", "_episodes", "episodes"):
        if (root / name).is_dir():
            return root / name
    return root


def module_files(root: Path) -> list[Path]:
    folder = module_dir(root)
    files: set[Path] = set()
    for pattern in MODULE_GLOBS:
        files.update(p for p in folder.glob(pattern) if p.is_file())
    return sorted(files, key=lambda p: p.name.lower())


def id_from_name(path: Path) -> str:
    stem = PREFIX_RE.sub("", path.stem) or path.stem
    slug = re.sub(r"[^a-z0-9_-]+", "-", stem.lower()).strip("-")
    return slug or "module"


def order_from_name(path: Path) -> float | None:
    m = PREFIX_RE.match(path.stem)
    return float(m.group(1)) if m else None


def _load_course_meta(root: Path, diags: list[Diagnostic]) -> CourseMeta | None:
    path = root / "course.yaml"
    if not path.is_file():
        return None
    doc, problems = read_yaml_file(path)
    diags.extend(problems)
    if doc is None:
        return None
    meta, problems = check(CourseMeta, doc)
    diags.extend(problems)
    return meta


def _minutes(meta: ModuleMeta) -> int | None:
    """duration_minutes, or a lesson's own teaching + exercises minutes."""
    if meta.duration_minutes:
        return meta.duration_minutes
    extra = meta.model_extra or {}
    parts = [extra.get(k) for k in ("teaching", "exercises")]
    total = sum(p for p in parts if isinstance(p, int) and not isinstance(p, bool) and p > 0)
    return total or None


def _module_from(doc: Document, meta: ModuleMeta, index: int, root: Path | None = None) -> Module:
    order = meta.order if meta.order is not None else order_from_name(doc.path)
    return Module(
        id=meta.id or id_from_name(doc.path),
        title=meta.title,
        path=doc.path,
        order=order if order is not None else 10_000 + index,
        summary=meta.summary,
        duration_minutes=_minutes(meta),
        activity_minutes=meta.activity_minutes,
        objectives=list(meta.objectives),
        keypoints=list(meta.keypoints),
        skills=list(meta.skills),
        scenarios=list(meta.scenarios),
        reflection_prompt=meta.reflection_prompt,
        body=doc.body,
        body_line=doc.body_line,
        extra=dict(meta.model_extra or {}),
        root=root,
    )


def _questions(doc: Document, module: Module) -> list[Diagnostic]:
    """Fill ``module.questions`` from its ```questions block and cut the block from the body."""
    parsed = parse_module_questions(doc.path, doc.body, doc.body_line, len(module.objectives))
    module.questions = parsed.questions
    module.body = parsed.body
    objective_lines = [doc.line_of(("objectives", i)) for i in range(len(module.objectives))]
    return parsed.diagnostics + coverage_diagnostics(
        doc.path, parsed, objective_lines, doc.body_line + max(0, len(doc.body.splitlines()) - 1)
    )


def load_course(
    root: Path,
    known_skills: set[str] | None = None,
    known_scenarios: set[str] | None = None,
) -> Course:
    """Load every module under ``root``; never raises for bad content."""
    root = Path(root)
    diags: list[Diagnostic] = []
    meta = _load_course_meta(root, diags)
    files = module_files(root)
    names = {p.stem for p in files}
    modules: list[Module] = []
    seen: dict[str, Path] = {}
    docs: list[tuple[Document, Module]] = []
    failed_docs: list[Document] = []

    inside = root.resolve()
    for index, path in enumerate(files):
        try:
            outside = not path.resolve().is_relative_to(inside)
        except (OSError, RuntimeError):  # a link loop
            outside = True
        if outside:  # a link to a file elsewhere: a course cannot make the app read other files
            diags.append(
                Diagnostic(
                    path,
                    1,
                    ERROR,
                    "this module is a link to a file outside the course "
                    "folder; it is not loaded (copy the file in instead)",
                )
            )
            continue
        doc, problems = read_document(path)
        diags.extend(problems)
        if doc is None:
            modules.append(
                Module(
                    id_from_name(path),
                    path.stem,
                    path,
                    order_from_name(path) or 10_000 + index,
                    error=(
                        f"{path.name}, line {problems[0].line}: {problems[0].message}" if problems else "cannot be read"
                    ),
                )
            )
            continue
        if not doc.has_front_matter:
            if path.stem.lower() not in SKIP_NAMES:
                diags.append(
                    Diagnostic(
                        path,
                        1,
                        WARNING,
                        "no front matter (a '---' block with at least 'title:'); not loaded as a module",
                    )
                )
            continue
        parsed, problems = check(ModuleMeta, doc)
        diags.extend(problems)
        if parsed is None:
            first = next((d for d in problems if d.is_error), None)
            title = doc.data.get("title") if isinstance(doc.data.get("title"), str) else path.stem
            modules.append(
                Module(
                    id_from_name(path),
                    title or path.stem,
                    path,
                    order_from_name(path) or 10_000 + index,
                    error=(f"{path.name}, line {first.line}: {first.message}" if first else "invalid front matter"),
                )
            )
            failed_docs.append(doc)
            continue
        module = _module_from(doc, parsed, index, root)
        if module.id in seen:
            diags.append(
                Diagnostic(
                    path,
                    doc.line_of(("id",)) if "id" in doc.data else 1,
                    ERROR,
                    f"duplicate module id '{module.id}' (also used by {seen[module.id].name})",
                )
            )
            module.error = f"duplicate module id '{module.id}'"
        else:
            seen[module.id] = path
        names.add(module.id)
        modules.append(module)
        docs.append((doc, module))

    for doc in failed_docs:
        diags.extend(check_body(doc.path, doc.body, doc.body_line, names, root=root))
    for doc, module in docs:
        diags.extend(check_body(doc.path, doc.body, doc.body_line, names, root=root))
        diags.extend(_questions(doc, module))
        if "duration_minutes" in doc.data:  # not a foreign lesson's own teaching + exercises
            diags.extend(duration_diagnostics(module, doc.line_of(("duration_minutes",))))
        diags.extend(unknown_skills(doc.path, doc, module.skills, known_skills))
        if known_scenarios is not None:
            for i, sid in enumerate(module.scenarios):
                if sid not in known_scenarios:
                    diags.append(
                        Diagnostic(
                            doc.path,
                            doc.line_of(("scenarios", i)),
                            ERROR,
                            f"field 'scenarios[{i + 1}]': unknown scenario id '{sid}'"
                            f"{did_you_mean(sid, known_scenarios)}",
                        )
                    )

    if meta is not None and meta.order:
        rank = {mid: i for i, mid in enumerate(meta.order)}
        for mid in meta.order:
            if mid not in seen:
                diags.append(Diagnostic(root / "course.yaml", 1, ERROR, f"field 'order': no module with id '{mid}'"))
        modules.sort(key=lambda m: (rank.get(m.id, len(rank)), m.order, m.path.name))
    else:
        modules.sort(key=lambda m: (m.order, m.path.name))

    title = meta.title if meta else root.resolve().name.replace("-", " ").replace("_", " ").title()
    return Course(
        title=title,
        root=root,
        modules=modules,
        licence=meta.licence if meta else "",
        description=meta.description if meta else "",
        check_pass_mark=meta.check_pass_mark if meta else DEFAULT_PASS_MARK,
        diagnostics=diags,
    )
