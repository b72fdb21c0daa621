"""Reading the small JSON files that travel between copies of the app (feedback
bundles, observation files): one plain line for every way a file can be wrong."""

from __future__ import annotations

import json
from pathlib import Path


def read_json_file(path: Path, what: str, error: type[Exception], max_bytes: int):
    """The parsed JSON of ``path``, or ``error`` raised with one plain line.

    ``what`` names the kind of file with its article, e.g. "a feedback bundle".
    """
    path = Path(path)
    try:
        if path.stat().st_size > max_bytes:
            raise error(f"{path.name}: too large to be {what}")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise error(f"{path.name}: not a text file; {what} is JSON") from None
    except OSError as exc:
        raise error(f"{path.name}: cannot read the file ({exc.strerror or exc})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise error(f"{path.name}, line {exc.lineno}: not valid JSON ({exc.msg}); "
                    "the file may be cut short, ask for it again") from None
