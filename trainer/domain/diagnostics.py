"""Problems found in content, reported as ``PATH:LINE: severity: message``."""

from __future__ import annotations

from pathlib import Path

ERROR = "error"
WARNING = "warning"


class Diagnostic:
    """One problem: where (file and line), how bad (ERROR or WARNING) and what.

    A small class with slots, equal and hashed as its four values and unpacked like
    a tuple. Not a ``NamedTuple``: the first one a process defines compiles
    ``collections.namedtuple``'s code, about 1 ms of every start (#16).
    """

    __slots__ = ("path", "line", "severity", "message")

    def __init__(self, path: Path, line: int, severity: str, message: str) -> None:
        self.path, self.line, self.severity, self.message = path, line, severity, message

    def _values(self) -> tuple[Path, int, str, str]:
        return (self.path, self.line, self.severity, self.message)

    def __iter__(self):
        return iter(self._values())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Diagnostic) and self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        path, line, severity, message = self._values()
        return f"Diagnostic(path={path!r}, line={line!r}, severity={severity!r}, message={message!r})"

    def __reduce__(self):
        return (Diagnostic, self._values())

    def with_message(self, message: str) -> Diagnostic:
        return Diagnostic(self.path, self.line, self.severity, message)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def format(self, root: Path | None = None) -> str:
        shown = self.path
        if root is not None:
            try:
                shown = self.path.relative_to(root)
            except ValueError:
                pass
        return f"{shown}:{self.line}: {self.severity}: {self.message}"

    def __str__(self) -> str:  # pragma: no cover - convenience
        return self.format()


def did_you_mean(word: str, known: list[str] | set[str] | tuple[str, ...]) -> str:
    """Return ' (did you mean "x"?)' for a close match, else ''."""
    import difflib  # loaded when a misspelling is to be explained, not at start-up

    matches = difflib.get_close_matches(word, sorted(known), n=1, cutoff=0.6)
    return f' (did you mean "{matches[0]}"?)' if matches else ""
