"""Problems found in content, reported as ``PATH:LINE: severity: message``."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

ERROR = "error"
WARNING = "warning"


class Diagnostic(NamedTuple):  # a NamedTuple: immutable, and quick to define at start-up
    path: Path
    line: int
    severity: str  # ERROR or WARNING
    message: str

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
