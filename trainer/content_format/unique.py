"""One loader loop for content kinds kept one per file with an ``id``: load each
file, keep its problems, and refuse a second file with an id already used."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Protocol, TypeVar

from trainer.domain.diagnostics import ERROR, Diagnostic


class HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=HasId)


def load_unique(
    paths: Iterable[Path],
    load_one: Callable[[Path], tuple[T | None, list[Diagnostic]]],
    kind: str,
    id_line: Callable[[Path], int] = lambda _path: 1,
) -> tuple[list[T], list[Diagnostic], dict[str, Path]]:
    """(items free of errors in ``paths`` order, every diagnostic, the file of each id seen)."""
    found: list[T] = []
    diags: list[Diagnostic] = []
    seen: dict[str, Path] = {}
    for path in paths:
        item, problems = load_one(path)
        diags.extend(problems)
        if item is None:
            continue
        if item.id in seen:
            message = f"duplicate {kind} id '{item.id}' (also used by {seen[item.id].name})"
            diags.append(Diagnostic(path, id_line(path), ERROR, message))
            continue
        seen[item.id] = path
        if not any(d.is_error for d in problems):
            found.append(item)
    return found, diags, seen
