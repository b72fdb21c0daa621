"""Problems found in content, reported as ``PATH:LINE: severity: message``."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Diagnostic:
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
    matches = difflib.get_close_matches(word, sorted(known), n=1, cutoff=0.6)
    return f' (did you mean "{matches[0]}"?)' if matches else ""
