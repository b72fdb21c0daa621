"""Checks that a content file's references name things the course has."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from trainer.content_format.frontmatter import Document
from trainer.domain.diagnostics import ERROR, Diagnostic, did_you_mean


def unknown_skills(path: Path, doc: Document, skills: Iterable[str], known: set[str] | None) -> list[Diagnostic]:
    """An error for each id in the file's ``skills`` list that the competency framework
    lacks (none when there is no framework to check against)."""
    if known is None:
        return []
    return [
        Diagnostic(
            path,
            doc.line_of(("skills", i)),
            ERROR,
            f"field 'skills[{i + 1}]': unknown skill id '{skill}'{did_you_mean(skill, known)}; "
            "expected an id from the competency framework",
        )
        for i, skill in enumerate(skills)
        if skill not in known
    ]
